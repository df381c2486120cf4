import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Button } from "~/components/button";
import { accounts } from "~/domain/accounts/index.server";
import { CsrfField } from "~/layout/forms";
import { clearSessionCookie, getAuth, requestInfo } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign out");

/** A link to /sign-out shows a button: signing out changes something, so it is a POST with a CSRF token. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await getAuth(request, context))) throw redirect("/signed-out");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const auth = await getAuth(request, context);
  if (auth) await accounts.signOut(auth.session, requestInfo(request, context));
  return redirect("/signed-out", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export default function SignOut() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign out</h1>
        <form method="post">
          <CsrfField />
          <Button text="Sign out" />
        </form>
      </div>
    </div>
  );
}
