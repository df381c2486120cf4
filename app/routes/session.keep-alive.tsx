import type { ActionFunctionArgs } from "@remix-run/node";
import { accounts } from "~/domain/accounts/index.server";
import { getSignedIn } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

/** "Stay signed in" from the timeout warning: pushes the session's idle expiry back now. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const auth = await getSignedIn(request, context);
  if (!auth) throw new Response("You have been signed out. Sign in again.", { status: 401 });
  const expiresAt = await accounts.extendSession(auth.session);
  return Response.json({ secondsLeft: Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)) }, { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
