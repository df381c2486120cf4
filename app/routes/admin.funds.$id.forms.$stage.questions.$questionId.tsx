import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { InsetText } from "~/components/inset-text";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { Textarea } from "~/components/textarea";
import { formEditor } from "~/domain/admin/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { textFields, versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, !data ? "Question" : !data.isNew ? "Change a question" : data.type ? `Add a question: ${data.typeName?.toLowerCase()}` : "What kind of question is it?", { error: Boolean(data?.typeError) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const search = new URL(request.url).searchParams;
  const page = await orNotFound(formEditor.questionForm(user.id, idParam(params.id), params.stage ?? "", params.questionId ?? "", { section: search.get("section"), type: search.get("type") }));
  // "Continue" without a choice comes back here with no `type` (only the form's `continue` marker).
  return { ...page, typeError: page.isNew && !page.type && search.has("continue") ? "Select the type of question" : null };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const stage = params.stage ?? "";
  const raw = textFields(form);
  const result = await orNotFound(
    formEditor.saveQuestion(user.id, fundId, stage, params.questionId ?? "", { section: field(form, "section"), type: field(form, "type"), raw, version: versionField(form) }, requestInfo(request, context).ip),
  );
  if (result.kind === "saved") return redirect(`/admin/funds/${fundId}/forms/${stage}?done=question${result.anchor ? `#${result.anchor}` : ""}`);
  if (result.kind === "invalid") return { errors: result.errors, values: raw, message: null };
  return data({ errors: null, values: raw, message: result.message }, { status: result.kind === "conflict" ? 409 : 400 });
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

const ORDER = ["type", "id", "label", "short", "hint", "required", "wordLimit", "options"];

export default function QuestionEditor() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editor = `/admin/funds/${page.fund.id}/forms/${page.stage}`;
  const errors = result?.errors;
  const v: Record<string, string> = result?.values ?? page.values;
  const choice = page.type === "radios" || page.type === "checkboxes" || page.type === "select";

  if (page.isNew && !page.type) {
    // First the kind of question: a GET form, so the choice is only in the address until it is saved.
    const typeError = page.typeError ?? errors?.type ?? null;
    return (
      <>
        <BackLink href={editor} text={`${page.stageName} form`} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <FormErrors errors={typeError ? { type: typeError } : null} order={["type"]} />
            <form method="get" noValidate>
              <input type="hidden" name="section" value={page.section.key} />
              <input type="hidden" name="continue" value="1" />
              <Radios
                name="type"
                fieldset={{ legend: { text: "What kind of question is it?", isPageHeading: true, classes: "govuk-fieldset__legend--l" } }}
                hint={{ text: `It goes at the end of “${page.section.title}”, on a page of its own. You can move it afterwards.` }}
                idPrefix="type"
                errorMessage={typeError ? { text: typeError } : undefined}
                items={page.types.map((t) => ({ value: t.value, text: t.text, hint: t.hint ? { text: t.hint } : undefined }))}
              />
              <Button text="Continue" />
            </form>
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <BackLink href={page.isNew ? `${editor}/questions/new?section=${page.section.key}` : editor} text={page.isNew ? "Choose another kind of question" : `${page.stageName} form`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.message ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.message}</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={errors} order={ORDER} />
          <span className="govuk-caption-l">
            {page.section.title}: {page.typeName?.toLowerCase()}
          </span>
          <h1 className="govuk-heading-l">{page.isNew ? "Add a question" : "Change a question"}</h1>
          {page.protectedReason ? <InsetText text={`${page.protectedReason}: it cannot be removed, and it must be answered.`} /> : null}
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={page.version} />
            <input type="hidden" name="section" value={page.section.key} />
            <input type="hidden" name="type" value={page.type ?? ""} />
            <Textarea id="label" name="label" rows={2} label={{ text: "Question", classes: "govuk-label--s" }} hint={{ text: "As groups will read it, for example: How many volunteers will help?" }} value={v.label ?? ""} errorMessage={fieldError(errors, "label")} />
            <Input
              id="short"
              name="short"
              label={{ text: "How error messages name it (optional)", classes: "govuk-label--s" }}
              hint={{ text: "For example “the number of volunteers” gives “Enter the number of volunteers”. Left empty, the question's own words are used." }}
              value={v.short ?? ""}
              errorMessage={fieldError(errors, "short")}
            />
            <Textarea id="hint" name="hint" rows={2} label={{ text: "Hint (optional)", classes: "govuk-label--s" }} hint={{ text: "Shown under the question, to help groups answer it" }} value={v.hint ?? ""} errorMessage={fieldError(errors, "hint")} />
            <Radios
              name="required"
              idPrefix="required"
              fieldset={{ legend: { text: "Must groups answer it?", classes: "govuk-fieldset__legend--s" } }}
              classes="govuk-radios--inline"
              value={v.required ?? ""}
              errorMessage={fieldError(errors, "required")}
              items={[
                { value: "yes", text: "Yes" },
                { value: "no", text: "No, it is optional" },
              ]}
            />
            {page.type === "textarea" ? (
              <Input
                id="wordLimit"
                name="wordLimit"
                label={{ text: "Word limit (optional)", classes: "govuk-label--s" }}
                hint={{ text: "The most words an answer may have, for example 250" }}
                classes="govuk-input--width-5"
                inputmode="numeric"
                suffix={{ text: "words" }}
                value={v.wordLimit ?? ""}
                errorMessage={fieldError(errors, "wordLimit")}
              />
            ) : null}
            {choice ? (
              <Textarea
                id="options"
                name="options"
                rows={5}
                label={{ text: "Options", classes: "govuk-label--s" }}
                hint={{ text: "One on each line, in the order groups see them" }}
                value={v.options ?? ""}
                errorMessage={fieldError(errors, "options")}
              />
            ) : null}
            {page.isNew ? (
              <Input
                id="id"
                name="id"
                label={{ text: "Id (optional)", classes: "govuk-label--s" }}
                hint={{ text: "Names the answer in spreadsheet exports; lower-case letters, numbers and underscores. Left empty, one is made from the question. It cannot change later." }}
                classes="govuk-input--width-20"
                spellcheck={false}
                value={v.id ?? ""}
                errorMessage={fieldError(errors, "id")}
              />
            ) : (
              <p className="govuk-body">
                Id: <code>{page.questionId}</code> (answers are kept under it, so it never changes)
              </p>
            )}
            <div className="govuk-button-group">
              <Button text="Save question" preventDoubleClick />
              <a className="govuk-link" href={editor}>
                Cancel
              </a>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
