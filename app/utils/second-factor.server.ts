/**
 * The second step of signing in, with an authenticator code or a recovery code: the same checks, the
 * same answers, only the operation differs.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { accounts } from "~/domain/accounts/index.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { safeReturnTo } from "~/domain/accounts/safe-redirect";
import { deviceToken, redirectWithCookies, requestInfo, requireStage, sessionCookie } from "./auth.server";
import { field, readForm } from "./form.server";

export async function secondFactorAction({ request, context }: ActionFunctionArgs, with_: "completeTwoFactor" | "useRecoveryCode") {
  const form = await readForm(request, context);
  const auth = await requireStage(request, context, ["two_factor"]);
  const device = await deviceToken(request);
  const result = await accounts[with_](auth.session, { code: field(form, "code"), deviceToken: device.token }, requestInfo(request, context));
  if (result.kind === "throttled") return { errors: { code: throttledMessage(result.retryAt) } };
  if (result.kind === "invalid") return { errors: result.errors };
  return redirectWithCookies(safeReturnTo(result.session.returnTo, "/account"), [await sessionCookie(result.token), device.setCookie]);
}
