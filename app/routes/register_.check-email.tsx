import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Check your email");

/** The same page whether or not the address already had an account: the email says which. */
export default function CheckEmail() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">We have sent an email to the address you gave. Open the link in it to confirm your email address, then sign in.</p>
        <p className="govuk-body">The link works for 24 hours. The email can take a few minutes to arrive: check your spam or junk folder too.</p>
        <p className="govuk-body">
          If you already had an account, the email tells you how to sign in or reset your password.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/sign-in">
            Sign in
          </a>
        </p>
      </div>
    </div>
  );
}
