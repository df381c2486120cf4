import { getDb } from "~/utils/db.server";
import { isoNow } from "~db/time";
import { selectActiveFunds, selectOpenRoundSummary } from "./funds.queries.server";

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
