import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { formEditor } from "~/domain/admin/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields, versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.isNew === false ? "Change a section's title" : "Add a section");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(formEditor.sectionForm(user.id, idParam(params.id), params.stage ?? "", params.sectionKey ?? ""));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const stage = params.stage ?? "";
  const raw = textFields(form);
  const result = await orNotFound(formEditor.saveSection(user.id, fundId, stage, params.sectionKey ?? "", { raw, version: versionField(form) }, requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${fundId}/forms/${stage}?done=section${result.anchor ? `#${result.anchor}` : ""}`);
  if (result.kind === "invalid") return { errors: result.errors, values: raw, message: null };
  return data({ errors: null, values: raw, message: result.message }, { status: result.kind === "conflict" ? 409 : 400 });
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function SectionEditor() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editor = `/admin/funds/${page.fund.id}/forms/${page.stage}`;
  const v: Record<string, string> = result?.values ?? page.values;
  return (
    <>
      <BackLink href={editor} text={`${page.stageName} form`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.message ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.message}</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={result?.errors} order={["title"]} />
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={page.version} />
            <Input
              id="title"
              name="title"
              label={{ text: page.isNew ? "What is the new section called?" : "What is the section called?", isPageHeading: true, classes: "govuk-label--l" }}
              hint={{ text: page.isNew ? "Groups see it in their task list. It goes at the end of the form; you can move it afterwards." : "Groups see it in their task list. Answers already given are kept." }}
              value={v.title ?? ""}
              errorMessage={fieldError(result?.errors, "title")}
            />
            <div className="govuk-button-group">
              <Button text={page.isNew ? "Add section" : "Save title"} preventDoubleClick />
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
