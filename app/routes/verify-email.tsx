import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { accounts } from "~/domain/accounts/index.server";
import { LINK_TITLES } from "~/domain/accounts/messages";
import { CsrfField } from "~/layout/forms";
import { requestInfo } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

const TITLES = {
  ready: "Confirm your email address",
  verified: "Your email address is confirmed",
  already_verified: "Your email address is already confirmed",
  ...LINK_TITLES,
} as const;
type Kind = keyof typeof TITLES;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? TITLES[data.kind] : null);

/**
 * Opening the link shows a button; pressing it confirms the address. A link scanner that opens every link
 * in an email (as many councils' and companies' do) changes nothing, so nobody's address is confirmed
 * for an account they did not make.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await accounts.checkVerifyLink(token, requestInfo(request, context));
  const kind: Kind = check.ok ? "ready" : check.problem;
  return { kind, token: check.ok ? token : "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = await accounts.verifyEmail(field(form, "token"), requestInfo(request, context));
  const kind: Kind = result.kind;
  return { kind };
}

export default function VerifyEmail() {
  const loaded = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const kind: Kind = done?.kind ?? loaded.kind;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{TITLES[kind]}</h1>
        {kind === "ready" ? (
          <form method="post">
            <CsrfField />
            <input type="hidden" name="token" value={loaded.token} />
            <p className="govuk-body">Confirm this is your email address to finish creating your account.</p>
            <Button text="Confirm email address" preventDoubleClick />
          </form>
        ) : kind === "verified" || kind === "already_verified" ? (
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
              {kind === "invalid" ? "Check you copied the whole link from the email." : kind === "expired" ? "Links to confirm an email address work for 24 hours." : "Each link works once."}
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
