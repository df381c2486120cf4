import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { groupsService } from "~/domain/organisations/index.server";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";

/** Remove a member, leave, or change a member's role (the group page's buttons post here). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const orgId = idParam(params.id);
  const memberId = idParam(params.memberId);
  const ip = requestInfo(request, context).ip;
  // Someone who may not see the group learns nothing, whatever they posted.
  await orNotFound(groupsService.groupPage(user.id, orgId));
  const intent = field(form, "intent");
  const result =
    intent === "remove"
      ? await orNotFound(groupsService.removeMember(user.id, orgId, memberId, ip))
      : intent === "make-admin" || intent === "make-member"
        ? await orNotFound(groupsService.setMemberRole(user.id, orgId, memberId, intent === "make-admin" ? "admin" : "member", ip))
        : null;
  if (!result) throw new Response("Unknown action", { status: 400 });
  if (result.kind === "refused") return redirect(`/groups/${orgId}?refused=last-admin`);
  if (intent === "remove") {
    const still = (await groupsService.myGroups(user.id)).some((g) => g.id === orgId);
    return redirect(still ? `/groups/${orgId}?removed=1` : "/groups");
  }
  return redirect(`/groups/${orgId}?role=1`);
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
