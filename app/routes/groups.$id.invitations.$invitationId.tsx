import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { groupsService } from "~/domain/organisations/index.server";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";

/** Cancel an invitation that has not been accepted. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const orgId = idParam(params.id);
  await orNotFound(groupsService.revokeInvitation(user.id, orgId, idParam(params.invitationId), requestInfo(request, context).ip));
  return redirect(`/groups/${orgId}?revoked=1`);
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
