/**
 * The one way an action reads a form: the CSRF token is checked before anything else is looked at, and a
 * filled-in honeypot (a field people cannot see) stops a bot. A failed check is a 403 page that says what
 * to do, never a 500.
 */
import type { AppLoadContext } from "@remix-run/node";
import { acceptableCsrfTokens, signedOutRedirect } from "./auth.server";
import { safeEqual } from "./secrets.server";

export const CSRF_FIELD = "csrf";
export const HONEYPOT_FIELD = "website";

export class FormRejected extends Response {}

export async function readForm(request: Request, context: AppLoadContext, opts: { honeypot?: boolean } = {}): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("The form could not be read. Go back and try again.", { status: 400 });
  }
  const sent = form.get(CSRF_FIELD);
  const tokens = await acceptableCsrfTokens(request, context);
  if (typeof sent !== "string" || !sent || !tokens.some((t) => safeEqual(t, sent))) {
    const signIn = await signedOutRedirect(request, context);
    if (signIn) throw signIn;
    throw new Response("The form had expired. Go back, refresh the page and try again.", { status: 403, statusText: "csrf" });
  }
  if (opts.honeypot && String(form.get(HONEYPOT_FIELD) ?? "") !== "") {
    throw new Response("The form could not be sent.", { status: 400 });
  }
  return form;
}

/** A text field's value, trimmed of nothing (passwords keep their spaces); "" when absent. */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

/**
 * Wraps a route's action so that, when it answers with form errors, the page's title starts "Error: "
 * (GOV.UK's pattern). Remix runs the loaders after the action in the same request and with the same load
 * context, so the root loader can tell the page title; meta functions never see action data themselves.
 */
export function withFormErrors<Args extends { context: AppLoadContext }, R>(action: (args: Args) => Promise<R>): (args: Args) => Promise<R> {
  return async (args) => {
    const result = await action(args);
    const errors = (result as { errors?: unknown } | null)?.errors;
    if (!(result instanceof Response) && errors && typeof errors === "object" && Object.keys(errors).length > 0) args.context.formErrors = true;
    return result;
  };
}
