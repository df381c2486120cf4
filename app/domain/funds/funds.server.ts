/**
 * What the public sees of the funds: the start page's list and each fund's page.
 *
 * Both read one catalogue of active funds with their rounds and criteria, kept for a few seconds per
 * process: these are the most visited pages and their data changes a few times a year. A change made
 * through this process shows at once (`forgetFundCatalogue`); one made through another instance within
 * CATALOGUE_TTL_MS. Which rounds are open is worked out on every request, from the clock.
 */
import { getDb } from "~/utils/db.server";
import { ttlCache } from "~/utils/ttl-cache.server";
import { isoNow } from "~db/time";
import { fromJson } from "~db/json";
import { selectActiveFunds, selectCriteriaOfActiveFunds, selectEligibilityOfActiveFunds, selectRoundsOfActiveFunds } from "./funds.queries.server";
import { roundStatus, type RoundStatus } from "./funds.rules";
import type { EligibilityQuestion } from "./eligibility";

export const CATALOGUE_TTL_MS = 5_000;

type Catalogue = {
  funds: Awaited<ReturnType<typeof selectActiveFunds>>;
  rounds: Awaited<ReturnType<typeof selectRoundsOfActiveFunds>>;
  criteria: Awaited<ReturnType<typeof selectCriteriaOfActiveFunds>>;
  eligibility: (EligibilityQuestion & { fundId: number })[];
};

const catalogueCache = ttlCache<Catalogue>(CATALOGUE_TTL_MS, async () => {
  const db = getDb();
  const [funds, rounds, criteria, eligibility] = await Promise.all([
    selectActiveFunds(db),
    selectRoundsOfActiveFunds(db),
    selectCriteriaOfActiveFunds(db),
    selectEligibilityOfActiveFunds(db),
  ]);
  return {
    funds,
    rounds,
    criteria,
    eligibility: eligibility.map((q) => ({
      fundId: q.fund_id,
      key: q.key,
      question: q.question,
      hint: q.hint,
      options: fromJson<{ value: string; label: string }[]>(q.options, []),
      excluding: fromJson<string[]>(q.excluding_values, []),
      ineligibleMessage: q.ineligible_message,
    })),
  };
});
const catalogue = () => catalogueCache.get();

/** Forget the cached catalogue: call after changing a fund, round or criterion. */
export function forgetFundCatalogue(): void {
  catalogueCache.forget();
}

export interface FundSummary {
  id: number;
  code: string;
  slug: string;
  name: string;
  summary: string;
  whoCanApply: string;
  twoStage: boolean;
  minAwardPence: number;
  maxAwardPence: number;
  openRounds: number;
  nextClosing: string | null;
}

export interface FundRound {
  id: number;
  name: string;
  area: string;
  opensAt: string;
  closesAt: string;
  fullApplicationDeadline: string | null;
  panelDate: string | null;
  status: RoundStatus;
}

export interface FundPage {
  fund: FundSummary & { description: string };
  rounds: FundRound[];
  criteria: { key: string; title: string; description: string; weightPercent: number }[];
}

function roundsOf(c: Catalogue, fundId: number, now: string): FundRound[] {
  return c.rounds
    .filter((r) => r.fund_id === fundId)
    .map((r) => ({
      id: r.id,
      name: r.name,
      area: r.district_name ?? "Countywide",
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      fullApplicationDeadline: r.full_application_deadline,
      panelDate: r.panel_date,
      status: roundStatus(r, now),
    }));
}

function summarise(f: Catalogue["funds"][number], rounds: FundRound[]): FundSummary {
  const open = rounds.filter((r) => r.status === "open");
  return {
    id: f.id,
    code: f.code,
    slug: f.slug,
    name: f.name,
    summary: f.summary,
    whoCanApply: f.who_can_apply,
    twoStage: f.stages === "two_stage",
    minAwardPence: f.min_award_pence,
    maxAwardPence: f.max_award_pence,
    openRounds: open.length,
    nextClosing: open.map((r) => r.closesAt).sort()[0] ?? null,
  };
}

/** The funds the public sees, with whether they are open now. */
export async function listFunds(now: string = isoNow()): Promise<FundSummary[]> {
  const c = await catalogue();
  return c.funds.map((f) => summarise(f, roundsOf(c, f.id, now)));
}

/** A fund's public page; null when there is no such active fund. */
export async function getFundPage(slug: string, now: string = isoNow()): Promise<FundPage | null> {
  const c = await catalogue();
  const fund = c.funds.find((f) => f.slug === slug);
  if (!fund) return null;
  const rounds = roundsOf(c, fund.id, now);
  return {
    fund: { ...summarise(fund, rounds), description: fund.description },
    rounds,
    criteria: c.criteria
      .filter((x) => x.fund_id === fund.id)
      .map((x) => ({ key: x.key, title: x.title, description: x.description, weightPercent: x.weight_percent })),
  };
}

export interface FundEligibility {
  fund: { name: string; slug: string; twoStage: boolean; open: boolean };
  questions: EligibilityQuestion[];
}

/** A fund's "Check if you can apply" questions, in order; null when there is no such active fund. */
export async function getFundEligibility(slug: string, now: string = isoNow()): Promise<FundEligibility | null> {
  const c = await catalogue();
  const fund = c.funds.find((f) => f.slug === slug);
  if (!fund) return null;
  return {
    fund: { name: fund.name, slug: fund.slug, twoStage: fund.stages === "two_stage", open: roundsOf(c, fund.id, now).some((r) => r.status === "open") },
    questions: c.eligibility.filter((q) => q.fundId === fund.id).map(({ fundId: _fundId, ...q }) => q),
  };
}
