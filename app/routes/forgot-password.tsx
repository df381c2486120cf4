import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { CsrfField, FormErrors, Honeypot, fieldError } from "~/layout/forms";
import { requestInfo } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Reset your password");

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context, { honeypot: true });
  const email = field(form, "email");
  const result = await accounts.requestPasswordReset({ email }, requestInfo(request, context));
  if (result.kind === "throttled") return { errors: { email: throttledMessage(result.retryAt) }, email };
  if (result.kind === "invalid") return { errors: result.errors, email };
  return redirect("/forgot-password/check-email");
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrors errors={result?.errors} order={["email"]} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address of your account. We will email you a link to choose a new password.</p>
        <form method="post" noValidate>
          <CsrfField />
          <Honeypot />
          <Input id="email" name="email" type="email" label={{ text: "Email address" }} autocomplete="email" spellcheck={false} value={result?.email ?? ""} errorMessage={fieldError(result?.errors, "email")} />
          <Button text="Send the link" preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
