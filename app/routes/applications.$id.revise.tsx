import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NEXT_STEP_TITLES, NextStepPage } from "~/layout/next-step";
import { nextStepAction, nextStepLoader } from "~/utils/next-step.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, NEXT_STEP_TITLES.revision);

/** An outline the panel advised strengthening: a revised outline, linked to it and keeping its reference. */
export function loader(args: LoaderFunctionArgs) {
  return nextStepLoader(args, "revision");
}

export function action(args: ActionFunctionArgs) {
  return nextStepAction(args, "revision");
}

export default function StartRevisedOutline() {
  const page = useLoaderData<typeof loader>();
  return <NextStepPage {...page} refusal={useActionData<typeof action>()?.refusal ?? page.refusal} />;
}
