import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkEditionName, checkThreshold, flagAtSubmission, isCountywide, isDeprivedDecile, parseCsv, parseEdition } from "~/domain/deprivation/deprivation.rules";

describe("the deprived-area rule", () => {
  it("a decile at or below the threshold is deprived; no decile is not", () => {
    expect(isDeprivedDecile(1, 3)).toBe(true);
    expect(isDeprivedDecile(3, 3)).toBe(true);
    expect(isDeprivedDecile(4, 3)).toBe(false);
    expect(isDeprivedDecile(4, 5)).toBe(true);
    expect(isDeprivedDecile(null, 3)).toBe(false);
  });
  it("a countywide project is never flagged by the rule", () => {
    expect(flagAtSubmission({ decile: 1, threshold: 3, countywide: false })).toBe(true);
    expect(flagAtSubmission({ decile: 1, threshold: 3, countywide: true })).toBe(false);
    expect(flagAtSubmission({ decile: 2, threshold: 1, countywide: false })).toBe(false);
  });
  it("countywide: a target area that says so, or no district", () => {
    expect(isCountywide("Countywide", "E07000010")).toBe(true);
    expect(isCountywide("Countywide (Ramsey, St Neots, Ely)", "E07000011")).toBe(true);
    expect(isCountywide("Work across the county, starting in March", "E07000010")).toBe(true);
    expect(isCountywide("Wisbech and March", "E07000010")).toBe(false);
    expect(isCountywide(null, "E07000010")).toBe(false);
    expect(isCountywide(null, null)).toBe(true);
  });
  it("the threshold is a whole decile from 1 to 10", () => {
    expect(checkThreshold(" 4 ")).toEqual({ ok: true, value: 4 });
    expect(checkThreshold("")).toEqual({ ok: false, error: "Enter a decile from 1 to 10" });
    for (const bad of ["0", "11", "2.5", "three"]) expect(checkThreshold(bad).ok, bad).toBe(false);
  });
  it("an edition's name is short and plain", () => {
    expect(checkEditionName(" IoD2025 ")).toEqual({ ok: true, value: "IoD2025" });
    expect(checkEditionName("").ok).toBe(false);
    expect(checkEditionName("<script>").ok).toBe(false);
  });
});

describe("reading an edition from CSV", () => {
  it("splits quoted fields with commas and a byte-order mark", () => {
    expect(parseCsv('\uFEFFa,b\r\nE01000001,"29,199"\n"say ""hi""",x\n')).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["E01000001", "29,199"], line: 2 },
      { fields: ['say "hi"', "x"], line: 3 },
    ]);
  });

  it("reads the shipped 2019 England file: every LSOA once, deciles 1 to 10, the rank without its commas", () => {
    const text = zlib.gunzipSync(fs.readFileSync("db/data/imd2019-england-lsoa11.csv.gz")).toString("utf8");
    const parsed = parseEdition(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.rows).toHaveLength(32_844);
    expect(parsed.columns).toEqual({ code: "LSOA code (2011)", decile: "Index of Multiple Deprivation (IMD) Decile", rank: "Index of Multiple Deprivation (IMD) Rank" });
    expect(parsed.rows[0]).toEqual({ lsoaCode: "E01000001", decile: 9, rank: 29_199 });
    expect(parsed.rows.find((r) => r.lsoaCode === "E01018103")).toMatchObject({ decile: 1 });
  });

  it("reads a file of the same shape with other headings (2021 LSOAs, no rank)", () => {
    const parsed = parseEdition("lsoa21_code,imd_decile\nE01034567,2\nE01034568,10\n");
    expect(parsed).toEqual({ ok: true, rows: [{ lsoaCode: "E01034567", decile: 2, rank: null }, { lsoaCode: "E01034568", decile: 10, rank: null }], columns: { code: "lsoa21_code", decile: "imd_decile", rank: null } });
  });

  it("refuses a file without the columns it needs", () => {
    expect(parseEdition("area,score\nE01000001,3\n")).toEqual({
      ok: false,
      problems: [
        { line: 1, message: "The first row has no LSOA code column (a heading with “LSOA” and “code”)" },
        { line: 1, message: "The first row has no decile column (a heading with “decile”)" },
      ],
    });
    expect(parseEdition("")).toMatchObject({ ok: false, problems: [{ message: "The file is empty" }] });
    expect(parseEdition("lsoa code,decile\n")).toMatchObject({ ok: false, problems: [{ message: "The file has a heading row but no rows of data" }] });
  });

  it("names every bad row by its line: a bad code, a decile out of range, a repeated LSOA — and keeps nothing", () => {
    const parsed = parseEdition("LSOA code,IMD decile\nE01000001,3\nnot-a-code,2\nE01000002,11\nE01000001,4\nE01000003,\n");
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { line: 3, message: "“NOT-A-CODE” is not an LSOA code (like E01012345)" },
        { line: 4, message: "The decile “11” is not a whole number from 1 to 10" },
        { line: 5, message: "E01000001 is also on line 2" },
        { line: 6, message: "The decile is missing" },
      ],
    });
  });
});
