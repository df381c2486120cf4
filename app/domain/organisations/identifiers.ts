/**
 * Kinds of organisation, their register numbers and the identifiers published with grants data. Pure: the
 * forms, the register look-ups and the 360Giving export all share these rules, so they cannot drift apart.
 */

export const ORG_TYPES = [
  { value: "charity", label: "Registered charity" },
  { value: "cio", label: "Charitable incorporated organisation (CIO)" },
  { value: "cic", label: "Community interest company (CIC)" },
  { value: "company", label: "Company limited by guarantee" },
  { value: "unincorporated", label: "Unincorporated community group" },
  { value: "parish_council", label: "Parish or town council" },
  { value: "faith_group", label: "Faith group" },
  { value: "school", label: "School" },
  { value: "other", label: "Other" },
] as const;

export type OrgType = (typeof ORG_TYPES)[number]["value"];

export function isOrgType(value: unknown): value is OrgType {
  return ORG_TYPES.some((t) => t.value === value);
}

export function orgTypeLabel(type: OrgType): string {
  return ORG_TYPES.find((t) => t.value === type)!.label;
}

/** Types we ask for a charity number. A CIO is a charity with no company behind it. */
export function needsCharityNumber(type: OrgType): boolean {
  return type === "charity" || type === "cio";
}

/** Types we ask for a company number. Not a CIO: it is registered with the Charity Commission only. */
export function needsCompanyNumber(type: OrgType): boolean {
  return type === "cic" || type === "company";
}

/** ccew: England and Wales; oscr: Scotland; ccni: Northern Ireland. */
export type CharityRegister = "ccew" | "oscr" | "ccni";

export type CharityNumberResult =
  | { ok: true; value: string; register: CharityRegister }
  | { ok: false; message: string };

export type CompanyNumberResult = { ok: true; value: string } | { ok: false; message: string };

const CHARITY_FORMAT = "Enter a charity number in the correct format, like 1187654 or SC012345";
const COMPANY_FORMAT = "Enter a company number in the correct format, like 01234567 or SC123456";

/** People paste numbers with spaces ("1187 654", "SC 012345") and in lower case. */
const compact = (input: string) => input.replace(/\s+/g, "").toUpperCase();

/**
 * A charity number as one of the three UK registers writes it.
 *
 * England and Wales numbers are 6 or 7 digits. A linked (subsidiary) charity shares its parent's number and
 * adds a suffix, "1187654-1": the suffix is kept in `value`, because it is how the Commission tells that
 * charity apart and how its register look-up is addressed, and `orgIdentifier` drops it, because 360Giving
 * identifies a linked charity by the main number. "-0" means the main charity, so it is dropped here.
 */
export function parseCharityNumber(input: string): CharityNumberResult {
  const value = compact(input);
  if (value === "") return { ok: false, message: "Enter a charity number" };

  const ew = /^(\d{6,7})(?:-(\d{1,3}))?$/.exec(value);
  if (ew) {
    const suffix = ew[2] === undefined ? 0 : Number(ew[2]);
    return { ok: true, value: suffix === 0 ? ew[1] : `${ew[1]}-${suffix}`, register: "ccew" };
  }
  if (/^SC\d{6}$/.test(value)) return { ok: true, value, register: "oscr" };
  if (/^NIC\d{6}$/.test(value)) return { ok: true, value, register: "ccni" };
  return { ok: false, message: CHARITY_FORMAT };
}

/**
 * Prefixes Companies House puts before the 6 digits: SC Scotland, NI and R0 Northern Ireland, OC/SO/NC
 * limited liability partnerships, LP/SL/NL limited partnerships, CE/CS CIOs it registers, IP/SP and RS/SR
 * societies, FC overseas companies, RC royal charters, and other rarer ones. An unknown prefix is refused.
 */
const COMPANY_PREFIXES = new Set([
  "AC", "CE", "CS", "ES", "FC", "FE", "GE", "GN", "GS", "IC", "IP", "LP", "NA", "NC", "NF", "NI", "NL", "NO",
  "NP", "NR", "NV", "NZ", "OC", "OE", "PC", "R0", "RC", "RS", "SA", "SC", "SE", "SF", "SG", "SI", "SL", "SO",
  "SP", "SR", "SZ", "ZC",
]);

/**
 * A company number as Companies House writes it: always 8 characters. People often leave off the leading
 * zeros ("1234567" for 01234567), so digits are padded back; a prefixed number keeps its two characters and
 * pads the digits to 6.
 */
export function parseCompanyNumber(input: string): CompanyNumberResult {
  const value = compact(input);
  if (value === "") return { ok: false, message: "Enter a company number" };

  if (/^\d{1,8}$/.test(value) && /[1-9]/.test(value)) return { ok: true, value: value.padStart(8, "0") };
  const prefixed = /^([A-Z][A-Z0-9])(\d{1,6})$/.exec(value);
  if (prefixed && COMPANY_PREFIXES.has(prefixed[1]) && /[1-9]/.test(prefixed[2])) {
    return { ok: true, value: prefixed[1] + prefixed[2].padStart(6, "0") };
  }
  return { ok: false, message: COMPANY_FORMAT };
}

export interface OrgIdentifierInput {
  charityNumber?: string | null;
  /** Worked out from the number when not given. */
  charityRegister?: CharityRegister | null;
  companyNumber?: string | null;
  /** The portal's own id for the organisation, used when it has no register number. */
  id: string | number;
  /** The funder's 360Giving prefix, like "cambscc". */
  prefix: string;
}

/**
 * The organisation identifier 360Giving publishes with each grant (org-id.guide lists). A charitable company
 * is identified by its charity number, as 360Giving recommends, so a charity number wins over a company
 * number. A number that does not parse is ignored rather than published wrongly.
 */
export function orgIdentifier({ charityNumber, charityRegister, companyNumber, id, prefix }: OrgIdentifierInput): string {
  if (charityNumber) {
    const charity = parseCharityNumber(charityNumber);
    if (charity.ok) {
      const register = charityRegister ?? charity.register;
      if (register === "ccew" && charity.register === "ccew") return `GB-CHC-${charity.value.replace(/-\d+$/, "")}`;
      if (register === "oscr" && charity.register === "oscr") return `GB-SC-${charity.value}`;
      if (register === "ccni" && charity.register === "ccni") return `GB-NIC-${charity.value.slice(3)}`;
    }
  }
  if (companyNumber) {
    const company = parseCompanyNumber(companyNumber);
    if (company.ok) return `GB-COH-${company.value}`;
  }
  return `360G-${prefix}-${id}`;
}
