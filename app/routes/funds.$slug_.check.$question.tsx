import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Radios } from "~/components/radios";
import { answer, nextStep, queryBefore } from "~/domain/funds/eligibility";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { eligibilityContext, stepUrl, type EligibilityContext } from "~/utils/eligibility.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.question.question ?? "Check if you can apply");

/** The question asked, once every question before it has an answer (they are asked in order). */
function questionAt(ctx: EligibilityContext, key: string | undefined) {
  const index = ctx.questions.findIndex((q) => q.key === key);
  if (index < 0) throw new Response("No such question", { status: 404 });
  const step = nextStep(ctx.questions.slice(0, index), ctx.answers);
  if (step.kind !== "eligible") throw redirect(stepUrl(ctx, ctx.answers));
  return { question: ctx.questions[index], index };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await eligibilityContext(request, params.slug);
  const { question, index } = questionAt(ctx, params.question);
  const previous = ctx.questions[index - 1];
  return {
    fundName: ctx.fund.name,
    question,
    number: index + 1,
    of: ctx.questions.length,
    value: ctx.answers[question.key] ?? "",
    back: previous ? `${ctx.base}/${previous.key}${queryBefore(ctx.questions, ctx.answers, question.key)}` : `/funds/${ctx.fund.slug}`,
  };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const ctx = await eligibilityContext(request, params.slug);
  const { question, index } = questionAt(ctx, params.question);
  // A changed answer is asked again from there: the answers after it are dropped.
  const before = Object.fromEntries(ctx.questions.slice(0, index).map((q) => [q.key, ctx.answers[q.key]]));
  const result = answer(question, field(form, "answer"), before);
  if (!result.ok) return { errors: { answer: result.message } };
  return redirect(stepUrl(ctx, result.answers));
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function EligibilityQuestion() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <BackLink href={page.back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={["answer"]} />
          <form method="post" noValidate>
            <CsrfField />
            <Radios
              name="answer"
              idPrefix="answer"
              fieldset={{
                legend: {
                  html: (
                    <>
                      <span className="govuk-caption-l">
                        {page.fundName}: check if you can apply (question {page.number} of {page.of})
                      </span>
                      {page.question.question}
                    </>
                  ),
                  isPageHeading: true,
                  classes: "govuk-fieldset__legend--l",
                },
              }}
              hint={page.question.hint ? { text: page.question.hint } : undefined}
              value={page.value}
              errorMessage={fieldError(errors, "answer")}
              items={page.question.options.map((o) => ({ value: o.value, text: o.label }))}
            />
            <Button text="Continue" />
          </form>
        </div>
      </div>
    </>
  );
}
