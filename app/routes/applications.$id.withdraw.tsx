import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Textarea } from "~/components/textarea";
import { WarningText } from "~/components/warning-text";
import { myApplicationsService } from "~/domain/applications/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Are you sure you want to withdraw this application?");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(myApplicationsService.withdrawal(user.id, idParam(params.id)));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const reason = field(form, "reason");
  const result = await orNotFound(myApplicationsService.withdraw(user.id, id, reason, requestInfo(request, context).ip));
  if (result.kind === "withdrawn") return redirect(`/applications?withdrawn=${id}`);
  return { errors: { reason: result.message }, reason };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function Withdraw() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const name = page.title ? `‘${page.title}’` : "this application";
  return (
    <>
      <BackLink href="/applications" text="Back to your applications" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={result?.errors} order={["reason"]} />
          <span className="govuk-caption-l">
            {page.fundName}
            {page.reference ? `, ${page.reference}` : ""}
          </span>
          <h1 className="govuk-heading-l">Are you sure you want to withdraw {name}?</h1>
          {page.refusal ? (
            <>
              <p className="govuk-body">You cannot withdraw it. {page.refusal}</p>
              <p className="govuk-body">
                <a className="govuk-link" href="/applications">
                  Back to your applications
                </a>
              </p>
            </>
          ) : (
            <form method="post" noValidate>
              <CsrfField />
              <WarningText text={`Once withdrawn, nothing more will happen with it and it cannot be sent again. ${page.organisationName} would need to start a new application.`} />
              <Textarea
                id="reason"
                name="reason"
                label={{ text: "Tell us why (optional)", classes: "govuk-label--s" }}
                hint={{ text: "This helps the fund's team. We pass it on to them." }}
                value={result?.reason ?? ""}
                errorMessage={fieldError(result?.errors, "reason")}
              />
              <div className="govuk-button-group">
                <Button text="Withdraw application" classes="govuk-button--warning" preventDoubleClick />
                <a className="govuk-link" href="/applications">
                  Cancel
                </a>
              </div>
            </form>
          )}
        </div>
      </div>
    </>
  );
}
