/**
 * What every "Check if you can apply" page needs: the fund's questions (404 for no such fund) and the
 * answers so far, read from the page's address.
 */
import { answersFrom, nextStep, queryBefore, type EligibilityAnswers } from "~/domain/funds/eligibility";
import { getFundEligibility, type FundEligibility } from "~/domain/funds/funds.server";

export interface EligibilityContext extends FundEligibility {
  answers: EligibilityAnswers;
  base: string;
}

export async function eligibilityContext(request: Request, slug: string | undefined): Promise<EligibilityContext> {
  const found = await getFundEligibility(slug ?? "");
  if (!found) throw new Response("No such fund", { status: 404 });
  return { ...found, answers: answersFrom(new URL(request.url).searchParams, found.questions), base: `/funds/${found.fund.slug}/check` };
}

/** The address of the step these answers lead to. */
export function stepUrl(ctx: EligibilityContext, answers: EligibilityAnswers): string {
  const step = nextStep(ctx.questions, answers);
  const all = queryBefore(ctx.questions, answers);
  if (step.kind === "question") return `${ctx.base}/${step.question.key}${queryBefore(ctx.questions, answers, step.question.key)}`;
  return `${ctx.base}/${step.kind === "eligible" ? "you-can-apply" : "you-cannot-apply"}${all}`;
}
