import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { InsetText } from "~/components/inset-text";
import { PasswordInput } from "~/components/password-input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { safeReturnTo } from "~/domain/accounts/safe-redirect";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { deviceToken, redirectWithCookies, requestInfo, requireStage, sessionCookie } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.enabled ? "Two-factor authentication" : "Set up two-factor authentication");

/** Open to a signed-in person, and to staff part-way through their first sign-in (who must set it up). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireStage(request, context, ["active", "two_factor_setup"]);
  const settingUp = session.stage === "two_factor_setup";
  const setup = await accounts.twoFactorSetupPage(session, user.email);
  const [staff, codesLeft] = await Promise.all([accounts.isStaffUser(user.id), setup ? 0 : accounts.recoveryCodesLeft(user.id)]);
  return { enabled: setup === null, settingUp, staff, codesLeft, setup };
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { session } = await requireStage(request, context, ["active", "two_factor_setup"]);
  const info = requestInfo(request, context);
  switch (field(form, "intent")) {
    case "confirm": {
      const result = await accounts.confirmTwoFactorSetup(session, { code: field(form, "code") }, info);
      if (result.kind === "throttled") return { errors: { code: throttledMessage(result.retryAt) }, codes: null };
      if (result.kind === "invalid") return { errors: result.errors, codes: null };
      return { errors: null, codes: result.recoveryCodes };
    }
    case "finish": {
      const device = await deviceToken(request);
      const result = await accounts.finishTwoFactorSetup(session, { deviceToken: device.token }, info);
      if (result.kind !== "signed_in") throw redirect("/account/two-factor");
      return redirectWithCookies(safeReturnTo(result.session.returnTo, "/account"), [await sessionCookie(result.token), device.setCookie]);
    }
    case "regenerate": {
      if (session.stage !== "active") throw redirect("/account/two-factor");
      const result = await accounts.regenerateRecoveryCodes(session, { password: field(form, "regeneratePassword") }, info);
      if (result.kind === "throttled") return { errors: { regeneratePassword: throttledMessage(result.retryAt) }, codes: null };
      if (result.kind === "invalid") return { errors: result.errors, codes: null };
      return { errors: null, codes: result.recoveryCodes };
    }
    case "disable": {
      if (session.stage !== "active") throw redirect("/account/two-factor");
      const result = await accounts.disableTwoFactor(session, { password: field(form, "password") }, info);
      if (result.kind === "throttled") return { errors: { password: throttledMessage(result.retryAt) }, codes: null };
      if (result.kind === "invalid") return { errors: result.errors, codes: null };
      if (result.kind === "required") throw new Response("Staff accounts must keep two-factor authentication on.", { status: 400 });
      return redirect("/account");
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

function RecoveryCodes({ codes, settingUp }: { codes: string[]; settingUp: boolean }) {
  return (
    <>
      <h1 className="govuk-heading-l">Save your recovery codes</h1>
      <p className="govuk-body">
        If you lose your phone or cannot use your authenticator app, you can sign in with one of these codes instead. Each code works once.
      </p>
      <InsetText text="Keep them somewhere safe, like a password manager or a printed copy in a locked drawer. You will not see them again." />
      <ul className="app-recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {settingUp ? (
        <form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="finish" />
          <Button text="I have saved my recovery codes – continue" />
        </form>
      ) : (
        <p className="govuk-body">
          <a className="govuk-button" href="/account">
            I have saved my recovery codes
          </a>
        </p>
      )}
    </>
  );
}

export default function TwoFactor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.codes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodes codes={result.codes} settingUp={data.settingUp} />
        </div>
      </div>
    );
  }
  const errors = result?.errors;
  return (
    <>
      {data.settingUp ? null : <BackLink href="/account" text="Your account" />}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={["code", "regeneratePassword", "password"]} />
          {data.setup ? (
            <>
              <h1 className="govuk-heading-l">Set up two-factor authentication</h1>
              {data.staff ? (
                <p className="govuk-body">Staff accounts must use two-factor authentication. You will need a code from your phone each time you sign in.</p>
              ) : (
                <p className="govuk-body">With two-factor authentication on, signing in needs a code from your phone as well as your password.</p>
              )}
              <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
              <p className="govuk-body">Use any authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or 1Password.</p>
              <h2 className="govuk-heading-m">2. Scan this QR code with the app</h2>
              <div className="app-qr-code" role="img" aria-label="QR code to scan with your authenticator app" dangerouslySetInnerHTML={{ __html: data.setup.qrSvg }} />
              <p className="govuk-body">If you cannot scan it, enter this key in the app instead:</p>
              <p className="app-secret" id="secret">{data.setup.groupedSecret}</p>
              <h2 className="govuk-heading-m">3. Enter the code the app shows</h2>
              <form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="confirm" />
                <Input
                  id="code"
                  name="code"
                  label={{ text: "Code from the app" }}
                  hint={{ text: "6 digits, like 123456" }}
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  spellcheck={false}
                  classes="govuk-input--width-10"
                  errorMessage={fieldError(errors, "code")}
                />
                <Button text="Turn on two-factor authentication" preventDoubleClick />
              </form>
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">Two-factor authentication</h1>
              <p className="govuk-body">Two-factor authentication is on. Signing in needs a code from your authenticator app.</p>
              <p className="govuk-body">
                You have {data.codesLeft} recovery code{data.codesLeft === 1 ? "" : "s"} left.
              </p>
              <h2 className="govuk-heading-m">Get new recovery codes</h2>
              <p className="govuk-body">New codes replace any you have left.</p>
              <form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="regenerate" />
                <PasswordInput
                  id="regeneratePassword"
                  name="regeneratePassword"
                  label={{ text: "Enter your password to get new codes" }}
                  autocomplete="current-password"
                  errorMessage={fieldError(errors, "regeneratePassword")}
                />
                <Button text="Get new recovery codes" classes="govuk-button--secondary" />
              </form>
              {data.staff ? (
                <p className="govuk-body">Staff accounts must keep two-factor authentication on. If you have a new phone, ask a service administrator to reset it.</p>
              ) : (
                <>
                  <h2 className="govuk-heading-m">Turn off two-factor authentication</h2>
                  <form method="post" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="disable" />
                    <PasswordInput id="password" name="password" label={{ text: "Enter your password to turn it off" }} autocomplete="current-password" errorMessage={fieldError(errors, "password")} />
                    <Button text="Turn off" classes="govuk-button--warning" />
                  </form>
                </>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
