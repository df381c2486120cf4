import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { accounts } from "~/domain/accounts/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { requireServicePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sent emails");

const STATUSES = ["pending", "sending", "sent", "failed"] as const;
type Status = (typeof STATUSES)[number];

export const STATUS_TAGS: Record<Status, { text: string; classes: string }> = {
  pending: { text: "Waiting", classes: "govuk-tag--blue" },
  sending: { text: "Sending", classes: "govuk-tag--yellow" },
  sent: { text: "Sent", classes: "govuk-tag--green" },
  failed: { text: "Failed", classes: "govuk-tag--red" },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireServicePermission(request, context, "service.view_outbox");
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const before = Number(url.searchParams.get("before"));
  const chosen = (STATUSES as readonly string[]).includes(status ?? "") ? (status as Status) : null;
  const page = await accounts.listOutbox({ status: chosen, before: Number.isInteger(before) && before > 0 ? before : null });
  return { ...page, status: chosen };
}

export default function SentEmails() {
  const { items, counts, nextBefore, status } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Sent emails</h1>
      <p className="govuk-body">Every email the service sends, newest first. One-time links in them are never shown here.</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/admin/emails" aria-current={status === null ? "page" : undefined}>
            All
          </a>
        </li>
        {STATUSES.map((s) => (
          <li key={s}>
            <a className="govuk-link" href={`/admin/emails?status=${s}`} aria-current={status === s ? "page" : undefined}>
              {STATUS_TAGS[s].text} ({counts[s]})
            </a>
          </li>
        ))}
      </ul>
      {items.length === 0 ? (
        <p className="govuk-body">There are no emails to show.</p>
      ) : (
        <Table
          caption="Emails, newest first"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "To" }, { text: "Email" }, { text: "Reference" }, { text: "Queued" }, { text: "Status" }]}
          rows={items.map((m) => [
            { html: <a className="govuk-link" href={`/admin/emails/${m.id}`}>{m.toEmail}</a> },
            { text: m.template },
            { text: m.reference ?? "" },
            { text: formatLondonDateTime(m.createdAt) },
            { html: <Tag text={STATUS_TAGS[m.status].text} classes={STATUS_TAGS[m.status].classes} /> },
          ])}
        />
      )}
      {nextBefore ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/admin/emails?${new URLSearchParams({ ...(status ? { status } : {}), before: String(nextBefore) })}`}>
            Older emails
          </a>
        </p>
      ) : null}
    </>
  );
}
