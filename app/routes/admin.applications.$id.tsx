import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { Textarea } from "~/components/textarea";
import { NOTE_MAX, REASON_MAX, SCAN_STATES, adminApplications } from "~/domain/admin/index.server";
import { Radios } from "~/components/radios";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { StatusTag } from "~/layout/status-tag";
import { AdviceThread } from "~/layout/advice-thread";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `${data.application.reference ?? "Application"}: ${data.application.title ?? data.application.organisationName}` : "Application");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const application = await orNotFound(adminApplications.staffApplicationView(user.id, idParam(params.id)));
  const done = new URL(request.url).searchParams;
  return { application, noteAdded: done.has("noted"), flagSaved: done.has("flagged") };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const ip = requestInfo(request, context).ip;
  if (field(form, "intent") === "deprived") {
    const values = { flag: field(form, "flag"), reason: field(form, "reason") };
    const saved = await orNotFound(adminApplications.setDeprivedFlag(user.id, id, values, ip));
    if (saved.kind === "invalid") return { errors: saved.errors, values: { note: "", ...values } };
    return redirect(`/admin/applications/${id}?flagged=1#deprivation`);
  }
  if (field(form, "intent") !== "note") throw new Response("Unknown action", { status: 400 });
  const result = await orNotFound(adminApplications.addNote(user.id, id, field(form, "note"), ip));
  if (result.kind === "invalid") return { errors: result.errors as Record<string, string>, values: { note: field(form, "note"), flag: "", reason: "" } };
  return redirect(`/admin/applications/${id}?noted=1#notes`);
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export default function StaffApplication() {
  const { application: a, noteAdded, flagSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink href="/admin/applications" text="Applications" />
      {noteAdded || flagSaved ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">{noteAdded ? "Note added" : "Deprived-area flag saved"}</p>
        </NotificationBanner>
      ) : null}
      <FormErrors errors={result?.errors} order={["flag", "reason", "note"]} />
      <span className="govuk-caption-l">
        {a.reference ?? "No reference yet"} · {a.stage}
      </span>
      <h1 className="govuk-heading-l">{a.title ?? a.organisationName}</h1>
      <p className="govuk-body">
        <StatusTag status={a.status} />
        {a.deprivation.flagged ? (
          <>
            {" "}
            <Tag text="Deprived area" classes="govuk-tag--pink" />
          </>
        ) : null}
      </p>
      {a.actions.length || a.canExtend ? (
        <div className="app-decide" id="decide">
          <h2 className="govuk-heading-m">Decide</h2>
          <div className="govuk-button-group">
            {a.actions.map((x, i) => (
              <a key={x.value} className={`govuk-button${i === 0 ? "" : " govuk-button--secondary"}`} href={`/admin/decisions/new?action=${x.value}&id=${a.id}`}>
                {x.label}
              </a>
            ))}
            {a.canExtend ? (
              <a className="govuk-link" href={`/admin/applications/${a.id}/extension`}>
                Give the group more time
              </a>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: { text: "Group" }, value: { text: a.organisationName } },
              { key: { text: "Fund" }, value: { text: a.fundName } },
              { key: { text: "Round" }, value: { text: a.roundName } },
              { key: { text: "District" }, value: { text: a.districtName ?? "Not known yet" } },
              { key: { text: "Amount requested" }, value: { text: a.amountRequestedPence === null ? "Not given" : formatPence(a.amountRequestedPence) } },
              { key: { text: "Submitted" }, value: { text: formatLondonDateTime(a.submittedAt) } },
              { key: { text: "Lead contact" }, value: { text: a.leadContact } },
              { key: { text: "Community Coordinator" }, value: { text: a.coordinatorName ?? "None" } },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <aside className="app-related" aria-labelledby="related-heading">
            <h2 className="govuk-heading-s" id="related-heading">
              On this page
            </h2>
            <ul className="govuk-list govuk-!-font-size-16">
              <li>
                <a className="govuk-link" href="#answers">
                  Answers
                </a>
              </li>
              <li>
                <a className="govuk-link" href="#documents">
                  Documents ({a.documents.length})
                </a>
              </li>
              <li>
                <a className="govuk-link" href="#history">
                  History
                </a>
              </li>
              <li>
                <a className="govuk-link" href="#deprivation">
                  Deprived area{a.deprivation.flagged ? " (flagged)" : ""}
                </a>
              </li>
              {a.advice.length ? (
                <li>
                  <a className="govuk-link" href="#advice">
                    Coordinator&rsquo;s advice ({a.advice.length})
                  </a>
                </li>
              ) : null}
              <li>
                <a className="govuk-link" href="#notes">
                  Staff notes ({a.notes.length})
                </a>
              </li>
              <li>
                <a className="govuk-link" href={`/applications/${a.id}/pdf`}>
                  Download a PDF copy
                </a>
              </li>
            </ul>
          </aside>
        </div>
      </div>

      <h2 className="govuk-heading-l" id="answers">
        Answers
      </h2>
      {a.sections.map((s) => (
        <SummaryList
          key={s.key}
          card={{ title: { text: s.title, headingLevel: 3 } }}
          rows={s.rows.map((r) => ({
            key: { text: r.label },
            value: { html: r.lines.length ? <>{r.lines.map((l, i) => <p key={i} className="govuk-body govuk-!-margin-bottom-1">{l}</p>)}</> : <span className="govuk-hint govuk-!-margin-0">Not answered</span> },
          }))}
        />
      ))}

      <h2 className="govuk-heading-l" id="documents">
        Documents
      </h2>
      {a.documents.length === 0 ? (
        <p className="govuk-body">No documents were uploaded with this application.</p>
      ) : (
        <Table
          caption="Documents uploaded with the application"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Document" }, { text: "For the question" }, { text: "Uploaded" }, { text: "Virus scan" }]}
          rows={a.documents.map((d) => [
            {
              html: (
                <>
                  <a className="govuk-link" href={`/applications/${a.id}/documents/${d.id}`}>
                    {d.filename}
                  </a>
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">{fileSize(d.sizeBytes)}</span>
                </>
              ),
            },
            { text: d.question },
            { text: formatLondonDateTime(d.uploadedAt) },
            { html: <Tag text={d.scanText} classes={SCAN_STATES[d.scanState]?.classes} /> },
          ])}
        />
      )}

      <h2 className="govuk-heading-l" id="history">
        History
      </h2>
      <Table
        caption="What happened to this application, oldest first"
        captionClasses="govuk-visually-hidden"
        head={[{ text: "When" }, { text: "Who" }, { text: "What" }, { text: "Why" }]}
        rows={a.history.map((h) => [
          { text: formatLondonDateTime(h.at) },
          { text: h.who },
          {
            html: (
              <>
                {h.what}
                {h.from || h.to ? (
                  <>
                    <br />
                    <span className="govuk-!-font-size-16">
                      {h.from ?? "new"} → {h.to ?? ""}
                    </span>
                  </>
                ) : null}
              </>
            ),
          },
          { text: h.why ?? "" },
        ])}
      />

      {a.advice.length ? (
        <>
          <h2 className="govuk-heading-l" id="advice">
            Coordinator&rsquo;s advice
          </h2>
          <p className="govuk-body">Advice the group&rsquo;s Community Coordinator gave before it was sent, and the group&rsquo;s replies. The group sees these.</p>
          <AdviceThread thread={a.advice} adviceFrom="Community Coordinator" replyFrom={a.organisationName} />
        </>
      ) : null}

      <h2 className="govuk-heading-l" id="deprivation">
        Deprived area
      </h2>
      <SummaryList
        rows={[
          { key: { text: "Flagged" }, value: { text: a.deprivation.flagged ? "Yes" : "No" } },
          {
            key: { text: "Found at submission" },
            value: {
              text: a.deprivation.edition
                ? `${a.deprivation.decile === null ? "No decile found" : `Decile ${a.deprivation.decile}`} in ${a.deprivation.edition}${a.deprivation.lsoaCode ? ` (LSOA ${a.deprivation.lsoaCode})` : ""}`
                : "Nothing (no deprivation data when it was sent)",
            },
          },
          ...(a.deprivation.reason ? [{ key: { text: "Set by hand" }, value: { text: `${a.deprivation.setBy}: ${a.deprivation.reason}` } }] : []),
        ]}
      />
      <form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="deprived" />
        <Radios
          name="flag"
          idPrefix="flag"
          classes="govuk-radios--inline govuk-radios--small"
          fieldset={{ legend: { text: "Is the project in a deprived area?", classes: "govuk-fieldset__legend--s" } }}
          hint={{ text: "For example, a countywide project working mostly with people from deprived areas." }}
          value={result?.values.flag || (a.deprivation.flagged ? "yes" : "no")}
          errorMessage={fieldError(result?.errors, "flag")}
          items={[
            { value: "yes", text: "Yes" },
            { value: "no", text: "No" },
          ]}
        />
        <Textarea
          id="reason"
          name="reason"
          rows={2}
          label={{ text: "Why", classes: "govuk-label--s" }}
          hint={{ text: `Recorded in the application's history. Up to ${REASON_MAX.toLocaleString("en-GB")} characters.` }}
          value={result?.values.reason ?? ""}
          errorMessage={fieldError(result?.errors, "reason")}
        />
        <Button text="Save the flag" classes="govuk-button--secondary" preventDoubleClick />
      </form>

      <h2 className="govuk-heading-l" id="notes">
        Staff notes
      </h2>
      <p className="govuk-body">Only the fund&rsquo;s staff see these notes; the group never does.</p>
      {a.notes.length === 0 ? <p className="govuk-body">No notes yet.</p> : null}
      {a.notes.map((n) => (
        <div key={n.id} className="app-note">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{n.who}</strong>, {formatLondonDateTime(n.at)}
          </p>
          {n.body.split("\n").map((line, i) => (
            <p key={i} className="govuk-body govuk-!-margin-bottom-1">
              {line}
            </p>
          ))}
        </div>
      ))}
      <form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="note" />
        <Textarea
          id="note"
          name="note"
          rows={4}
          label={{ text: "Add a note", classes: "govuk-label--s" }}
          hint={{ text: `For the fund's staff only. Up to ${NOTE_MAX.toLocaleString("en-GB")} characters.` }}
          value={result?.values.note ?? ""}
          errorMessage={fieldError(result?.errors, "note")}
        />
        <Button text="Add note" classes="govuk-button--secondary" preventDoubleClick />
      </form>
    </>
  );
}
