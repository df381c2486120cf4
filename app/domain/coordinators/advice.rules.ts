/**
 * Pure rules for a Community Coordinator's pre-application support: what advice or a reply may say, what
 * the district view can be filtered by, and where an application's conversation stands. No database.
 */
export const ADVICE_MAX = 5_000;

export type AdviceField = "advice" | "reply";

/** The words of advice or a reply, tidied; or the message to show beside the field. */
export function checkAdviceText(field: AdviceField, raw: string): { ok: true; text: string } | { ok: false; error: string } {
  const text = raw.replace(/\r\n/g, "\n").trim();
  const what = field === "advice" ? "your advice" : "your reply";
  if (!text) return { ok: false, error: `Enter ${what}` };
  if (text.length > ADVICE_MAX) return { ok: false, error: `${what[0].toUpperCase()}${what.slice(1)} must be ${ADVICE_MAX.toLocaleString("en-GB")} characters or fewer` };
  return { ok: true, text };
}

/** The statuses a coordinator filters by: drafts (before submission), and the submitted ones by stage of life. */
export const PIPELINE_FILTERS = [
  { value: "draft", label: "Drafts", statuses: ["draft"] },
  { value: "submitted", label: "Sent, being considered", statuses: ["submitted", "more_information", "eligible", "in_review", "deferred"] },
  { value: "decided", label: "Decided", statuses: ["awarded", "offered", "accepted", "monitoring", "closed", "declined", "ineligible", "offer_declined", "invited", "strengthen", "signposted"] },
  { value: "withdrawn", label: "Withdrawn", statuses: ["withdrawn"] },
] as const;

export type PipelineFilterValue = (typeof PIPELINE_FILTERS)[number]["value"];

export interface DistrictFilter {
  district: string | null;
  status: PipelineFilterValue | null;
}

/** Reads the district view's query string; anything it does not know is ignored (never an error page). */
export function parseDistrictFilter(params: URLSearchParams, districts: readonly string[]): DistrictFilter {
  const district = params.get("district");
  const status = params.get("status");
  return {
    district: district && districts.includes(district) ? district : null,
    status: PIPELINE_FILTERS.some((f) => f.value === status) ? (status as PipelineFilterValue) : null,
  };
}

export function statusesFor(filter: PipelineFilterValue): readonly string[] {
  return PIPELINE_FILTERS.find((f) => f.value === filter)!.statuses;
}

export type ConversationState = "none" | "advised" | "replied";

/**
 * Where the conversation stands, from its comments oldest first: no advice yet, advice waiting for the
 * group, or the group has replied since the last advice (the coordinator's turn).
 */
export function conversationState(kinds: readonly ("advice" | "reply")[]): ConversationState {
  const lastAdvice = kinds.lastIndexOf("advice");
  if (lastAdvice === -1) return "none";
  return kinds.lastIndexOf("reply") > lastAdvice ? "replied" : "advised";
}

/** The same, from the ids of the last advice and the last reply (ids grow with time). */
export function lastWord(lastAdviceId: number | null, lastReplyId: number | null): ConversationState {
  if (lastAdviceId === null) return "none";
  return lastReplyId !== null && lastReplyId > lastAdviceId ? "replied" : "advised";
}

export const CONVERSATION_LABELS: Record<ConversationState, { text: string; classes: string }> = {
  none: { text: "No advice yet", classes: "govuk-tag--grey" },
  advised: { text: "Advice given", classes: "govuk-tag--blue" },
  replied: { text: "Group replied", classes: "govuk-tag--yellow" },
};
