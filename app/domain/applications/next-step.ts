/**
 * What an outline proposal leads to once decided: after an invitation, the full application; after
 * advice on strengthening, a revised outline. Either is started by the group, once.
 *
 * Pure: no database, no I/O.
 */
export type NextStep = "full" | "revision";

export interface NextStepLink {
  step: NextStep;
  /** The one already started, if any. */
  startedId: number | null;
}

export function nextStepFor(
  app: { id: number; stage: string; status: string },
  others: readonly { id: number; stage: string; parent_application_id: number | null }[],
): NextStepLink | null {
  if (app.stage !== "outline") return null;
  const step: NextStep | null = app.status === "invited" ? "full" : app.status === "strengthen" ? "revision" : null;
  if (!step) return null;
  const child = others.find((o) => o.parent_application_id === app.id && o.stage === (step === "full" ? "full" : "outline"));
  return { step, startedId: child?.id ?? null };
}

/** Where the group starts it: /applications/:id/full or /applications/:id/revise. */
export function nextStepPath(outlineId: number, step: NextStep): string {
  return `/applications/${outlineId}/${step === "full" ? "full" : "revise"}`;
}
