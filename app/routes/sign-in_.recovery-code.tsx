import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { ContactDetails } from "~/layout/contact-details";
import { SecondFactorForm } from "~/layout/second-factor";
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
    <SecondFactorForm
      heading="Enter a recovery code"
      hint="One of the codes you saved when you set up two-factor authentication, like abcde-fghjk. Each code works once."
      numeric={false}
      errors={result?.errors}
    >
      <h2 className="govuk-heading-m">If you have no recovery codes</h2>
      <p className="govuk-body">Ask a service administrator to reset your two-factor authentication. Contact:</p>
      <ContactDetails />
    </SecondFactorForm>
  );
}
