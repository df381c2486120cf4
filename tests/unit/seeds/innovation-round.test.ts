/** The seeded Innovation Fund round keeps to the 2017 paper's figures and to the form's own rules. */
import { describe, expect, it } from "vitest";
import { INVITED, WAITING } from "~db/seeds/innovation-round";

describe("the first quarterly round", () => {
  it("has 32 outlines, nine invited asking for £257,717 in all", () => {
    expect(INVITED.length + WAITING.length).toBe(32);
    expect(INVITED).toHaveLength(9);
    expect(INVITED.reduce((n, p) => n + p.amountPence, 0)).toBe(25_771_700);
  });

  it("each invited proposal's budget adds up to what it asks for, within the fund's £1,000 to £50,000", () => {
    for (const p of INVITED) {
      expect(p.full.budget.reduce((n, [, cost]) => n + cost, 0), p.title).toBe(p.amountPence);
      expect(p.amountPence).toBeGreaterThanOrEqual(100_000);
      expect(p.amountPence).toBeLessThanOrEqual(5_000_000);
    }
    for (const p of WAITING) expect(p.amountPence).toBeLessThanOrEqual(5_000_000);
  });

  it("every group and contact is distinct", () => {
    const all = [...INVITED, ...WAITING];
    expect(new Set(all.map((p) => p.group.name)).size).toBe(32);
    expect(new Set(all.map((p) => p.group.contact.email)).size).toBe(32);
  });
});
