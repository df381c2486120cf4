/** Pure rules about funds and rounds. */
export type RoundStatus = "upcoming" | "open" | "closed";

/** A round takes applications from its opening time until (not including) its closing time. */
export function roundStatus(round: { opens_at: string; closes_at: string }, now: string): RoundStatus {
  if (now < round.opens_at) return "upcoming";
  if (now < round.closes_at) return "open";
  return "closed";
}
