/** The page before starting a full application or a revised outline from an outline proposal. */
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import type { NextStep } from "~/domain/applications/next-step";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField } from "./forms";

export interface NextStepPageProps {
  step: NextStep;
  outlineId: number;
  reference: string | null;
  title: string | null;
  fundName: string;
  organisationName: string;
  deadline: string | null;
  refusal: string | null;
}

export const NEXT_STEP_TITLES: Record<NextStep, string> = { full: "Start your full application", revision: "Send a revised outline proposal" };

export function NextStepPage(page: NextStepPageProps) {
  const project = page.title ? <> for &lsquo;{page.title}&rsquo;</> : null;
  return (
    <>
      <BackLink href={`/applications/${page.outlineId}`} text="Back to your outline proposal" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {page.fundName}
            {page.reference ? `, ${page.reference}` : ""}
          </span>
          <h1 className="govuk-heading-l">{NEXT_STEP_TITLES[page.step]}</h1>
          {page.refusal ? (
            <p className="govuk-body">{page.refusal}</p>
          ) : (
            <form method="post" noValidate>
              <CsrfField />
              {page.step === "full" ? (
                <>
                  <p className="govuk-body">
                    The panel has invited {page.organisationName} to make a full application{project}. We will copy your answers from the outline proposal into it:
                    check them and bring them up to date.
                  </p>
                  <p className="govuk-body">
                    It also asks for a project plan with milestones, a budget, the outcomes and how you will measure them, a plan for how the project saves the
                    council money, and your group&rsquo;s documents.
                  </p>
                </>
              ) : (
                <p className="govuk-body">
                  The panel has advised {page.organisationName} how to strengthen its proposal{project}. We will copy your answers into a revised outline: change
                  them as the panel advised, then send it again. It keeps its reference.
                </p>
              )}
              {page.deadline ? <p className="govuk-body">Send it by {formatLondonDateTime(page.deadline)}.</p> : null}
              <Button text={NEXT_STEP_TITLES[page.step]} preventDoubleClick />
            </form>
          )}
        </div>
      </div>
    </>
  );
}
