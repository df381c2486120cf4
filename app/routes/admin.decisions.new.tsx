import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Fieldset } from "~/components/fieldset";
import { Input } from "~/components/input";
import { InsetText } from "~/components/inset-text";
import { Textarea } from "~/components/textarea";
import { reviewService } from "~/domain/applications/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { LondonDateTime } from "~/layout/setup-fields";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.form.label ?? "Decide");

function ids(values: string[]): number[] {
  return values.filter((v) => /^\d{1,12}$/.test(v)).map(Number);
}

/** The decision form for the applications chosen (?action=…&id=…&id=…), each with its own feedback. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const url = new URL(request.url);
  const form = await orNotFound(reviewService.decisionForm(user.id, url.searchParams.get("action") ?? "", ids(url.searchParams.getAll("id"))));
  return { form };
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const raw = textFields(form);
  const result = await orNotFound(reviewService.decide(user.id, raw.action ?? "", raw, ids(form.getAll("id").map(String)), requestInfo(request, context).ip));
  if (result.kind === "done") return redirect(`/admin/decisions/${result.batchId}`);
  return { errors: result.errors, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

function deadlineParts(iso: string | null): Record<string, string> {
  if (!iso) return {};
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]),
  );
  return { "deadline-day": p.day, "deadline-month": p.month, "deadline-year": p.year, "deadline-time": `${p.hour}:${p.minute}` };
}

export default function DecisionForm() {
  const { form } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values: Record<string, string | undefined> = result?.values ?? { ...deadlineParts(form.deadline?.default ?? null), ...Object.fromEntries(form.items.map((i) => [`feedback-${i.id}`, i.feedback])) };
  const order = ["ids", "deadline-day", "deadline-time", ...form.items.flatMap((i) => [`feedback-${i.id}`, `referralTo-${i.id}`, `referralReason-${i.id}`])];
  const n = form.items.length;
  return (
    <>
      <BackLink href="/admin/applications" text="Applications" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={result?.errors} order={order} />
          <span className="govuk-caption-l">{form.fund.name || "Deciding"}</span>
          <h1 className="govuk-heading-l">
            {form.label}: {n === 1 ? "1 application" : `${n} applications`}
          </h1>
          {form.left.length ? (
            <InsetText>
              <p className="govuk-body">These cannot be decided this way now, so they are left out:</p>
              <ul className="govuk-list govuk-list--bullet">
                {form.left.map((l) => (
                  <li key={l.id}>
                    {l.reference ?? "No reference"}, {l.group}: {l.why}
                  </li>
                ))}
              </ul>
            </InsetText>
          ) : null}
          {n === 0 ? (
            <p className="govuk-body">
              Nothing to decide. Go back and select applications that can be decided this way.
            </p>
          ) : (
            <form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="action" value={form.action} />
              {form.items.map((i) => (
                <input key={i.id} type="hidden" name="id" value={i.id} />
              ))}
              <p className="govuk-body">
                {form.needsFeedback
                  ? "Each group will be emailed the feedback below. It starts from the fund's words for this decision: make it each group's own."
                  : "Each group will be emailed. You can add a note to the email for each group."}
              </p>
              {form.deadline ? (
                <LondonDateTime
                  name="deadline"
                  legend="When must the full applications be sent by?"
                  hint="The round's full-application deadline, unless you choose another. For example, 15 3 2027. Time: 5pm when left empty."
                  values={values}
                  errors={result?.errors}
                  time
                />
              ) : null}
              {form.items.map((i) => (
                <Fieldset key={i.id} legend={{ text: `${i.reference ?? "No reference"}: ${i.title ?? "Untitled"}, from ${i.group}`, classes: "govuk-fieldset__legend--s" }}>
                  <Textarea
                    id={`feedback-${i.id}`}
                    name={`feedback-${i.id}`}
                    rows={4}
                    label={{ text: form.needsFeedback ? `Feedback for ${i.group}` : `A note for ${i.group} (optional)` }}
                    value={values[`feedback-${i.id}`] ?? ""}
                    errorMessage={fieldError(result?.errors, `feedback-${i.id}`)}
                  />
                  {form.referral ? (
                    <>
                      <Input
                        id={`referralTo-${i.id}`}
                        name={`referralTo-${i.id}`}
                        label={{ text: "Signpost to (organisation or fund)" }}
                        value={values[`referralTo-${i.id}`] ?? ""}
                        errorMessage={fieldError(result?.errors, `referralTo-${i.id}`)}
                      />
                      <Textarea
                        id={`referralReason-${i.id}`}
                        name={`referralReason-${i.id}`}
                        rows={2}
                        label={{ text: "Why it suits them" }}
                        value={values[`referralReason-${i.id}`] ?? ""}
                        errorMessage={fieldError(result?.errors, `referralReason-${i.id}`)}
                      />
                    </>
                  ) : null}
                </Fieldset>
              ))}
              <Button text={`${form.label} and email ${n === 1 ? "the group" : `the ${n} groups`}`} preventDoubleClick />
            </form>
          )}
        </div>
      </div>
    </>
  );
}
