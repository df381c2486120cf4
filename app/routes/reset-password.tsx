import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { accounts } from "~/domain/accounts/index.server";
import { LINK_TITLES } from "~/domain/accounts/messages";
import type { LinkProblem } from "~/domain/accounts/accounts.server";
import { CsrfField, FormErrors, NewPasswordFields } from "~/layout/forms";
import { clearSessionCookie, requestInfo } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.problem ? LINK_TITLES[data.problem] : "Choose a new password");


export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await accounts.checkResetLink(token, requestInfo(request, context));
  return { token: check.ok ? token : "", problem: check.ok ? null : check.problem };
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = await accounts.resetPassword(
    { token: field(form, "token"), password: field(form, "password"), confirmPassword: field(form, "confirmPassword") },
    requestInfo(request, context),
  );
  if (result.kind === "reset") return redirect("/sign-in?reset=1", { headers: { "Set-Cookie": await clearSessionCookie() } });
  if ("errors" in result) return { errors: result.errors, problem: null };
  const problem: LinkProblem = result.kind;
  return { errors: null, problem };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

function LinkProblemPage({ problem }: { problem: LinkProblem }) {
  return (
    <>
      <h1 className="govuk-heading-l">{LINK_TITLES[problem]}</h1>
      <p className="govuk-body">
        {problem === "invalid" ? "Check you copied the whole link from the email." : problem === "expired" ? "Reset links work for 1 hour." : "Each reset link works once."}
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/forgot-password">
          Ask for a new link
        </a>
      </p>
    </>
  );
}

export default function ResetPassword() {
  const { token, problem } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const shownProblem = result?.problem ?? problem;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {shownProblem ? (
          <LinkProblemPage problem={shownProblem} />
        ) : (
          <>
            <FormErrors errors={result?.errors} order={["password", "confirmPassword"]} />
            <h1 className="govuk-heading-l">Choose a new password</h1>
            <p className="govuk-body">When you change your password, every device signed in to your account is signed out.</p>
            <form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="token" value={token} />
              <NewPasswordFields errors={result?.errors} label="New password" />
              <Button text="Change password" preventDoubleClick />
            </form>
          </>
        )}
      </div>
    </div>
  );
}
