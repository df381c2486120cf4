import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { CsrfField, FormErrors, NewPasswordFields, Honeypot, fieldError } from "~/layout/forms";
import { getSignedIn, requestInfo } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Create an account");

const FIELDS = ["fullName", "email", "password", "confirmPassword"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSignedIn(request, context)) throw redirect("/account");
  return null;
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context, { honeypot: true });
  const input = { fullName: field(form, "fullName"), email: field(form, "email"), password: field(form, "password"), confirmPassword: field(form, "confirmPassword") };
  const result = await accounts.register(input, requestInfo(request, context));
  const values = { fullName: input.fullName, email: input.email };
  if (result.kind === "throttled") return { errors: { email: throttledMessage(result.retryAt) }, values };
  if (result.kind === "invalid") return { errors: result.errors, values };
  return redirect("/register/check-email");
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function Register() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrors errors={errors} order={FIELDS} />
        <h1 className="govuk-heading-l">Create an account</h1>
        <p className="govuk-body">You need an account to apply for a grant for your group. You can add your group after you sign in.</p>
        <form method="post" noValidate>
          <CsrfField />
          <Honeypot />
          <Input id="fullName" name="fullName" label={{ text: "Full name" }} autocomplete="name" spellcheck={false} value={result?.values.fullName ?? ""} errorMessage={fieldError(errors, "fullName")} />
          <Input
            id="email"
            name="email"
            type="email"
            label={{ text: "Email address" }}
            hint={{ text: "We will send you a link to confirm it. Use an address you can get to, as we will email you about your applications." }}
            autocomplete="email"
            spellcheck={false}
            value={result?.values.email ?? ""}
            errorMessage={fieldError(errors, "email")}
          />
          <NewPasswordFields errors={errors} />
          <Button text="Create account" preventDoubleClick />
        </form>
        <p className="govuk-body">
          Already have an account?{" "}
          <a className="govuk-link" href="/sign-in">
            Sign in
          </a>
          .
        </p>
      </div>
    </div>
  );
}
