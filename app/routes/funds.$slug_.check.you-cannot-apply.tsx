import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { nextStep, queryBefore } from "~/domain/funds/eligibility";
import { eligibilityContext, stepUrl } from "~/utils/eligibility.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `You cannot apply to the ${data.fundName}` : "You cannot apply");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await eligibilityContext(request, params.slug);
  const step = nextStep(ctx.questions, ctx.answers);
  if (step.kind !== "ineligible") throw redirect(stepUrl(ctx, ctx.answers));
  const q = step.question;
  return {
    fundName: ctx.fund.name,
    fundSlug: ctx.fund.slug,
    question: q.question,
    answer: q.options.find((o) => o.value === ctx.answers[q.key])?.label ?? "",
    message: q.ineligibleMessage,
    change: `${ctx.base}/${q.key}${queryBefore(ctx.questions, ctx.answers)}`,
  };
}

export default function YouCannotApply() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={page.change} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">You cannot apply to the {page.fundName}</h1>
          <p className="govuk-body">
            You answered &ldquo;{page.answer}&rdquo; to &ldquo;{page.question}&rdquo;
          </p>
          <p className="govuk-body">{page.message}</p>
          <p className="govuk-body">
            <a className="govuk-link" href={page.change}>
              Change your answer
            </a>{" "}
            if it was not right.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/">
              See the other funds
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
