import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { SecondFactorForm } from "~/layout/second-factor";
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
    <SecondFactorForm
      heading="Enter the code from your authenticator app"
      hint="Open the authenticator app you set up for this account. Enter the 6-digit code it shows now."
      numeric
      errors={result?.errors}
    >
      <p className="govuk-body">
        <a className="govuk-link" href="/sign-in/recovery-code">
          I cannot use my authenticator app
        </a>
      </p>
    </SecondFactorForm>
  );
}
