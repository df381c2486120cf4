/** The pure parts of the fund administrators' screens: CSV cells, the list's filter in the URL, set-up schemas. */
import { describe, expect, it } from "vitest";
import { csvCell, csvRow, penceForCsv } from "~/domain/admin/csv";
import { asReference, filterQuery, parseCursor, parseFilter } from "~/domain/admin/list-filter";
import { auditQuery, parseAuditFilter } from "~/domain/admin/audit-filter";
import { budgetSchema, criteriaSchema, parseTime, parseWith, roundSchema } from "~/domain/funds/setup.schema";

describe("CSV cells", () => {
  it("a cell that starts with = + - @, a tab or a carriage return cannot run as a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+44 1223 000000")).toBe("'+44 1223 000000");
    expect(csvCell("-SUM(A1)")).toBe("'-SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("Community = good")).toBe("Community = good");
  });

  it("quotes commas, quotes and line breaks; writes numbers and empty values plainly", () => {
    expect(csvCell('Say "hello", then\nleave')).toBe('"Say ""hello"", then\nleave"');
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", null, 3])).toBe("a,,3\r\n");
    expect(penceForCsv(125_050)).toBe("1250.50");
    expect(penceForCsv(100)).toBe("1.00");
    expect(penceForCsv(null)).toBeNull();
  });
});

describe("the list's filter in the URL", () => {
  it("keeps known values, ignores the rest, and writes back only what differs from the defaults", () => {
    const f = parseFilter(new URLSearchParams("fund=2&district=E07000010&status=in_review&stage=outline&q=%20larder%20&sort=amount-high&round=x&deprived=yes"));
    expect(f).toEqual({ fund: 2, round: null, stage: "outline", status: "in_review", district: "E07000010", deprived: "yes", q: "larder", sort: "amount-high" });
    expect(parseFilter(new URLSearchParams("status=draft&district=';drop&sort=nope&fund=-1&deprived=maybe"))).toEqual({ fund: null, round: null, stage: null, status: null, district: null, deprived: null, q: "", sort: "newest" });
    expect(filterQuery(f, { after: "x~1" })).toBe("?fund=2&stage=outline&status=in_review&district=E07000010&deprived=yes&q=larder&sort=amount-high&after=x%7E1");
    expect(filterQuery(parseFilter(new URLSearchParams()))).toBe("");
  });

  it("reads a cursor only when it fits the sort", () => {
    expect(parseCursor(new URLSearchParams("after=2026-06-01T09:00:00.000Z~42"), "newest")).toEqual({ direction: "after", key: "2026-06-01T09:00:00.000Z", id: 42 });
    expect(parseCursor(new URLSearchParams("before=75000~7"), "amount-high")).toEqual({ direction: "before", key: 75000, id: 7 });
    expect(parseCursor(new URLSearchParams("after=yesterday~1"), "newest")).toBeNull();
    expect(parseCursor(new URLSearchParams("after=12~abc"), "amount-low")).toBeNull();
  });

  it("a reference as people type it", () => {
    expect(asReference(" crf-2026-42 ")).toBe("CRF-2026-00042");
    expect(asReference("CIF-2027-00001")).toBe("CIF-2027-00001");
    expect(asReference("larder")).toBeNull();
  });
});

describe("the audit log's filter", () => {
  it("a date range in London dates, the 'to' date included", () => {
    const { query, errors } = auditQuery(parseAuditFilter(new URLSearchParams("from-day=1&from-month=7&from-year=2026&to-day=1&to-month=7&to-year=2026&entity=42")));
    expect(errors).toEqual({});
    expect(query).toMatchObject({ fromIso: "2026-06-30T23:00:00.000Z", toIso: "2026-07-01T23:00:00.000Z", entityId: 42, reference: null });
    expect(auditQuery(parseAuditFilter(new URLSearchParams("from-day=2&from-month=7&from-year=2026&to-day=1&to-month=7&to-year=2026"))).errors).toEqual({ "to-day": "The date to must be the same as or after the date from" });
    expect(auditQuery(parseAuditFilter(new URLSearchParams("entity=nonsense"))).errors.entity).toBe("Enter a reference, like CRF-2026-00042, or a record number, like 42");
  });
});

describe("set-up schemas", () => {
  it("times as the council writes them", () => {
    expect(parseTime("5pm")).toEqual([17, 0]);
    expect(parseTime("5:30 PM")).toEqual([17, 30]);
    expect(parseTime("12am")).toEqual([0, 0]);
    expect(parseTime("midday")).toEqual([12, 0]);
    expect(parseTime("09:15")).toEqual([9, 15]);
    expect(parseTime("25:00")).toBeNull();
    expect(parseTime("13pm")).toBeNull();
  });

  it("a round in winter closes at 5pm GMT; its financial year comes from its opening", () => {
    const schema = roundSchema({ twoStage: true, perDistrict: false, districtCodes: ["E07000010"] });
    const r = parseWith(schema, { name: "Quarter 4", area: "countywide", "opens-day": "1", "opens-month": "1", "opens-year": "2027", "closes-day": "15", "closes-month": "2", "closes-year": "2027", "full-day": "15", "full-month": "3", "full-year": "2027", "full-time": "noon" });
    expect(r).toEqual({ ok: true, value: { name: "Quarter 4", districtCode: null, opensAt: "2027-01-01T00:00:00.000Z", closesAt: "2027-02-15T17:00:00.000Z", fullApplicationDeadline: "2027-03-15T12:00:00.000Z", panelDate: null, financialYear: 2026 } });
    const late = parseWith(schema, { name: "Q", area: "countywide", "opens-day": "1", "opens-month": "1", "opens-year": "2027", "closes-day": "15", "closes-month": "2", "closes-year": "2027", "full-day": "1", "full-month": "2", "full-year": "2027", "panel-day": "1", "panel-month": "1", "panel-year": "2027" });
    expect(late.ok === false && late.errors).toEqual({ "full-day": "The full application deadline must be after the outline deadline", "panel-day": "The panel date must be on or after the full application deadline" });
  });

  it("budgets of £0 are allowed, negative ones are not", () => {
    const schema = budgetSchema({ years: [2026], areas: ["countywide"] });
    expect(parseWith(schema, { financialYear: "2026", area: "countywide", amount: "0" })).toEqual({ ok: true, value: { financialYear: 2026, area: "countywide", amountPence: 0 } });
    expect(parseWith(schema, { financialYear: "2026", area: "countywide", amount: "−5" })).toEqual({ ok: false, errors: { amount: "The budget must be £0 or more" } });
    expect(parseWith(schema, { financialYear: "2025", area: "north", amount: "" })).toEqual({ ok: false, errors: { financialYear: "Select the financial year", area: "Select the district, or countywide", amount: "Enter the budget" } });
  });

  it("criteria: weights must add up to 100, and each score needs its words", () => {
    const row = (i: number, weight: string) => ({ [`criteria-${i}-title`]: `C${i}`, [`criteria-${i}-description`]: "d", [`criteria-${i}-weight`]: weight, [`criteria-${i}-maxScore`]: "2", [`criteria-${i}-descriptors`]: "0: no\n1: some\n2: lots" });
    expect(parseWith(criteriaSchema, { ...row(0, "50"), ...row(1, "50") }).ok).toBe(true);
    expect(parseWith(criteriaSchema, { ...row(0, "50"), ...row(1, "40") })).toEqual({ ok: false, errors: { weights: "The weights must add up to 100. They add up to 90" } });
    expect(parseWith(criteriaSchema, {})).toEqual({ ok: false, errors: { "criteria-0-title": "Enter at least one criterion" } });
  });
});
