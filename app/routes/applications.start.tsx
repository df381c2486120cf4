import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { draftsService } from "~/domain/applications/index.server";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "You cannot start an application just now");

/** "Start an application" on a fund's page: a draft for the group being acted for, or the existing one. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user, session } = await requireSignedIn(request, context);
  const result = await orNotFound(draftsService.startApplication(user.id, session.id, field(form, "fund"), requestInfo(request, context).ip));
  switch (result.kind) {
    case "started":
    case "existing":
      return redirect(`/applications/${result.applicationId}`);
    case "no_group":
      return redirect("/groups?apply=1");
    case "closed":
      return { message: result.message };
  }
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function StartRefused() {
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You cannot start an application just now</h1>
        <p className="govuk-body">{data?.message}.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            See the funds and when their rounds open
          </a>
        </p>
      </div>
    </div>
  );
}
