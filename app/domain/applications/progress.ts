/**
 * How a group sees where its application is: a tag in a few words, and what happens next in plain words.
 * Staff see the workflow's own labels (workflow.ts `stateLabel`); these are written for the applicant.
 *
 * Pure: no database, no I/O.
 */
import type { Stage, State } from "./workflow";

export interface Progress {
  tag: { text: string; classes: string };
  /** What happens next, for the group. */
  next: string;
}

const TAGS: Record<State, { text: string; classes: string }> = {
  draft: { text: "Not sent yet", classes: "govuk-tag--grey" },
  submitted: { text: "Submitted", classes: "govuk-tag--blue" },
  more_information: { text: "More information needed", classes: "govuk-tag--orange" },
  eligible: { text: "Being assessed", classes: "govuk-tag--light-blue" },
  ineligible: { text: "Not eligible", classes: "govuk-tag--red" },
  in_review: { text: "With the panel", classes: "govuk-tag--purple" },
  awarded: { text: "Awarded", classes: "govuk-tag--green" },
  declined: { text: "Not funded", classes: "govuk-tag--red" },
  deferred: { text: "Deferred", classes: "govuk-tag--yellow" },
  offered: { text: "Offer to accept", classes: "govuk-tag--green" },
  accepted: { text: "Grant accepted", classes: "govuk-tag--green" },
  offer_declined: { text: "Offer declined", classes: "govuk-tag--grey" },
  monitoring: { text: "Grant under way", classes: "govuk-tag--turquoise" },
  closed: { text: "Closed", classes: "govuk-tag--grey" },
  withdrawn: { text: "Withdrawn", classes: "govuk-tag--grey" },
  invited: { text: "Invited to apply in full", classes: "govuk-tag--green" },
  strengthen: { text: "Strengthen and send again", classes: "govuk-tag--yellow" },
  signposted: { text: "Signposted elsewhere", classes: "govuk-tag--grey" },
};

function nextFor(stage: Stage, state: State, deadline: string | null): string {
  const by = deadline ? ` by ${deadline}` : "";
  const what = stage === "outline" ? "outline proposal" : "application";
  switch (state) {
    case "draft":
      return `Finish your ${what} and send it${by}. Anyone in your group can help fill it in.`;
    case "submitted":
      return `We will check your ${what} and email everyone in your group to say whether it can go forward. We may ask for more information first.`;
    case "more_information":
      return `We have asked for more information. Change your answers and send your ${what} again${by}.`;
    case "eligible":
      return stage === "outline"
        ? "Your outline proposal can go forward. The panel will review it, and we will email you its decision."
        : "Your application can go forward. It will go to the next panel, and we will email you the decision.";
    case "ineligible":
      return `Your ${what} cannot go forward. We have emailed you why and where else to look for support.`;
    case "in_review":
      return "The panel is considering your application. We will email you the decision.";
    case "awarded":
      return "Your grant has been agreed. We will send you an award letter to accept online.";
    case "declined":
      return "The panel decided not to fund this application. We have emailed you its feedback.";
    case "deferred":
      return "The panel has put off its decision to a later meeting. We will email you when it decides.";
    case "offered":
      return "Read your award letter and accept the grant online.";
    case "accepted":
      return "You have accepted the grant. We will tell you when it is paid and when your end-of-grant report is due.";
    case "offer_declined":
      return "You declined the grant. Nothing more will happen with this application.";
    case "monitoring":
      return "Your project is under way. Send your end-of-grant report when it is due.";
    case "closed":
      return "This grant is complete. Thank you for your report.";
    case "withdrawn":
      return `You withdrew this ${what}. Nothing more will happen with it.`;
    case "invited":
      return `You are invited to make a full application${by}. Your answers from the outline are carried over.`;
    case "strengthen":
      return "The panel has advised how to strengthen your proposal. You may send a revised outline.";
    case "signposted":
      return "The panel has suggested other support or funding that suits your project better. We have emailed you the details.";
  }
}

/** The tag and the next step for one application; `deadline` (words) is added where the group has something to send. */
export function progressFor(stage: Stage, status: string, deadline: string | null = null): Progress {
  const state = (status in TAGS ? status : "draft") as State;
  return { tag: TAGS[state], next: nextFor(stage, state, deadline) };
}

/** "Application", "Outline proposal", "Full application". */
export function stageLabel(stage: Stage): string {
  return stage === "outline" ? "Outline proposal" : stage === "full" ? "Full application" : "Application";
}
