import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { groupsService } from "~/domain/organisations/index.server";
import { CsrfField } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Join a group");

const PROBLEMS = {
  expired: ["This invitation has expired", "Invitations work for 7 days. Ask the group's admin to invite you again."],
  used: ["This invitation has already been used or cancelled", "Each invitation works once. If you are not in the group yet, ask its admin to invite you again."],
  invalid: ["This invitation link is not right", "Check you copied the whole link from the email."],
} as const;

/** The link from the invitation email. Signing in (or creating an account) comes first, then back here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const view = await groupsService.viewInvitation(user.id, token);
  return { view, token: view.kind === "valid" ? token : "", myEmail: user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user, session } = await requireSignedIn(request, context);
  const result = await groupsService.acceptInvitation(user.id, field(form, "token"), requestInfo(request, context).ip);
  if (result.kind === "joined") {
    await groupsService.actFor(user.id, session.id, result.organisationId);
    return redirect(`/groups/${result.organisationId}`);
  }
  return { result };
}

export default function AcceptInvitation() {
  const { view, token, myEmail } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const problem = posted?.result.kind ?? (view.kind !== "valid" ? view.kind : null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {problem === "wrong_account" || (view.kind === "valid" && !view.forThisAccount && !problem) ? (
          <>
            <h1 className="govuk-heading-l">This invitation is for someone else</h1>
            <p className="govuk-body">
              It was sent to {view.kind === "valid" ? view.email : "another address"}, and you are signed in as {myEmail}. Sign out, then sign in
              (or create an account) with the address the invitation was sent to.
            </p>
          </>
        ) : problem && problem in PROBLEMS ? (
          <>
            <h1 className="govuk-heading-l">{PROBLEMS[problem as keyof typeof PROBLEMS][0]}</h1>
            <p className="govuk-body">{PROBLEMS[problem as keyof typeof PROBLEMS][1]}</p>
          </>
        ) : view.kind === "valid" ? (
          <>
            <h1 className="govuk-heading-l">Join {view.organisationName}</h1>
            <p className="govuk-body">
              You have been invited to join {view.organisationName} as {view.role === "admin" ? "an admin" : "a member"}.
              {view.alreadyMember ? " You are already a member." : ""}
            </p>
            <form method="post">
              <CsrfField />
              <input type="hidden" name="token" value={token} />
              <Button text={`Join ${view.organisationName}`} preventDoubleClick />
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
