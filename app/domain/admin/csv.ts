/**
 * CSV as spreadsheets read it (RFC 4180: commas, double quotes doubled, CRLF line ends), safe to open:
 * a text cell that starts with = + - @, a tab or a carriage return could run as a formula in Excel,
 * LibreOffice or Google Sheets, so it is written with an apostrophe in front (OWASP's advice on CSV
 * injection). Numbers are written as numbers. Pure.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could be a formula, quoted if it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Spreadsheet programs read the file as UTF-8 (names such as "Łódź") when it starts with a byte-order mark. */
export const CSV_BOM = "\uFEFF";

/** Pence as pounds with two decimals ("1250.50"), which a spreadsheet reads as a number it can add up. */
export function penceForCsv(pence: number | null): string | null {
  return pence === null ? null : `${Math.trunc(pence / 100)}.${String(Math.abs(pence % 100)).padStart(2, "0")}`;
}
