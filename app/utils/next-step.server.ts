/** The two pages that start what an outline leads to (/full, /revise): one loader and one action for both. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { draftsService } from "~/domain/applications/index.server";
import type { NextStep } from "~/domain/applications/next-step";
import { requestInfo, requireSignedIn } from "./auth.server";
import { readForm } from "./form.server";
import { idParam, orNotFound } from "./not-found.server";

export async function nextStepLoader({ request, context, params }: LoaderFunctionArgs, step: NextStep) {
  const { user } = await requireSignedIn(request, context);
  const view = await orNotFound(draftsService.nextStart(user.id, idParam(params.id), step));
  if (view.existingId) throw redirect(`/applications/${view.existingId}`);
  return { ...view, step };
}

export async function nextStepAction({ request, context, params }: ActionFunctionArgs, step: NextStep) {
  await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const result = await orNotFound(draftsService.startNext(user.id, idParam(params.id), step, requestInfo(request, context).ip));
  if (result.kind === "refused") return { refusal: result.message };
  return redirect(`/applications/${result.applicationId}`);
}
