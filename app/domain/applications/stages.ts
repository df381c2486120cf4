/**
 * How each stage of an application is named to people, and in the printable forms' addresses.
 * Pure: the fund page (in the browser's bundle) and the PDF service share it.
 */
import type { Stage } from "./workflow";

export const STAGE_LABELS: Record<Stage, string> = {
  single: "Application",
  outline: "Outline proposal",
  full: "Full application",
};

/** The stages a fund has, in the order a group meets them. */
export function fundStages(twoStage: boolean): Stage[] {
  return twoStage ? ["outline", "full"] : ["single"];
}

/** A stage in a printable form's address: /funds/<slug>/printable-form/<stage slug>. */
const SLUGS: Record<Stage, string> = { single: "application", outline: "outline-proposal", full: "full-application" };

export function stageSlug(stage: Stage): string {
  return SLUGS[stage];
}

export function stageFromSlug(slug: string): Stage | null {
  return (Object.keys(SLUGS) as Stage[]).find((s) => SLUGS[s] === slug) ?? null;
}

/** "/funds/community-reach-fund/printable-form/application". */
export function printableFormHref(fundSlug: string, stage: Stage): string {
  return `/funds/${encodeURIComponent(fundSlug)}/printable-form/${stageSlug(stage)}`;
}
