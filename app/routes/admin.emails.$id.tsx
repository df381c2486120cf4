import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { accounts } from "~/domain/accounts/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { requireServicePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { STATUS_TAGS } from "./admin.emails._index";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.subject ?? "Email");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireServicePermission(request, context, "service.view_outbox");
  const id = Number(params.id);
  const message = Number.isInteger(id) && id > 0 ? await accounts.readOutboxMessage(id) : null;
  if (!message) throw new Response("No such email", { status: 404 });
  return message;
}

export default function SentEmail() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/admin/emails" text="Sent emails" />
      <h1 className="govuk-heading-l">{m.subject ?? m.template}</h1>
      <SummaryList
        rows={[
          { key: { text: "To" }, value: { text: m.toName ? `${m.toName} <${m.toEmail}>` : m.toEmail } },
          { key: { text: "Status" }, value: { html: <Tag text={STATUS_TAGS[m.status].text} classes={STATUS_TAGS[m.status].classes} /> } },
          { key: { text: "Queued" }, value: { text: formatLondonDateTime(m.createdAt) } },
          { key: { text: "Sent" }, value: { text: m.sentAt ? formatLondonDateTime(m.sentAt) : "Not yet" } },
          { key: { text: "Attempts" }, value: { text: String(m.attempts) } },
          m.lastError ? { key: { text: "Last error" }, value: { text: m.lastError } } : null,
          m.smtpResponse ? { key: { text: "Mail server said" }, value: { text: m.smtpResponse } } : null,
          { key: { text: "Template" }, value: { text: m.template } },
          { key: { text: "Message-ID" }, value: { text: m.messageId } },
          m.attachments.length ? { key: { text: "Attachments" }, value: { text: m.attachments.join(", ") } } : null,
        ].filter((r) => r !== null)}
      />
      {m.containsSecret ? (
        <p className="govuk-body">This email held a one-time link. It is shown as REDACTED: only the person it was sent to can use it.</p>
      ) : null}
      <h2 className="govuk-heading-m">Message</h2>
      {m.text ? <div className="app-email-body">{m.text}</div> : <p className="govuk-body">The content of this email is no longer kept.</p>}
    </>
  );
}
