import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { DateInput } from "~/components/date-input";
import { Input } from "~/components/input";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { ENTITY_TYPES, auditFilterQuery, auditQuery, parseAuditFilter } from "~/domain/admin/audit-filter";
import { auditLog } from "~/domain/admin/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { FormErrors, fieldError } from "~/layout/forms";
import { requireServicePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "Audit log", { error: Object.keys(data?.errors ?? {}).length > 0 });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireServicePermission(request, context, "service.view_audit_log");
  const params = new URL(request.url).searchParams;
  const filter = parseAuditFilter(params);
  const { query, errors } = auditQuery(filter);
  const beforeText = params.get("before") ?? "";
  const before = /^\d{1,12}$/.test(beforeText) ? Number(beforeText) : null;
  const [events, page] = await Promise.all([
    auditLog.auditEvents(user.id),
    Object.keys(errors).length ? Promise.resolve({ entries: [], nextBefore: null }) : auditLog.listAudit(user.id, query, before),
  ]);
  return {
    filter,
    errors,
    events,
    entries: page.entries,
    next: page.nextBefore ? auditFilterQuery(filter, { before: String(page.nextBefore) }) : null,
    first: before ? auditFilterQuery(filter) : null,
  };
}

const ENTITY_PAGES: Record<string, (id: number) => string> = {
  application: (id) => `/admin/applications/${id}`,
  user: (id) => `/admin/staff/${id}`,
  fund: (id) => `/admin/funds/${id}`,
};

function entityName(type: string): string {
  return ENTITY_TYPES.find((t) => t.value === type)?.label ?? type;
}

export default function AuditLog() {
  const { filter, errors, events, entries, next, first } = useLoaderData<typeof loader>();
  const dateItems = (side: "from" | "to") => [
    { name: "day", classes: "govuk-input--width-2", value: filter[side].day, error: !!errors[`${side}-day`] },
    { name: "month", classes: "govuk-input--width-2", value: filter[side].month, error: !!errors[`${side}-month`] },
    { name: "year", classes: "govuk-input--width-4", value: filter[side].year, error: !!errors[`${side}-year`] },
  ];
  const dateError = (side: "from" | "to") => {
    const key = (["day", "month", "year"] as const).map((k) => `${side}-${k}`).find((k) => errors[k]);
    return key ? { text: errors[key] } : undefined;
  };
  return (
    <>
      <FormErrors errors={errors} order={["entity", "from-day", "from-month", "from-year", "to-day", "to-month", "to-year"]} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every change of status and every security event, newest first. Entries are never changed or removed.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop govuk-grid-column-one-third">
          <form method="get" action="/admin/audit" className="app-filter" aria-labelledby="filter-heading" noValidate>
            <h2 className="govuk-heading-m" id="filter-heading">
              Filter
            </h2>
            <Select id="event" name="event" label={{ text: "Event", classes: "govuk-label--s" }} value={filter.event ?? ""} classes="govuk-!-width-full" items={[{ value: "", text: "Any event" }, ...events.map((e) => ({ value: e.value, text: e.label }))]} />
            <Input id="person" name="person" type="email" label={{ text: "Who (email address)", classes: "govuk-label--s" }} hint={{ text: "Or “the portal” for what it did by itself" }} value={filter.person} spellcheck={false} classes="govuk-!-width-full" />
            <Select id="entityType" name="entityType" label={{ text: "Kind of record", classes: "govuk-label--s" }} value={filter.entityType ?? ""} classes="govuk-!-width-full" items={[{ value: "", text: "Any" }, ...ENTITY_TYPES.map((t) => ({ value: t.value, text: t.label }))]} />
            <Input id="entity" name="entity" label={{ text: "Reference or record number", classes: "govuk-label--s" }} hint={{ text: "For example, CRF-2026-00042" }} value={filter.entity} errorMessage={fieldError(errors, "entity")} spellcheck={false} classes="govuk-!-width-full" />
            <DateInput id="from" namePrefix="from" fieldset={{ legend: { text: "From", classes: "govuk-fieldset__legend--s" } }} hint={{ text: "For example, 1 4 2026" }} items={dateItems("from")} errorMessage={dateError("from")} />
            <DateInput id="to" namePrefix="to" fieldset={{ legend: { text: "To", classes: "govuk-fieldset__legend--s" } }} items={dateItems("to")} errorMessage={dateError("to")} />
            <div className="govuk-button-group">
              <Button text="Apply filters" classes="govuk-!-margin-bottom-0" />
              <a className="govuk-link" href="/admin/audit">
                Clear filters
              </a>
            </div>
          </form>
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop govuk-grid-column-two-thirds">
          {entries.length === 0 ? (
            <p className="govuk-body">No entries match the filter.</p>
          ) : (
            <Table
              caption="Audit log entries, newest first"
              captionClasses="govuk-visually-hidden"
              classes="app-table--compact"
              head={[{ text: "When" }, { text: "Who" }, { text: "What" }, { text: "Record" }, { text: "From → to" }, { text: "Why" }]}
              rows={entries.map((e) => [
                { text: formatLondonDateTime(e.at) },
                { text: e.who },
                {
                  html: (
                    <>
                      {e.what}
                      {e.details ? (
                        <>
                          <br />
                          <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0 app-break-anywhere">{e.details}</span>
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  html:
                    e.entityType && e.entityId !== null ? (
                      ENTITY_PAGES[e.entityType] ? (
                        <a className="govuk-link" href={ENTITY_PAGES[e.entityType](e.entityId)}>
                          {entityName(e.entityType)} {e.entityId}
                        </a>
                      ) : (
                        <>
                          {entityName(e.entityType)} {e.entityId}
                        </>
                      )
                    ) : (
                      <></>
                    ),
                },
                { text: e.from || e.to ? `${e.from ?? "new"} → ${e.to ?? ""}` : "" },
                { text: e.why ?? "" },
              ])}
            />
          )}
          <Pagination previous={first ? { href: `/admin/audit${first}` } : null} next={next ? { href: `/admin/audit${next}` } : null} />
        </div>
      </div>
    </>
  );
}
