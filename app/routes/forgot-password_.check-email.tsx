import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Check your email");

/** The same page whether or not the address has an account. */
export default function ResetCheckEmail() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">If the address you gave has an account, we have sent it a link to reset the password.</p>
        <p className="govuk-body">The link works once, for 1 hour. The email can take a few minutes to arrive: check your spam or junk folder too.</p>
        <p className="govuk-body">
          No email?{" "}
          <a className="govuk-link" href="/forgot-password">
            Try again
          </a>{" "}
          with the address you use for this service, or{" "}
          <a className="govuk-link" href="/register">
            create an account
          </a>
          .
        </p>
      </div>
    </div>
  );
}
