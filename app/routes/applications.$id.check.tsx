import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { WarningText } from "~/components/warning-text";
import { submissionService, type SubmitProblem } from "~/domain/applications/index.server";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDateTime } from "~/domain/shared/time";
import { FileList } from "~/layout/file-question";
import { CsrfField, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Check your answers");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(submissionService.checkAndSend(user.id, idParam(params.id)));
}

/** A refusal in the words of the GOV.UK error summary: each item says what to do and links to where. */
function problemList(problem: SubmitProblem): { text: string; href: string }[] {
  switch (problem.kind) {
    case "declaration":
      return [{ text: "Confirm the declaration to send your application", href: "#declaration" }];
    case "incomplete":
      return problem.sections.map((s) => ({ text: `Complete the section “${s.title}”`, href: s.href }));
    case "closed":
      return [{ text: `You can no longer send this application: the deadline was ${formatLondonDateTime(problem.closesAt)}`, href: "#deadline" }];
    case "over_cap":
      return [
        {
          text:
            problem.remainingPence === 0
              ? `Your group cannot ask for more from the ${problem.area} pot in ${problem.financialYear}: its applications already add up to ${formatPence(problem.capPence)}, the most a group can have`
              : `Your group can ask for up to ${formatPence(problem.remainingPence)} more from the ${problem.area} pot in ${problem.financialYear}. This application asks for ${formatPence(problem.requestedPence)}`,
          href: problem.amountHref ?? "#deadline",
        },
      ];
    case "not_lead":
      return [{ text: `Only an admin of your group or the application's lead contact (${problem.leadContactName}) can send it`, href: "#send" }];
  }
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const result = await orNotFound(submissionService.submit(user.id, id, { declaration: field(form, "declaration") === "confirmed" }, requestInfo(request, context).ip));
  if (result.kind !== "refused") return redirect(`/applications/${id}/submitted`);
  return {
    errors: problemList(result.problem),
    fieldErrors: result.problem.kind === "declaration" ? { declaration: "Confirm the declaration to send your application" } : null,
  };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function CheckAnswers() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const send = page.submission;
  const incomplete = send.incomplete.length > 0;
  return (
    <>
      <BackLink href={`/applications/${page.applicationId}`} text="Back to your application" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.errors?.length ? <ErrorSummary titleText="There is a problem" errorList={result.errors} /> : null}
          <span className="govuk-caption-l">{page.fundName}</span>
          <h1 className="govuk-heading-l">Check your answers</h1>
          {page.sections.map((s) => (
            <section key={s.key}>
              <h2 className="govuk-heading-m">
                {s.title} {s.status !== "completed" ? <Tag text={s.status === "not_started" ? "Not yet started" : "In progress"} classes="govuk-tag--blue" /> : null}
              </h2>
              <SummaryList
                classes="govuk-!-margin-bottom-9"
                rows={s.rows.map((r) => ({
                  key: { text: r.label },
                  value: r.files?.length
                    ? { html: <FileList files={r.files} /> }
                    : r.lines.length
                      ? { html: <>{r.lines.map((l, i) => <span key={i} className="app-answer-line">{l}</span>)}</> }
                      : { text: "Not answered" },
                  actions: page.editable ? { items: [{ href: r.changeHref, text: r.lines.length ? "Change" : "Answer", visuallyHiddenText: r.label.toLowerCase() }] } : undefined,
                }))}
              />
            </section>
          ))}
          {page.editable ? <SendSection page={page} incomplete={incomplete} fieldErrors={result?.fieldErrors ?? null} /> : null}
          {!page.editable && send ? (
            <p className="govuk-body">
              This application has been sent.{" "}
              <a className="govuk-link" href="/applications">
                See your applications
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}

function SendSection({ page, incomplete, fieldErrors }: { page: ReturnType<typeof useLoaderData<typeof loader>>; incomplete: boolean; fieldErrors: Record<string, string> | null }) {
  const send = page.submission;
  return (
    <section id="send">
      <h2 className="govuk-heading-m">{send.resubmission ? "Now send your application again" : "Now send your application"}</h2>
      <p className="govuk-body" id="deadline">
        {send.resubmission
          ? "Send it when you have changed what we asked about."
          : `Send it by ${formatLondonDateTime(send.closesAt)}${send.extended ? " (your group's extended deadline)" : ""}.`}
      </p>
      {send.closed ? (
        <WarningText text={`The deadline has passed, so this application can no longer be sent. If you need more time, contact us before the panel meets.`} />
      ) : incomplete ? (
        <>
          <p className="govuk-body">You need to complete these sections before you can send it:</p>
          <ul className="govuk-list govuk-list--bullet">
            {send.incomplete.map((s) => (
              <li key={s.href}>
                <a className="govuk-link" href={s.href}>
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : !send.canSubmit ? (
        <p className="govuk-body">
          Only an admin of your group or the application&rsquo;s lead contact ({send.leadContactName}) can send it. Ask them to check your answers and send it.
        </p>
      ) : (
        <form method="post" noValidate>
          <CsrfField />
          <Checkboxes
            name="declaration"
            idPrefix="declaration"
            fieldset={{ legend: { text: "Declaration", classes: "govuk-fieldset__legend--s" } }}
            errorMessage={fieldError(fieldErrors, "declaration")}
            items={[{ value: "confirmed", text: send.declaration }]}
          />
          <p className="govuk-body">We will email everyone in your group to say we have it, with its reference.</p>
          <Button text={send.resubmission ? "Accept and send again" : "Accept and send"} preventDoubleClick />
        </form>
      )}
    </section>
  );
}
