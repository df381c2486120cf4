/**
 * The deprived-area flag's rules, pure: which decile counts as deprived, when a project is countywide (and
 * so never flagged by the rule), and reading an edition of the indices from CSV (an LSOA code column and a
 * decile column, a rank column if there is one), all or nothing, with each problem's line number.
 */

export const DEFAULT_THRESHOLD = 3;
export const LSOA_VINTAGES = [
  { value: "lsoa11", label: "2011 LSOAs (as the 2019 indices are)" },
  { value: "lsoa21", label: "2021 LSOAs (as the 2025 indices are)" },
] as const;
export type LsoaVintage = (typeof LSOA_VINTAGES)[number]["value"];

/** A decile at or below the threshold is a deprived area; no decile is not. */
export function isDeprivedDecile(decile: number | null, threshold: number): boolean {
  return decile !== null && decile >= 1 && decile <= threshold;
}

/**
 * A project that works across the county is not flagged by the rule (an administrator may still flag it):
 * an Innovation Fund target area that says so, or an application with no district at all.
 */
export function isCountywide(targetArea: string | null, districtCode: string | null): boolean {
  if (targetArea && /\bcounty[\s-]?wide\b|\bacross the county\b/i.test(targetArea)) return true;
  return districtCode === null;
}

export interface FlagInput {
  decile: number | null;
  threshold: number;
  countywide: boolean;
}

export function flagAtSubmission(input: FlagInput): boolean {
  return !input.countywide && isDeprivedDecile(input.decile, input.threshold);
}

export function checkThreshold(raw: string): { ok: true; value: number } | { ok: false; error: string } {
  const text = raw.trim();
  if (!text) return { ok: false, error: "Enter a decile from 1 to 10" };
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 10) return { ok: false, error: "The decile must be a whole number from 1 to 10" };
  return { ok: true, value: Number(text) };
}

export function checkEditionName(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const text = raw.trim();
  if (!text) return { ok: false, error: "Enter a name for the edition, for example IoD2025" };
  if (text.length > 40) return { ok: false, error: "The name must be 40 characters or fewer" };
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._()-]*$/.test(text)) return { ok: false, error: "The name must use only letters, numbers, spaces, dots, dashes and brackets" };
  return { ok: true, value: text };
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────────

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark, as spreadsheets write
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== "") records.push({ fields, line: start });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += c;
  }
  if (field !== "" || fields.length) {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({ fields, line: start });
  }
  return records;
}

export interface EditionRow {
  lsoaCode: string;
  decile: number;
  rank: number | null;
}

export interface CsvProblem {
  line: number | null;
  message: string;
}

export type ParsedEdition = { ok: true; rows: EditionRow[]; columns: { code: string; decile: string; rank: string | null } } | { ok: false; problems: CsvProblem[] };

export const MAX_ROWS = 100_000;
const MAX_PROBLEMS = 20;
const LSOA_CODE = /^[EW]01\d{6}$/;

function findColumn(headers: string[], test: (h: string) => boolean): number {
  return headers.findIndex((h) => test(h.trim().toLowerCase()));
}

/**
 * Reads an edition: a header row naming an LSOA code column ("LSOA code (2011)", "lsoa21_code"…) and an IMD
 * decile column ("Index of Multiple Deprivation (IMD) Decile", "imd_decile"), optionally an IMD rank column.
 * Every row must have a well-formed LSOA code, once, and a whole-number decile from 1 to 10; any problem
 * refuses the whole file.
 */
export function parseEdition(text: string): ParsedEdition {
  const records = parseCsv(text);
  if (records.length === 0) return { ok: false, problems: [{ line: null, message: "The file is empty" }] };
  const headers = records[0].fields;
  const code = findColumn(headers, (h) => h.includes("lsoa") && h.includes("code"));
  // The IMD's own decile, where a file has the domains' deciles too.
  let decile = findColumn(headers, (h) => h.includes("decile") && (h.includes("index of multiple deprivation") || h.includes("imd")));
  if (decile === -1) decile = findColumn(headers, (h) => h.includes("decile"));
  let rank = findColumn(headers, (h) => h.includes("rank") && (h.includes("index of multiple deprivation") || h.includes("imd")));
  if (rank === -1) rank = findColumn(headers, (h) => h.includes("rank"));
  const missing: CsvProblem[] = [];
  if (code === -1) missing.push({ line: 1, message: "The first row has no LSOA code column (a heading with “LSOA” and “code”)" });
  if (decile === -1) missing.push({ line: 1, message: "The first row has no decile column (a heading with “decile”)" });
  if (missing.length) return { ok: false, problems: missing };
  if (records.length === 1) return { ok: false, problems: [{ line: null, message: "The file has a heading row but no rows of data" }] };
  if (records.length - 1 > MAX_ROWS) return { ok: false, problems: [{ line: null, message: `The file has ${(records.length - 1).toLocaleString("en-GB")} rows; an edition can have at most ${MAX_ROWS.toLocaleString("en-GB")}` }] };

  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const rows: EditionRow[] = [];
  for (const r of records.slice(1)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const lsoa = (r.fields[code] ?? "").trim().toUpperCase();
    const decileText = (r.fields[decile] ?? "").trim();
    const rankText = rank === -1 ? "" : (r.fields[rank] ?? "").trim().replace(/,/g, "");
    if (!LSOA_CODE.test(lsoa)) {
      problems.push({ line: r.line, message: lsoa ? `“${lsoa.slice(0, 20)}” is not an LSOA code (like E01012345)` : "The LSOA code is missing" });
      continue;
    }
    if (seen.has(lsoa)) {
      problems.push({ line: r.line, message: `${lsoa} is also on line ${seen.get(lsoa)}` });
      continue;
    }
    seen.set(lsoa, r.line);
    if (!/^\d{1,2}$/.test(decileText) || Number(decileText) < 1 || Number(decileText) > 10) {
      problems.push({ line: r.line, message: decileText ? `The decile “${decileText.slice(0, 20)}” is not a whole number from 1 to 10` : "The decile is missing" });
      continue;
    }
    if (rankText && !/^\d{1,9}$/.test(rankText)) {
      problems.push({ line: r.line, message: `The rank “${rankText.slice(0, 20)}” is not a whole number` });
      continue;
    }
    rows.push({ lsoaCode: lsoa, decile: Number(decileText), rank: rankText ? Number(rankText) : null });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, rows, columns: { code: headers[code].trim(), decile: headers[decile].trim(), rank: rank === -1 ? null : headers[rank].trim() } };
}
