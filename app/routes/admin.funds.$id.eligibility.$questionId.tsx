import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Textarea } from "~/components/textarea";
import { fundSetup } from "~/domain/admin/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields, versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.question ? "Change an eligibility question" : "Add an eligibility question");

function questionParam(value: string | undefined): number | null {
  return value === "new" ? null : idParam(value);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(fundSetup.eligibilityForm(user.id, idParam(params.id), questionParam(params.questionId)));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const raw = textFields(form);
  const result = await orNotFound(fundSetup.saveEligibility(user.id, fundId, questionParam(params.questionId), raw, versionField(form), requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${fundId}?done=eligibility#eligibility`);
  if (result.kind === "conflict") return data({ errors: null, conflict: result.message, values: null }, { status: 409 });
  return { errors: result.errors, conflict: null, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function EligibilityForm() {
  const { fund, question, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v: Record<string, string> = result?.values ?? values;
  return (
    <>
      <BackLink href={`/admin/funds/${fund.id}#eligibility`} text={fund.name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.conflict ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.conflict}</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={errors} order={["question", "hint", "options", "excluding", "ineligibleMessage"]} />
          <span className="govuk-caption-l">{fund.name}</span>
          <h1 className="govuk-heading-l">{question ? "Change an eligibility question" : "Add an eligibility question"}</h1>
          <p className="govuk-body">Groups answer these before they start an application. An answer that rules a group out shows them the message you write here.</p>
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={question?.version ?? 0} />
            <Input id="question" name="question" label={{ text: "Question", classes: "govuk-label--s" }} value={v.question ?? ""} errorMessage={fieldError(errors, "question")} />
            <Input id="hint" name="hint" label={{ text: "Hint (optional)", classes: "govuk-label--s" }} value={v.hint ?? ""} errorMessage={fieldError(errors, "hint")} />
            <Textarea id="options" name="options" rows={6} label={{ text: "Answers", classes: "govuk-label--s" }} hint={{ text: "One a line, at least 2" }} value={v.options ?? ""} errorMessage={fieldError(errors, "options")} />
            <Textarea id="excluding" name="excluding" rows={3} label={{ text: "Answers that rule a group out (optional)", classes: "govuk-label--s" }} hint={{ text: "One a line, copied exactly from the answers above" }} value={v.excluding ?? ""} errorMessage={fieldError(errors, "excluding")} />
            <Textarea id="ineligibleMessage" name="ineligibleMessage" rows={3} label={{ text: "What a group that is ruled out is told", classes: "govuk-label--s" }} hint={{ text: "Say why, and where else they could look for help" }} value={v.ineligibleMessage ?? ""} errorMessage={fieldError(errors, "ineligibleMessage")} />
            <Button text="Save question" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
