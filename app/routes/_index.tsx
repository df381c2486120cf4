import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listFunds } from "~/domain/funds/funds.server";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDateTime } from "~/domain/shared/time";

export const meta: MetaFunction = () => [{ title: "Apply for a community grant – Cambridgeshire County Council" }];

export async function loader() {
  return { funds: await listFunds() };
}

export default function Index() {
  const { funds } = useLoaderData<typeof loader>();
  return (
    <main id="main-content">
      <h1>Apply for a community grant</h1>
      <p>Grants from Cambridgeshire County Council for community groups, charities and parish councils.</p>
      {funds.length === 0 ? (
        <p>There are no funds open at the moment.</p>
      ) : (
        <ul>
          {funds.map((fund) => (
            <li key={fund.id}>
              <h2>{fund.name}</h2>
              <p>{fund.summary}</p>
              <p>
                Grants from {formatPence(fund.minAwardPence)} to {formatPence(fund.maxAwardPence)}.{" "}
                {fund.twoStage ? "Send an outline proposal first." : "Apply in one stage."}
              </p>
              <p>
                {fund.nextClosing
                  ? `Open for applications until ${formatLondonDateTime(fund.nextClosing)}.`
                  : "Not open for applications at the moment."}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
