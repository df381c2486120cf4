import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { PasswordInput } from "~/components/password-input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { CsrfField, FormErrors, NewPasswordFields, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Change your password");

const FIELDS = ["currentPassword", "password", "confirmPassword"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSignedIn(request, context);
  return null;
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const auth = await requireSignedIn(request, context);
  const result = await accounts.changePassword(
    auth.session,
    { currentPassword: field(form, "currentPassword"), password: field(form, "password"), confirmPassword: field(form, "confirmPassword") },
    requestInfo(request, context),
  );
  if (result.kind === "throttled") return { errors: { currentPassword: throttledMessage(result.retryAt) } };
  if (result.kind === "invalid") return { errors: result.errors };
  return redirect("/account?done=password");
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <BackLink href="/account" text="Your account" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={FIELDS} />
          <h1 className="govuk-heading-l">Change your password</h1>
          <p className="govuk-body">When you change your password, every other device signed in to your account is signed out.</p>
          <form method="post" noValidate>
            <CsrfField />
            <PasswordInput id="currentPassword" name="currentPassword" label={{ text: "Current password" }} autocomplete="current-password" errorMessage={fieldError(errors, "currentPassword")} />
            <NewPasswordFields errors={errors} label="New password" />
            <Button text="Change password" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
