import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { ContactDetails } from "~/layout/contact-details";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requireStage } from "~/utils/auth.server";
import { withFormErrors } from "~/utils/form.server";
import { secondFactorAction } from "~/utils/second-factor.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Enter a recovery code");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStage(request, context, ["two_factor"]);
  return null;
}

async function handleAction(args: ActionFunctionArgs) {
  return secondFactorAction(args, "useRecoveryCode");
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function RecoveryCode() {
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
            label={{ text: "Enter a recovery code", isPageHeading: true, classes: "govuk-label--l" }}
            hint={{ text: "One of the codes you saved when you set up two-factor authentication, like abcde-fghjk. Each code works once." }}
            autocomplete="off"
            spellcheck={false}
            classes="govuk-input--width-10"
            errorMessage={fieldError(result?.errors, "code")}
          />
          <Button text="Continue" preventDoubleClick />
        </form>
        <h2 className="govuk-heading-m">If you have no recovery codes</h2>
        <p className="govuk-body">Ask a service administrator to reset your two-factor authentication. Contact:</p>
        <ContactDetails />
      </div>
    </div>
  );
}
