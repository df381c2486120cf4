import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { nextStep, queryBefore } from "~/domain/funds/eligibility";
import { CsrfField } from "~/layout/forms";
import { eligibilityContext, stepUrl } from "~/utils/eligibility.server";
import { pageTitle } from "~/utils/meta";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `You can apply to the ${data.fundName}` : "You can apply");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await eligibilityContext(request, params.slug);
  if (nextStep(ctx.questions, ctx.answers).kind !== "eligible") throw redirect(stepUrl(ctx, ctx.answers));
  const last = ctx.questions[ctx.questions.length - 1];
  return {
    fundName: ctx.fund.name,
    fundSlug: ctx.fund.slug,
    twoStage: ctx.fund.twoStage,
    open: ctx.fund.open,
    back: last ? `${ctx.base}/${last.key}${queryBefore(ctx.questions, ctx.answers, last.key)}` : `/funds/${ctx.fund.slug}`,
    here: `${ctx.base}/you-can-apply${queryBefore(ctx.questions, ctx.answers)}`,
  };
}

export default function YouCanApply() {
  const page = useLoaderData<typeof loader>();
  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>("root")?.user);
  return (
    <>
      <BackLink href={page.back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">You can apply to the {page.fundName}</h1>
          <p className="govuk-body">From your answers, your group can apply.</p>
          <h2 className="govuk-heading-m">What you need</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>your group&rsquo;s address and bank details, and the name of its main contact</li>
            <li>what you will do, when, where and who it is for</li>
            <li>how much you need and what you will spend it on</li>
            <li>{page.twoStage ? "how the project saves the council money, if you are invited to make a full application" : "what other funding you have secured or applied for"}</li>
          </ul>
          <p className="govuk-body">You can save your application and come back to it. Other members of your group can help fill it in.</p>
          {!page.open ? (
            <p className="govuk-body">No round of this fund is open just now. Look at the fund&rsquo;s page for when the next one opens.</p>
          ) : signedIn ? (
            <form method="post" action="/applications/start">
              <CsrfField />
              <input type="hidden" name="fund" value={page.fundSlug} />
              <Button text="Start an application" isStartButton />
            </form>
          ) : (
            <>
              <p className="govuk-body">You need an account to apply. It lets you save your application and come back to it.</p>
              <div className="govuk-button-group">
                <a className="govuk-button" href="/register">
                  Create an account
                </a>
                <a className="govuk-link" href={`/sign-in?returnTo=${encodeURIComponent(page.here)}`}>
                  I already have an account
                </a>
              </div>
            </>
          )}
        </div>
      </div>
    </>
  );
}
