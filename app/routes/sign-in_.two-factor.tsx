import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requireStage } from "~/utils/auth.server";
import { withFormErrors } from "~/utils/form.server";
import { secondFactorAction } from "~/utils/second-factor.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Enter the code from your authenticator app");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStage(request, context, ["two_factor"]);
  return null;
}

async function handleAction(args: ActionFunctionArgs) {
  return secondFactorAction(args, "completeTwoFactor");
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function TwoFactor() {
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrors errors={result?.errors} order={["code"]} />
        <form method="post" noValidate>
          <CsrfField />
          <Input
            id="code"
            name="code"
            label={{ text: "Enter the code from your authenticator app", isPageHeading: true, classes: "govuk-label--l" }}
            hint={{ text: "Open the authenticator app you set up for this account. Enter the 6-digit code it shows now." }}
            inputmode="numeric"
            autocomplete="one-time-code"
            spellcheck={false}
            classes="govuk-input--width-10"
            errorMessage={fieldError(result?.errors, "code")}
          />
          <Button text="Continue" preventDoubleClick />
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href="/sign-in/recovery-code">
            I cannot use my authenticator app
          </a>
        </p>
      </div>
    </div>
  );
}
