import { describe, expect, it } from "vitest";
import { formatPence, poundsToPence } from "~/domain/shared/money";
import { financialYearOf, formatFinancialYear, formatLondonDateTime, londonToUtcIso } from "~/domain/shared/time";

describe("London time", () => {
  it("turns 5pm London into UTC in winter and in summer time", () => {
    expect(londonToUtcIso(2026, 12, 1, 17, 0)).toBe("2026-12-01T17:00:00.000Z");
    expect(londonToUtcIso(2027, 3, 31, 17, 0)).toBe("2027-03-31T16:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    expect(londonToUtcIso(2027, 3, 28, 17, 0)).toBe("2027-03-28T16:00:00.000Z"); // BST from 01:00 UTC
    expect(londonToUtcIso(2026, 10, 25, 17, 0)).toBe("2026-10-25T17:00:00.000Z"); // GMT again
  });

  it("writes times as GOV.UK does", () => {
    expect(formatLondonDateTime("2027-03-31T16:00:00.000Z")).toBe("5pm on 31 March 2027");
    expect(formatLondonDateTime("2026-12-01T09:30:00.000Z")).toBe("9:30am on 1 December 2026");
    expect(formatLondonDateTime("2026-12-01T12:00:00.000Z")).toBe("midday on 1 December 2026");
    expect(formatLondonDateTime("2026-12-01T00:00:00.000Z")).toBe("midnight on 1 December 2026");
    expect(formatLondonDateTime("2026-12-01T12:05:00.000Z")).toBe("12:05pm on 1 December 2026");
    expect(formatLondonDateTime("2026-12-01T00:05:00.000Z")).toBe("12:05am on 1 December 2026");
  });

  it("puts an instant in its April-to-March financial year, by London's calendar", () => {
    expect(financialYearOf("2026-11-22T10:00:00.000Z")).toBe(2026);
    expect(financialYearOf("2027-03-31T22:59:59.000Z")).toBe(2026);
    expect(financialYearOf("2027-03-31T23:00:00.000Z")).toBe(2027); // 00:00 on 1 April, BST
    expect(formatFinancialYear(2026)).toBe("2026 to 2027");
  });
});

describe("money", () => {
  it("shows whole pounds without pence and other amounts with them", () => {
    expect(formatPence(100_000)).toBe("£1,000");
    expect(formatPence(5_000_000)).toBe("£50,000");
    expect(formatPence(25_771_700)).toBe("£257,717");
    expect(formatPence(1_050)).toBe("£10.50");
    expect(formatPence(0)).toBe("£0");
  });

  it("refuses fractions of a penny", () => {
    expect(() => formatPence(10.5)).toThrow(RangeError);
  });

  it("converts pounds to pence without floating-point drift", () => {
    expect(poundsToPence(19.99)).toBe(1_999);
    expect(poundsToPence(1000)).toBe(100_000);
  });
});
