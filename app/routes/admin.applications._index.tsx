import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { adminApplications } from "~/domain/admin/index.server";
import { LISTED_STATES, SORTS, STAGES, filterQuery, parseCursor, parseFilter, type ListFilter } from "~/domain/admin/list-filter";
import { stateLabel } from "~/domain/applications/workflow";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDate } from "~/domain/shared/time";
import { StatusTag } from "~/layout/status-tag";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Applications");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const { scope, options } = await orNotFound(adminApplications.listScope(user.id));
  const params = new URL(request.url).searchParams;
  const filter = parseFilter(params);
  const page = await adminApplications.listApplications(scope, filter, parseCursor(params, filter.sort));
  return {
    filter,
    options,
    rows: page.rows,
    count: page.count,
    totalRequestedPence: page.totalRequestedPence,
    next: page.next ? filterQuery(filter, { after: page.next }) : null,
    previous: page.previous ? filterQuery(filter, { before: page.previous }) : null,
    exportQuery: filterQuery(filter),
  };
}

const selectClasses = "govuk-!-width-full";

function Filters({ filter, options }: { filter: ListFilter; options: ReturnType<typeof useLoaderData<typeof loader>>["options"] }) {
  const any = (label: string) => ({ value: "", text: label });
  return (
    <form method="get" action="/admin/applications" className="app-filter" aria-labelledby="filter-heading">
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter
      </h2>
      <Input id="q" name="q" label={{ text: "Reference, group or title", classes: "govuk-label--s" }} value={filter.q} classes="govuk-!-width-full" spellcheck={false} />
      <Select id="fund" name="fund" label={{ text: "Fund", classes: "govuk-label--s" }} value={filter.fund ? String(filter.fund) : ""} classes={selectClasses} items={[any("Any fund"), ...options.funds.map((f) => ({ value: String(f.id), text: f.name }))]} />
      <Select
        id="round"
        name="round"
        label={{ text: "Round", classes: "govuk-label--s" }}
        value={filter.round ? String(filter.round) : ""}
        classes={selectClasses}
        items={[any("Any round"), ...options.rounds.filter((r) => !filter.fund || r.fundId === filter.fund).map((r) => ({ value: String(r.id), text: r.name }))]}
      />
      <Select id="district" name="district" label={{ text: "District", classes: "govuk-label--s" }} value={filter.district ?? ""} classes={selectClasses} items={[any("Any district"), ...options.districts.map((d) => ({ value: d.code, text: d.name })), { value: "none", text: "Not known yet" }]} />
      <Select id="status" name="status" label={{ text: "Status", classes: "govuk-label--s" }} value={filter.status ?? ""} classes={selectClasses} items={[any("Any status"), ...LISTED_STATES.map((s) => ({ value: s, text: capitalise(stateLabel(s)) }))]} />
      <Select
        id="deprived"
        name="deprived"
        label={{ text: "Deprived area", classes: "govuk-label--s" }}
        value={filter.deprived ?? ""}
        classes={selectClasses}
        items={[any("Any area"), { value: "yes", text: "Flagged as deprived" }, { value: "no", text: "Not flagged" }]}
      />
      <Select id="stage" name="stage" label={{ text: "Stage", classes: "govuk-label--s" }} value={filter.stage ?? ""} classes={selectClasses} items={[any("Any stage"), ...STAGES.map((s) => ({ value: s.value, text: s.label }))]} />
      <Select id="sort" name="sort" label={{ text: "Sort by", classes: "govuk-label--s" }} value={filter.sort} classes={selectClasses} items={Object.entries(SORTS).map(([value, s]) => ({ value, text: s.label }))} />
      <div className="govuk-button-group">
        <Button text="Apply filters" classes="govuk-!-margin-bottom-0" />
        <a className="govuk-link" href="/admin/applications">
          Clear filters
        </a>
      </div>
    </form>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default function Applications() {
  const { filter, options, rows, count, totalRequestedPence, next, previous, exportQuery } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.fund || filter.round || filter.stage || filter.status || filter.district || filter.deprived || filter.q);
  return (
    <>
      <h1 className="govuk-heading-l">Applications</h1>
      <p className="govuk-body">
        <a className="govuk-link" href="/admin/notifications">
          Choose how you hear of new submissions
        </a>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop govuk-grid-column-one-third">
          <Filters filter={filter} options={options} />
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop govuk-grid-column-two-thirds">
          <p className="govuk-body-l app-list-summary" role="status">
            <strong>{count.toLocaleString("en-GB")}</strong> {count === 1 ? "application" : "applications"}
            {filtered ? (count === 1 ? " matches the filter" : " match the filter") : ""}, <strong>{formatPence(totalRequestedPence)}</strong> requested
          </p>
          {count > 0 ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/admin/applications/export${exportQuery}`} download>
                Download {count === 1 ? "this application" : `these ${count.toLocaleString("en-GB")} applications`} as a spreadsheet (CSV)
              </a>
            </p>
          ) : null}
          {rows.length === 0 ? (
            <p className="govuk-body">No applications match the filter. Change or clear the filter to see more.</p>
          ) : (
            <Table
              caption="Applications"
              captionClasses="govuk-visually-hidden"
              classes="app-table--compact"
              head={[{ text: "Reference" }, { text: "Group and project" }, { text: "Requested", format: "numeric" }, { text: "Submitted" }, { text: "Status" }]}
              rows={rows.map((r) => [
                {
                  html: (
                    <a className="govuk-link app-nowrap" href={`/admin/applications/${r.id}`}>
                      {r.reference ?? `Application ${r.id}`}
                      {r.stage !== "single" ? <span className="govuk-visually-hidden"> ({r.stage === "outline" ? "outline" : "full application"})</span> : null}
                    </a>
                  ),
                },
                {
                  html: (
                    <>
                      <span className="govuk-!-font-weight-bold">{r.organisationName}</span>
                      <br />
                      {r.title ?? "No title yet"}
                      <br />
                      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">
                        {r.fundName}, {r.roundName}
                        {r.stage !== "single" ? ` (${r.stage === "outline" ? "outline" : "full application"})` : ""}
                        {r.districtName && !r.roundName.includes(r.districtName) ? `. ${r.districtName}` : ""}
                        {r.districtName ? "" : ". District not known yet"}
                      </span>
                    </>
                  ),
                },
                { text: r.amountRequestedPence === null ? "" : formatPence(r.amountRequestedPence), format: "numeric" },
                { text: formatLondonDate(r.submittedAt) },
                {
                  html: (
                    <>
                      <StatusTag status={r.status} />
                      {r.deprived ? (
                        <>
                          <br />
                          <Tag text="Deprived area" classes="govuk-tag--pink govuk-!-margin-top-1" />
                        </>
                      ) : null}
                    </>
                  ),
                },
              ])}
            />
          )}
          <Pagination previous={previous ? { href: `/admin/applications${previous}` } : null} next={next ? { href: `/admin/applications${next}` } : null} />
        </div>
      </div>
    </>
  );
}
