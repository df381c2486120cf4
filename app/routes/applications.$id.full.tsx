import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NEXT_STEP_TITLES, NextStepPage } from "~/layout/next-step";
import { nextStepAction, nextStepLoader } from "~/utils/next-step.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, NEXT_STEP_TITLES.full);

/** An invited outline's next step: what starting the full application does, and by when to send it. */
export function loader(args: LoaderFunctionArgs) {
  return nextStepLoader(args, "full");
}

export function action(args: ActionFunctionArgs) {
  return nextStepAction(args, "full");
}

export default function StartFullApplication() {
  const page = useLoaderData<typeof loader>();
  return <NextStepPage {...page} refusal={useActionData<typeof action>()?.refusal ?? page.refusal} />;
}
