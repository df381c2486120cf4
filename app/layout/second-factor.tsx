/** The code form of the second sign-in step: an authenticator code or a recovery code. */
import type { ReactNode } from "react";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { CsrfField, FormErrors, fieldError, type Errors } from "./forms";

export function SecondFactorForm({ heading, hint, numeric, errors, children }: { heading: string; hint: string; numeric: boolean; errors: Errors; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrors errors={errors} order={["code"]} />
        <form method="post" noValidate>
          <CsrfField />
          <Input
            id="code"
            name="code"
            label={{ text: heading, isPageHeading: true, classes: "govuk-label--l" }}
            hint={{ text: hint }}
            inputmode={numeric ? "numeric" : undefined}
            autocomplete={numeric ? "one-time-code" : "off"}
            spellcheck={false}
            classes="govuk-input--width-10"
            errorMessage={fieldError(errors, "code")}
          />
          <Button text="Continue" preventDoubleClick />
        </form>
        {children}
      </div>
    </div>
  );
}
