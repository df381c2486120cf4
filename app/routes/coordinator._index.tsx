import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { CONVERSATION_LABELS } from "~/domain/coordinators/advice.rules";
import { coordinatorService } from "~/domain/coordinators/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { StatusTag } from "~/layout/status-tag";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your districts");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(coordinatorService.districtView(user.id, new URL(request.url).searchParams));
}

export default function DistrictView() {
  const { districts, filter, filters, rows, more } = useLoaderData<typeof loader>();
  const any = (label: string) => ({ value: "", text: label });
  return (
    <>
      <h1 className="govuk-heading-l">Your districts</h1>
      <p className="govuk-body">
        Drafts and applications from groups in {districts.map((d) => d.name).join(", ")}. Open one to read it and give the group advice before they send it.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop govuk-grid-column-one-third">
          <form method="get" action="/coordinator" className="app-filter" aria-labelledby="filter-heading">
            <h2 className="govuk-heading-m" id="filter-heading">
              Filter
            </h2>
            <Select id="district" name="district" label={{ text: "District", classes: "govuk-label--s" }} value={filter.district ?? ""} classes="govuk-!-width-full" items={[any("All your districts"), ...districts.map((d) => ({ value: d.code, text: d.name }))]} />
            <Select id="status" name="status" label={{ text: "Status", classes: "govuk-label--s" }} value={filter.status ?? ""} classes="govuk-!-width-full" items={[any("Any status"), ...filters.map((f) => ({ value: f.value, text: f.label }))]} />
            <div className="govuk-button-group">
              <Button text="Apply filters" classes="govuk-!-margin-bottom-0" />
              <a className="govuk-link" href="/coordinator">
                Clear filters
              </a>
            </div>
          </form>
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop govuk-grid-column-two-thirds">
          <p className="govuk-body-l" role="status">
            <strong>{rows.length.toLocaleString("en-GB")}</strong> {rows.length === 1 ? "application" : "applications"}
            {more ? " (the most recently active; filter to see others)" : ""}
          </p>
          {rows.length === 0 ? (
            <p className="govuk-body">No drafts or applications match the filter.</p>
          ) : (
            <Table
              caption="Drafts and applications in your districts"
              captionClasses="govuk-visually-hidden"
              classes="app-table--compact"
              head={[{ text: "Group and project" }, { text: "Status" }, { text: "Last activity" }, { text: "Advice" }]}
              rows={rows.map((r) => [
                {
                  html: (
                    <>
                      <a className="govuk-link govuk-!-font-weight-bold" href={`/coordinator/applications/${r.id}`}>
                        {r.organisationName}
                        <span className="govuk-visually-hidden">: {r.title ?? "no title yet"}</span>
                      </a>
                      <br />
                      {r.title ?? "No title yet"}
                      <br />
                      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">
                        {r.reference ?? "Draft"}, {r.fundName}
                        {r.stage ? ` (${r.stage})` : ""}
                        {r.districtName ? `. ${r.districtName}` : ""}
                      </span>
                    </>
                  ),
                },
                { html: <StatusTag status={r.status} /> },
                { text: formatLondonDateTime(r.lastActivityAt) },
                {
                  html: (
                    <>
                      <Tag {...CONVERSATION_LABELS[r.conversation]} />
                      {r.coordinatorName ? (
                        <>
                          <br />
                          <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">{r.coordinatorName}</span>
                        </>
                      ) : null}
                    </>
                  ),
                },
              ])}
            />
          )}
        </div>
      </div>
    </>
  );
}
