import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { accounts } from "~/domain/accounts/index.server";
import { LINK_TITLES } from "~/domain/accounts/messages";
import type { LinkProblem } from "~/domain/accounts/accounts.server";
import { CsrfField, FormErrors, NewPasswordFields } from "~/layout/forms";
import { deviceToken, redirectWithCookies, requestInfo, sessionCookie } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";


export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.problem ? LINK_TITLES[data.problem] : "Set up your account");

/** The one-time link from `npm run admin:create` (and, later, from a staff invitation). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await accounts.checkSetupLink(token, requestInfo(request, context));
  return check.ok ? { token, email: check.email, problem: null } : { token: "", email: "", problem: check.problem };
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const device = await deviceToken(request);
  const result = await accounts.completeAccountSetup(
    { token: field(form, "token"), password: field(form, "password"), confirmPassword: field(form, "confirmPassword"), deviceToken: device.token },
    requestInfo(request, context),
  );
  if ("errors" in result) return { errors: result.errors, problem: null };
  if (result.kind === "two_factor_setup") return redirectWithCookies("/account/two-factor", [await sessionCookie(result.token), device.setCookie]);
  if (result.kind === "two_factor") return redirectWithCookies("/sign-in/two-factor", [await sessionCookie(result.token), device.setCookie]);
  if (result.kind === "signed_in") return redirectWithCookies("/account", [await sessionCookie(result.token), device.setCookie]);
  const problem: LinkProblem = result.kind;
  return { errors: null, problem };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function AccountSetUp() {
  const { token, email, problem } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const shownProblem: LinkProblem | null = (result?.problem as LinkProblem | null | undefined) ?? problem;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {shownProblem ? (
          <>
            <h1 className="govuk-heading-l">{LINK_TITLES[shownProblem]}</h1>
            <p className="govuk-body">Set-up links work once, for 72 hours. Ask whoever set up your account for a new link.</p>
          </>
        ) : (
          <>
            <FormErrors errors={result?.errors} order={["password", "confirmPassword"]} />
            <h1 className="govuk-heading-l">Set up your account</h1>
            <p className="govuk-body">
              Your account&rsquo;s email address is <strong>{email}</strong>. Choose a password, then set up two-factor authentication.
            </p>
            <form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="username" value={email} autoComplete="username" />
              <NewPasswordFields errors={result?.errors} />
              <Button text="Continue" preventDoubleClick />
            </form>
          </>
        )}
      </div>
    </div>
  );
}
