import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { safeReturnTo } from "~/domain/accounts/safe-redirect";
import { ContactDetails } from "~/layout/contact-details";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { deviceToken, redirectWithCookies, requestInfo, requireStage, sessionCookie } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Enter a recovery code");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStage(request, context, ["two_factor"]);
  return null;
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const auth = await requireStage(request, context, ["two_factor"]);
  const device = await deviceToken(request);
  const result = await accounts.useRecoveryCode(auth.session, { code: field(form, "code"), deviceToken: device.token }, requestInfo(request, context));
  if (result.kind === "throttled") return { errors: { code: throttledMessage(result.retryAt) } };
  if (result.kind === "invalid") return { errors: result.errors };
  return redirectWithCookies(safeReturnTo(result.session.returnTo, "/account"), [await sessionCookie(result.token), device.setCookie]);
}

export const action = withFormErrors(handleAction);

export default function RecoveryCode() {
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
            label={{ text: "Enter a recovery code", isPageHeading: true, classes: "govuk-label--l" }}
            hint={{ text: "One of the codes you saved when you set up two-factor authentication, like abcde-fghjk. Each code works once." }}
            autocomplete="off"
            spellcheck={false}
            classes="govuk-input--width-10"
            errorMessage={fieldError(result?.errors, "code")}
          />
          <Button text="Continue" preventDoubleClick />
        </form>
        <h2 className="govuk-heading-m">If you have no recovery codes</h2>
        <p className="govuk-body">Ask a service administrator to reset your two-factor authentication. Contact:</p>
        <ContactDetails />
      </div>
    </div>
  );
}
