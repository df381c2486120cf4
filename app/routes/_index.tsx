import type { MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { SummaryList } from "~/components/summary-list";
import { listFunds, type FundSummary } from "~/domain/funds/funds.server";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDateTime } from "~/domain/shared/time";
import { pageTitle } from "~/utils/meta";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, null);

export async function loader() {
  return { funds: await listFunds() };
}

function FundEntry({ fund }: { fund: FundSummary }) {
  return (
    <li className="app-fund-list__item">
      <h3 className="govuk-heading-m">
        <a className="govuk-link" href={`/funds/${fund.slug}`}>
          {fund.name}
        </a>
      </h3>
      <p className="govuk-body">{fund.summary}</p>
      <SummaryList
        classes="govuk-summary-list--no-border"
        rows={[
          { key: { text: "Grants" }, value: { text: `${formatPence(fund.minAwardPence)} to ${formatPence(fund.maxAwardPence)}` } },
          { key: { text: "Who can apply" }, value: { text: fund.whoCanApply } },
          {
            key: { text: "How to apply" },
            value: { text: fund.twoStage ? "Send an outline proposal. If the panel invites you, make a full application." : "One application form." },
          },
          {
            key: { text: fund.openRounds ? "Closing date" : "Open for applications" },
            value: {
              text: fund.nextClosing
                ? `${fund.twoStage ? "Outline proposals by " : ""}${formatLondonDateTime(fund.nextClosing)}`
                : "Not at the moment",
            },
          },
        ]}
      />
    </li>
  );
}

export default function Index() {
  const { funds } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const open = funds.filter((f) => f.openRounds > 0);
  const closed = funds.filter((f) => f.openRounds === 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Apply for a community grant</h1>
        <p className="govuk-body-l">
          {root?.settings.operatorName ?? "The council"} gives grants to voluntary and community groups, charities and parish
          and town councils for projects that help local people.
        </p>
        <p className="govuk-body">
          Choose a fund to find out who can apply, how much you can ask for and when it closes. You can save an
          application and come back to it, and other members of your group can work on it with you.
        </p>
        <h2 className="govuk-heading-l">Funds open now</h2>
        {open.length === 0 ? (
          <p className="govuk-body">No funds are open for applications at the moment.</p>
        ) : (
          <ul className="app-fund-list">
            {open.map((fund) => (
              <FundEntry key={fund.id} fund={fund} />
            ))}
          </ul>
        )}
        {closed.length > 0 ? (
          <>
            <h2 className="govuk-heading-l">Not open at the moment</h2>
            <ul className="app-fund-list">
              {closed.map((fund) => (
                <FundEntry key={fund.id} fund={fund} />
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
