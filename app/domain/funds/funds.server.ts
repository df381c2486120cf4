import { getDb } from "~/utils/db.server";
import { isoNow } from "~db/time";
import { selectActiveFunds, selectCriteria, selectFundBySlug, selectOpenRoundSummary, selectRoundsWithDistricts } from "./funds.queries.server";
import { roundStatus, type RoundStatus } from "./funds.rules";

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

/** The funds the public sees, with whether they are open now. */
export async function listFunds(now: string = isoNow()): Promise<FundSummary[]> {
  const db = getDb();
  const [funds, open] = await Promise.all([selectActiveFunds(db), selectOpenRoundSummary(db, now)]);
  const byFund = new Map(open.map((o) => [o.fund_id, o]));
  return funds.map((f) => ({
    id: f.id,
    code: f.code,
    slug: f.slug,
    name: f.name,
    summary: f.summary,
    whoCanApply: f.who_can_apply,
    twoStage: f.stages === "two_stage",
    minAwardPence: f.min_award_pence,
    maxAwardPence: f.max_award_pence,
    openRounds: Number(byFund.get(f.id)?.open_rounds ?? 0),
    nextClosing: (byFund.get(f.id)?.next_closing as string | null | undefined) ?? null,
  }));
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

/** A fund's public page; null when there is no such active fund. */
export async function getFundPage(slug: string, now: string = isoNow()): Promise<FundPage | null> {
  const db = getDb();
  const fund = await selectFundBySlug(db, slug);
  if (!fund) return null;
  const [rounds, criteria] = await Promise.all([selectRoundsWithDistricts(db, fund.id), selectCriteria(db, fund.id)]);
  const shown = rounds
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
  const open = shown.filter((r) => r.status === "open");
  return {
    fund: {
      id: fund.id,
      code: fund.code,
      slug: fund.slug,
      name: fund.name,
      summary: fund.summary,
      description: fund.description,
      whoCanApply: fund.who_can_apply,
      twoStage: fund.stages === "two_stage",
      minAwardPence: fund.min_award_pence,
      maxAwardPence: fund.max_award_pence,
      openRounds: open.length,
      nextClosing: open.map((r) => r.closesAt).sort()[0] ?? null,
    },
    rounds: shown,
    criteria: criteria.map((c) => ({ key: c.key, title: c.title, description: c.description, weightPercent: c.weight_percent })),
  };
}
