import { describe, expect, it } from "vitest";
import {
  ORG_TYPES,
  isOrgType,
  needsCharityNumber,
  needsCompanyNumber,
  orgIdentifier,
  orgTypeLabel,
  parseCharityNumber,
  parseCompanyNumber,
} from "~/domain/organisations/identifiers";

const CHARITY_FORMAT = "Enter a charity number in the correct format, like 1187654 or SC012345";
const COMPANY_FORMAT = "Enter a company number in the correct format, like 01234567 or SC123456";

describe("kinds of organisation", () => {
  it("offers every kind once, each with a label", () => {
    const values = ORG_TYPES.map((t) => t.value);
    expect(values).toEqual(["charity", "cio", "cic", "company", "unincorporated", "parish_council", "faith_group", "school", "other"]);
    expect(new Set(values).size).toBe(values.length);
    expect(orgTypeLabel("parish_council")).toBe("Parish or town council");
  });

  it("recognises only the kinds it offers", () => {
    expect(isOrgType("cio")).toBe(true);
    expect(isOrgType("limited")).toBe(false);
    expect(isOrgType(undefined)).toBe(false);
  });

  it("asks charities and CIOs for a charity number", () => {
    expect(ORG_TYPES.filter((t) => needsCharityNumber(t.value)).map((t) => t.value)).toEqual(["charity", "cio"]);
  });

  it("asks CICs and companies for a company number, but not CIOs", () => {
    expect(ORG_TYPES.filter((t) => needsCompanyNumber(t.value)).map((t) => t.value)).toEqual(["cic", "company"]);
    expect(needsCompanyNumber("cio")).toBe(false);
  });
});

describe("charity numbers", () => {
  it.each([
    ["1187654", "1187654"],
    ["200123", "200123"],
    [" 1187 654 ", "1187654"],
  ])("accepts an England and Wales number: %j", (input, value) => {
    expect(parseCharityNumber(input)).toEqual({ ok: true, value, register: "ccew" });
  });

  it("keeps a linked charity's suffix, and drops a '-0' that means the main charity", () => {
    expect(parseCharityNumber("1187654-1")).toEqual({ ok: true, value: "1187654-1", register: "ccew" });
    expect(parseCharityNumber("1187654 - 12")).toEqual({ ok: true, value: "1187654-12", register: "ccew" });
    expect(parseCharityNumber("1187654-0")).toEqual({ ok: true, value: "1187654", register: "ccew" });
  });

  it("accepts a Scottish number, in any case and spacing", () => {
    expect(parseCharityNumber("SC012345")).toEqual({ ok: true, value: "SC012345", register: "oscr" });
    expect(parseCharityNumber("sc 012345")).toEqual({ ok: true, value: "SC012345", register: "oscr" });
  });

  it("accepts a Northern Ireland number", () => {
    expect(parseCharityNumber("NIC100002")).toEqual({ ok: true, value: "NIC100002", register: "ccni" });
    expect(parseCharityNumber("nic 100002")).toEqual({ ok: true, value: "NIC100002", register: "ccni" });
  });

  it("asks for a number when none is given", () => {
    expect(parseCharityNumber("")).toEqual({ ok: false, message: "Enter a charity number" });
    expect(parseCharityNumber("   ")).toEqual({ ok: false, message: "Enter a charity number" });
  });

  it.each([
    ["letters in an England and Wales number", "11876A4"],
    ["5 digits", "18765"],
    ["8 digits", "11876543"],
    ["9 digits", "118765432"],
    ["a Scottish number one digit short", "SC12345"],
    ["a Scottish number one digit long", "SC0123456"],
    ["a Northern Ireland number without its prefix letters", "NI100002"],
    ["a Northern Ireland number one digit short", "NIC10000"],
    ["an empty suffix", "1187654-"],
    ["a company number", "SC123456X"],
  ])("explains the format for %s", (_, input) => {
    expect(parseCharityNumber(input)).toEqual({ ok: false, message: CHARITY_FORMAT });
  });
});

describe("company numbers", () => {
  it("puts back leading zeros people leave off", () => {
    expect(parseCompanyNumber("1234567")).toEqual({ ok: true, value: "01234567" });
    expect(parseCompanyNumber("01234567")).toEqual({ ok: true, value: "01234567" });
    expect(parseCompanyNumber("9876543")).toEqual({ ok: true, value: "09876543" });
    expect(parseCompanyNumber("6")).toEqual({ ok: true, value: "00000006" });
    expect(parseCompanyNumber("12345678")).toEqual({ ok: true, value: "12345678" });
  });

  it("accepts prefixed numbers, padding the digits to 6", () => {
    expect(parseCompanyNumber("SC123456")).toEqual({ ok: true, value: "SC123456" });
    expect(parseCompanyNumber("sc 12345")).toEqual({ ok: true, value: "SC012345" });
    expect(parseCompanyNumber("NI 1")).toEqual({ ok: true, value: "NI000001" });
    expect(parseCompanyNumber("OC301234")).toEqual({ ok: true, value: "OC301234" });
    expect(parseCompanyNumber("R0000123")).toEqual({ ok: true, value: "R0000123" });
    expect(parseCompanyNumber("ce12345")).toEqual({ ok: true, value: "CE012345" });
  });

  it("asks for a number when none is given", () => {
    expect(parseCompanyNumber(" ")).toEqual({ ok: false, message: "Enter a company number" });
  });

  it.each([
    ["9 digits", "123456789"],
    ["all zeros", "00000000"],
    ["an unknown prefix", "XX123456"],
    ["a prefix with 7 digits", "SC1234567"],
    ["a prefix with no digits", "SC"],
    ["letters after the digits", "1234567A"],
    ["a Scottish charity number", "SC 0123456"],
    ["punctuation", "0123-4567"],
  ])("explains the format for %s", (_, input) => {
    expect(parseCompanyNumber(input)).toEqual({ ok: false, message: COMPANY_FORMAT });
  });
});

describe("360Giving organisation identifiers", () => {
  const base = { id: 42, prefix: "cambscc" };

  it("identifies an England and Wales charity by its main number", () => {
    expect(orgIdentifier({ ...base, charityNumber: "1187654", charityRegister: "ccew" })).toBe("GB-CHC-1187654");
    expect(orgIdentifier({ ...base, charityNumber: "1187654-1", charityRegister: "ccew" })).toBe("GB-CHC-1187654");
  });

  it("identifies Scottish and Northern Ireland charities by their own registers", () => {
    expect(orgIdentifier({ ...base, charityNumber: "SC012345", charityRegister: "oscr" })).toBe("GB-SC-SC012345");
    expect(orgIdentifier({ ...base, charityNumber: "NIC100002", charityRegister: "ccni" })).toBe("GB-NIC-100002");
  });

  it("works out the register from the number when it is not given", () => {
    expect(orgIdentifier({ ...base, charityNumber: "sc012345" })).toBe("GB-SC-SC012345");
    expect(orgIdentifier({ ...base, charityNumber: "200123" })).toBe("GB-CHC-200123");
  });

  it("identifies a charitable company by its charity number, not its company number", () => {
    expect(orgIdentifier({ ...base, charityNumber: "1187654", charityRegister: "ccew", companyNumber: "09876543" })).toBe("GB-CHC-1187654");
  });

  it("identifies a company by its 8-character number", () => {
    expect(orgIdentifier({ ...base, companyNumber: "9876543" })).toBe("GB-COH-09876543");
    expect(orgIdentifier({ ...base, charityNumber: null, companyNumber: "SC123456" })).toBe("GB-COH-SC123456");
  });

  it("falls back to the funder's own identifier for a group with no register number", () => {
    expect(orgIdentifier(base)).toBe("360G-cambscc-42");
    expect(orgIdentifier({ ...base, id: "org-7", charityNumber: "", companyNumber: "" })).toBe("360G-cambscc-org-7");
  });

  it("never publishes a number that does not parse, or that belongs to another register", () => {
    expect(orgIdentifier({ ...base, charityNumber: "12345", companyNumber: "01234567" })).toBe("GB-COH-01234567");
    expect(orgIdentifier({ ...base, charityNumber: "1187654", charityRegister: "oscr" })).toBe("360G-cambscc-42");
    expect(orgIdentifier({ ...base, companyNumber: "not a number" })).toBe("360G-cambscc-42");
  });
});
