import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { eligibilityContext, stepUrl } from "~/utils/eligibility.server";

/** "Check if you can apply" starts at the first question not yet answered. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await eligibilityContext(request, params.slug);
  throw redirect(stepUrl(ctx, ctx.answers));
}
