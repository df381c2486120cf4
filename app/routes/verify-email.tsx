import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { accounts } from "~/domain/accounts/index.server";
import { LINK_TITLES } from "~/domain/accounts/messages";
import { requestInfo } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

const TITLES = {
  verified: "Your email address is confirmed",
  already_verified: "Your email address is already confirmed",
  ...LINK_TITLES,
} as const;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? TITLES[data.kind] : null);

/**
 * Opening the link confirms the address (a link scanner that opens it first confirms it too, which is
 * harmless: the person then sees that it is already confirmed).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const result = await accounts.verifyEmail(token, requestInfo(request, context));
  return { kind: result.kind };
}

export default function VerifyEmail() {
  const { kind } = useLoaderData<typeof loader>();
  const ok = kind === "verified" || kind === "already_verified";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{TITLES[kind]}</h1>
        {ok ? (
          <>
            <p className="govuk-body">You can now sign in to your account.</p>
            <p className="govuk-body">
              <a className="govuk-button" href="/sign-in">
                Sign in
              </a>
            </p>
          </>
        ) : (
          <>
            <p className="govuk-body">
              {kind === "invalid"
                ? "Check you copied the whole link from the email."
                : kind === "expired"
                  ? "Links to confirm an email address work for 24 hours."
                  : "Each link works once."}
            </p>
            <p className="govuk-body">
              Sign in with your email address and password and we will send you a new link if your address is not confirmed yet.
            </p>
            <p className="govuk-body">
              <a className="govuk-link" href="/sign-in">
                Sign in
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
