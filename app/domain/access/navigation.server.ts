import { getDb } from "~db/client";
import { loadActor } from "./access.server";
import { can } from "./policy";

/** Which staff pages a signed-in person's navigation links to. */
export async function navigationFor(userId: number): Promise<{ sentEmails: boolean }> {
  const actor = await loadActor(getDb(), userId);
  return { sentEmails: can(actor, "service.view_outbox", { kind: "service" }) };
}
