import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { PasswordInput } from "~/components/password-input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { safeReturnTo } from "~/domain/accounts/safe-redirect";
import { CsrfField, FormErrors, Honeypot, fieldError } from "~/layout/forms";
import { deviceToken, getAuth, redirectWithCookies, requestInfo, sessionCookie } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in");

const AFTER_SIGN_IN = "/account";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const returnTo = safeReturnTo(url.searchParams.get("returnTo"), "");
  const auth = await getAuth(request, context);
  if (auth?.session.stage === "active") throw redirect(returnTo || AFTER_SIGN_IN);
  return {
    returnTo,
    notice: url.searchParams.get("signedOut") ? "signed_out" : url.searchParams.get("reset") ? "reset" : null,
  };
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context, { honeypot: true });
  const returnTo = safeReturnTo(field(form, "returnTo") || new URL(request.url).searchParams.get("returnTo"), AFTER_SIGN_IN);
  const device = await deviceToken(request);
  const previous = await getAuth(request, context);
  const result = await accounts.signIn(
    { email: field(form, "email"), password: field(form, "password"), returnTo, deviceToken: device.token, previousSessionId: previous?.session.id },
    requestInfo(request, context),
  );
  const values = { email: field(form, "email") };
  switch (result.kind) {
    case "throttled":
      return { errors: { email: throttledMessage(result.retryAt) }, values, unverified: false };
    case "invalid":
      return { errors: result.errors, values, unverified: false };
    case "unverified":
      return { errors: null, values, unverified: true };
    case "two_factor":
      return redirectWithCookies("/sign-in/two-factor", [await sessionCookie(result.token), device.setCookie]);
    case "two_factor_setup":
      return redirectWithCookies("/account/two-factor", [await sessionCookie(result.token), device.setCookie]);
    case "signed_in":
      return redirectWithCookies(returnTo, [await sessionCookie(result.token), device.setCookie]);
  }
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function SignIn() {
  const { returnTo, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrors errors={errors} order={["email", "password"]} />
        {notice === "signed_out" && !result ? (
          <NotificationBanner titleText="Important">
            <p className="govuk-notification-banner__heading">You have been signed out</p>
            <p className="govuk-body">
              We sign you out after a time without activity, to keep your account safe. Sign in again to go back to the page you were on.
              Anything you saved is safe.
            </p>
          </NotificationBanner>
        ) : null}
        {notice === "reset" && !result ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your password has been changed</p>
            <p className="govuk-body">Sign in with your new password.</p>
          </NotificationBanner>
        ) : null}
        {result?.unverified ? (
          <NotificationBanner titleText="Important">
            <p className="govuk-notification-banner__heading">Confirm your email address first</p>
            <p className="govuk-body">
              We have sent a new link to your email address. Open it to confirm your address, then sign in. The link works for 24 hours.
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <form method="post" noValidate>
          <CsrfField />
          <Honeypot />
          <input type="hidden" name="returnTo" value={returnTo} />
          <Input
            id="email"
            name="email"
            type="email"
            label={{ text: "Email address" }}
            autocomplete="email"
            spellcheck={false}
            value={result?.values.email ?? ""}
            errorMessage={fieldError(errors, "email")}
          />
          <PasswordInput id="password" name="password" label={{ text: "Password" }} autocomplete="current-password" errorMessage={fieldError(errors, "password")} />
          <Button text="Sign in" preventDoubleClick />
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href="/forgot-password">
            I have forgotten my password
          </a>
        </p>
        <h2 className="govuk-heading-m">If you do not have an account</h2>
        <p className="govuk-body">
          <a className="govuk-link" href="/register">
            Create an account
          </a>{" "}
          to apply for a grant for your group.
        </p>
      </div>
    </div>
  );
}
