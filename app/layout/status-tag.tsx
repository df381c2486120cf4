import { Tag } from "~/components/tag";
import { stateLabel } from "~/domain/applications/workflow";

const COLOURS: Record<string, string> = {
  submitted: "govuk-tag--blue",
  more_information: "govuk-tag--yellow",
  eligible: "govuk-tag--turquoise",
  ineligible: "govuk-tag--grey",
  in_review: "govuk-tag--purple",
  awarded: "govuk-tag--green",
  offered: "govuk-tag--green",
  accepted: "govuk-tag--green",
  monitoring: "govuk-tag--green",
  closed: "govuk-tag--grey",
  declined: "govuk-tag--red",
  offer_declined: "govuk-tag--grey",
  deferred: "govuk-tag--orange",
  withdrawn: "govuk-tag--grey",
  invited: "govuk-tag--green",
  strengthen: "govuk-tag--orange",
  signposted: "govuk-tag--grey",
};

/** An application's status in words (the workflow's), as a tag whose colour says roughly how it stands. */
export function StatusTag({ status }: { status: string }) {
  const text = stateLabel(status);
  return <Tag text={text.charAt(0).toUpperCase() + text.slice(1)} classes={COLOURS[status] ?? "govuk-tag--grey"} />;
}

/** A fund's status, as its administrators see it. */
export const FUND_STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  draft: { text: "Draft", classes: "govuk-tag--grey" },
  active: { text: "Open to the public", classes: "govuk-tag--green" },
  archived: { text: "Archived", classes: "govuk-tag--grey" },
};
