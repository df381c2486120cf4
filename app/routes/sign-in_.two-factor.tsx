import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { safeReturnTo } from "~/domain/accounts/safe-redirect";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { deviceToken, redirectWithCookies, requestInfo, requireStage, sessionCookie } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Enter the code from your authenticator app");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStage(request, context, ["two_factor"]);
  return null;
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const auth = await requireStage(request, context, ["two_factor"]);
  const device = await deviceToken(request);
  const result = await accounts.completeTwoFactor(auth.session, { code: field(form, "code"), deviceToken: device.token }, requestInfo(request, context));
  if (result.kind === "throttled") return { errors: { code: throttledMessage(result.retryAt) } };
  if (result.kind === "invalid") return { errors: result.errors };
  return redirectWithCookies(safeReturnTo(result.session.returnTo, "/account"), [await sessionCookie(result.token), device.setCookie]);
}

export const action = withFormErrors(handleAction);

export default function TwoFactor() {
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
            label={{ text: "Enter the code from your authenticator app", isPageHeading: true, classes: "govuk-label--l" }}
            hint={{ text: "Open the authenticator app you set up for this account. Enter the 6-digit code it shows now." }}
            inputmode="numeric"
            autocomplete="one-time-code"
            spellcheck={false}
            classes="govuk-input--width-10"
            errorMessage={fieldError(result?.errors, "code")}
          />
          <Button text="Continue" preventDoubleClick />
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href="/sign-in/recovery-code">
            I cannot use my authenticator app
          </a>
        </p>
      </div>
    </div>
  );
}
