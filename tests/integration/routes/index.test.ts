/** The start page's loader, called as Remix calls it, against a seeded database. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { forgetFundCatalogue } from "~/domain/funds/funds.server";
import { loader } from "~/routes/_index";
import { useTestDb } from "../../setup/test-db";

const db = useTestDb();

// The page reads the clock to say which funds are open: fix it, so the test means the same next year.
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T10:00:00.000Z"));
  await seedDemo(db().db);
});
afterAll(() => {
  vi.useRealTimers();
});

describe("GET /", () => {
  it("lists both seeded funds from the database with their award ranges", async () => {
    const data = await loader();
    expect(data.funds.map((f) => [f.name, f.minAwardPence, f.maxAwardPence, f.twoStage])).toEqual([
      ["Cambridgeshire Communities Innovation Fund", 100_000, 5_000_000, true],
      ["Community Reach Fund", 10_000, 100_000, false],
    ]);
  });

  it("shows a fund as open only while one of its rounds is", async () => {
    const data = await loader();
    const crf = data.funds.find((f) => f.code === "CRF")!;
    expect(crf.openRounds).toBe(5);
    expect(crf.nextClosing).toBe("2027-03-31T16:00:00.000Z");
  });

  it("shows no closing date once every round has closed", async () => {
    vi.setSystemTime(new Date("2027-03-31T16:00:00.000Z"));
    const crf = (await loader()).funds.find((f) => f.code === "CRF")!;
    expect(crf).toMatchObject({ openRounds: 0, nextClosing: null });
    vi.setSystemTime(new Date("2026-11-22T10:00:00.000Z"));
  });

  it("leaves out an archived fund", async () => {
    await db().db.updateTable("funds").set({ status: "archived" }).where("code", "=", "CIF").execute();
    forgetFundCatalogue(); // what the fund set-up service will do after a change
    const data = await loader();
    expect(data.funds.map((f) => f.code)).toEqual(["CRF"]);
    await db().db.updateTable("funds").set({ status: "active" }).where("code", "=", "CIF").execute();
    forgetFundCatalogue();
  });
});
