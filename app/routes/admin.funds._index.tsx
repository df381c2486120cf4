import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { fundSetup } from "~/domain/admin/index.server";
import { requireSignedIn } from "~/utils/auth.server";
import { FUND_STATUS_TAGS } from "~/layout/status-tag";
import { pageTitle } from "~/utils/meta";
import { orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Funds you manage");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(fundSetup.adminFunds(user.id));
}

export default function Funds() {
  const { funds, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Funds you manage</h1>
      {canCreate ? (
        <p className="govuk-body">
          <a className="govuk-button" href="/admin/funds/new">
            Create a fund
          </a>
        </p>
      ) : null}
      {funds.length === 0 ? (
        <p className="govuk-body">There are no funds yet.</p>
      ) : (
        <Table
          caption="Funds"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Fund" }, { text: "Stages" }, { text: "Rounds open now", format: "numeric" }, { text: "Status" }]}
          rows={funds.map((f) => [
            {
              html: (
                <a className="govuk-link" href={`/admin/funds/${f.id}`}>
                  {f.name} <span className="govuk-hint govuk-!-display-inline">({f.code})</span>
                </a>
              ),
            },
            { text: f.twoStage ? "Outline, then full application" : "One stage" },
            { text: f.openRounds, format: "numeric" },
            { html: <Tag text={FUND_STATUS_TAGS[f.status]?.text ?? f.status} classes={FUND_STATUS_TAGS[f.status]?.classes} /> },
          ])}
        />
      )}
    </>
  );
}
