/** A fund's page, its loader called with a real Request as Remix calls it. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { forgetFundCatalogue } from "~/domain/funds/funds.server";
import { loader } from "~/routes/funds.$slug";
import { useTestDb } from "../../setup/test-db";

const db = useTestDb();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-22T10:00:00.000Z") });
  await seedDemo(db().db);
  forgetFundCatalogue();
});
afterAll(() => {
  vi.useRealTimers();
});

function get(slug: string) {
  return loader({ request: new Request(`http://localhost/funds/${slug}`), params: { slug }, context: { clientIp: null, cspNonce: "", visitorCsrf: null, requestReference: "TEST-0000" } });
}

describe("GET /funds/:slug", () => {
  it("shows the Reach Fund with a round per district, open until 5pm on 31 March", async () => {
    const page = await get("community-reach-fund");
    expect(page.fund).toMatchObject({ name: "Community Reach Fund", twoStage: false, openRounds: 5, nextClosing: "2027-03-31T16:00:00.000Z" });
    expect(page.rounds.map((r) => [r.area, r.status])).toEqual([
      ["Cambridge", "open"],
      ["East Cambridgeshire", "open"],
      ["Fenland", "open"],
      ["Huntingdonshire", "open"],
      ["South Cambridgeshire", "open"],
    ]);
    expect(page.criteria.reduce((n, c) => n + c.weightPercent, 0)).toBe(100);
  });

  it("shows the Innovation Fund's quarterly rounds, the current one open for outlines", async () => {
    const page = await get("communities-innovation-fund");
    expect(page.rounds.map((r) => r.status)).toEqual(["closed", "closed", "closed", "open"]);
    expect(page.fund.nextClosing).toBe("2027-02-15T17:00:00.000Z");
    expect(page.criteria.map((c) => c.title)).toContain("Savings to the council");
  });

  it("answers 404 for a fund that does not exist or is archived", async () => {
    await expect(get("no-such-fund")).rejects.toMatchObject({ status: 404 });
    await db().db.updateTable("funds").set({ status: "archived" }).where("code", "=", "CRF").execute();
    forgetFundCatalogue();
    await expect(get("community-reach-fund")).rejects.toMatchObject({ status: 404 });
    await db().db.updateTable("funds").set({ status: "active" }).where("code", "=", "CRF").execute();
    forgetFundCatalogue();
  });
});
