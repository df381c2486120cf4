import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { handlers } from "../mocks";
import { POSTCODES_BASE_URL } from "../mocks/postcodes";
import { CHARITY_COMMISSION_BASE_URL, COMPANIES_HOUSE_BASE_URL } from "../mocks/registers";
import { lookupPostcode, normalisePostcode } from "~/utils/postcodes.server";
import { lookupCharity, lookupCompany } from "~/utils/registers.server";

const server = setupServer(...handlers);
let requests: Request[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  requests = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request);
  });
});
afterEach(() => {
  server.events.removeAllListeners();
  server.resetHandlers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const CHARITY_URL = `${CHARITY_COMMISSION_BASE_URL}/allcharitydetailsV2/:number/:suffix`;
const COMPANY_URL = `${COMPANIES_HOUSE_BASE_URL}/company/:number`;
const POSTCODE_URL = `${POSTCODES_BASE_URL}/postcodes/:postcode`;

/** Every way an outside service can let us down, as a handler for `url`. */
const failures = (url: string) => ({
  "a server error": http.get(url, () => new HttpResponse("Service unavailable", { status: 503 })),
  "a network error": http.get(url, () => HttpResponse.error()),
  "an answer that is not JSON": http.get(url, () => new HttpResponse("<html>Down for maintenance</html>", { headers: { "content-type": "text/html" } })),
  "a slow answer": http.get(url, async () => {
    await delay(1000);
    return HttpResponse.json({});
  }),
});

const expectedReason = {
  "a server error": "error",
  "a network error": "unreachable",
  "an answer that is not JSON": "malformed",
  "a slow answer": "timeout",
} as const;

describe("postcode look-ups", () => {
  it("tidies a postcode the way Royal Mail writes it", () => {
    expect(normalisePostcode("pe131jr")).toBe("PE13 1JR");
    expect(normalisePostcode("  cb1   2ad ")).toBe("CB1 2AD");
    expect(normalisePostcode("EC1A1BB")).toBe("EC1A 1BB");
    expect(normalisePostcode("W1A 0AX")).toBe("W1A 0AX");
    expect(normalisePostcode("M1 1AE")).toBe("M1 1AE");
    expect(normalisePostcode("gir0aa")).toBe("GIR 0AA");
  });

  it.each(["", "PE13", "PE13 1J", "1PE 13JR", "PE13 1JRX", "not a postcode", "PE13-1JR"])("does not recognise %j as a postcode", (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });

  it("places a group in its district, ward and LSOA", async () => {
    await expect(lookupPostcode("pe13 1jr")).resolves.toEqual({
      kind: "found",
      postcode: "PE13 1JR",
      districtCode: "E07000010",
      districtName: "Fenland",
      wardCode: "E05011327",
      wardName: "Medworth",
      lsoaCode: "E01018094",
      lsoa21Code: null,
      country: "England",
    });
  });

  it("uses the base address it is given", async () => {
    server.use(
      http.get("https://postcodes.test/postcodes/:postcode", ({ params }) =>
        HttpResponse.json({
          status: 200,
          result: {
            postcode: decodeURIComponent(String(params.postcode)),
            country: "Scotland",
            admin_district: "City of Edinburgh",
            admin_ward: "City Centre",
            codes: { admin_district: "S12000036", admin_ward: "S13002928" },
          },
        }),
      ),
    );
    const result = await lookupPostcode("EH1 1YZ", { baseUrl: "https://postcodes.test" });
    expect(result).toMatchObject({ kind: "found", postcode: "EH1 1YZ", districtCode: "S12000036", lsoaCode: null });
    expect(new URL(requests[0].url).pathname).toBe("/postcodes/EH1%201YZ");
  });

  it("says so when a well-formed postcode does not exist", async () => {
    await expect(lookupPostcode("ZZ99 9ZZ")).resolves.toEqual({ kind: "not_found" });
  });

  it("does not call out for something that is not a postcode", async () => {
    await expect(lookupPostcode("not a postcode")).resolves.toEqual({ kind: "invalid" });
    await expect(lookupPostcode("")).resolves.toEqual({ kind: "invalid" });
    expect(requests).toHaveLength(0);
  });

  for (const [what, handler] of Object.entries(failures(POSTCODE_URL))) {
    it(`carries on without the postcode after ${what}`, async () => {
      server.use(handler);
      await expect(lookupPostcode("PE13 1JR", { timeoutMs: 200 })).resolves.toEqual({
        kind: "unavailable",
        reason: expectedReason[what as keyof typeof expectedReason],
      });
    });
  }

  it("gives up on a slow answer at the deadline, not when it arrives", async () => {
    server.use(failures(POSTCODE_URL)["a slow answer"]);
    const started = Date.now();
    await lookupPostcode("PE13 1JR", { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("treats an answer without a district as malformed", async () => {
    server.use(
      http.get(POSTCODE_URL, () =>
        HttpResponse.json({ status: 200, result: { postcode: "PE13 1JR", country: "England", admin_district: "Fenland", admin_ward: "Medworth", codes: { admin_ward: "E05011327" } } }),
      ),
    );
    await expect(lookupPostcode("PE13 1JR")).resolves.toEqual({ kind: "unavailable", reason: "malformed" });
  });

  it("treats a rate limit as the service being unavailable", async () => {
    server.use(http.get(POSTCODE_URL, () => HttpResponse.json({ status: 429, error: "Too many requests" }, { status: 429 })));
    await expect(lookupPostcode("PE13 1JR")).resolves.toEqual({ kind: "unavailable", reason: "error" });
  });
});

describe("Charity Commission look-ups", () => {
  beforeEach(() => {
    vi.stubEnv("CHARITY_COMMISSION_API_KEY", "test-charity-key");
  });

  it("finds a demo charity on the register", async () => {
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({
      kind: "found",
      name: "WISBECH RIVERSIDE COMMUNITY LARDER",
      status: "registered",
      registeredOn: "2020-01-21",
    });
    expect(requests[0].headers.get("Ocp-Apim-Subscription-Key")).toBe("test-charity-key");
    expect(new URL(requests[0].url).pathname).toMatch(/\/allcharitydetailsV2\/1187654\/0$/);
  });

  it("looks up a linked charity by its suffix", async () => {
    await expect(lookupCharity("1093210-1", "ccew")).resolves.toMatchObject({ kind: "found", name: "SOHAM YOUNG CARERS' CLUB HOLIDAY FUND" });
    expect(new URL(requests[0].url).pathname).toMatch(/\/1093210\/1$/);
  });

  it("shows a charity that has been removed from the register", async () => {
    await expect(lookupCharity("1012345", "ccew")).resolves.toMatchObject({ kind: "found", status: "removed", name: "MARCH TOWN YOUTH PROJECT" });
  });

  it("says so when no charity has the number", async () => {
    await expect(lookupCharity("1000001", "ccew")).resolves.toEqual({ kind: "not_found" });
  });

  it("treats an empty answer as no such charity", async () => {
    server.use(http.get(CHARITY_URL, () => new HttpResponse(null, { status: 200 })));
    await expect(lookupCharity("1000001", "ccew")).resolves.toEqual({ kind: "not_found" });
  });

  it("does not call out for a number that is not a charity number", async () => {
    await expect(lookupCharity("12345", "ccew")).resolves.toEqual({ kind: "not_found" });
    expect(requests).toHaveLength(0);
  });

  it("does nothing without an API key", async () => {
    vi.stubEnv("CHARITY_COMMISSION_API_KEY", undefined);
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({ kind: "not_configured" });
    vi.stubEnv("CHARITY_COMMISSION_API_KEY", "");
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({ kind: "not_configured" });
    expect(requests).toHaveLength(0);
  });

  it("has no register to ask about Scottish and Northern Ireland charities", async () => {
    await expect(lookupCharity("SC012345", "oscr")).resolves.toEqual({ kind: "not_configured" });
    await expect(lookupCharity("NIC100002", "ccni")).resolves.toEqual({ kind: "not_configured" });
    expect(requests).toHaveLength(0);
  });

  it("reports the outage number in the mocks as unavailable", async () => {
    await expect(lookupCharity("9999999", "ccew")).resolves.toEqual({ kind: "unavailable", reason: "error" });
  });

  it("treats a rejected key as the register being unavailable", async () => {
    server.use(http.get(CHARITY_URL, () => HttpResponse.json({ statusCode: 401, message: "Access denied due to invalid subscription key." }, { status: 401 })));
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({ kind: "unavailable", reason: "error" });
  });

  for (const [what, handler] of Object.entries(failures(CHARITY_URL))) {
    it(`carries on without the register after ${what}`, async () => {
      server.use(handler);
      await expect(lookupCharity("1187654", "ccew", { timeoutMs: 200 })).resolves.toEqual({
        kind: "unavailable",
        reason: expectedReason[what as keyof typeof expectedReason],
      });
    });
  }

  it("treats an answer without a name or with an unknown status as malformed", async () => {
    server.use(http.get(CHARITY_URL, () => HttpResponse.json({ reg_status: "R" })));
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({ kind: "unavailable", reason: "malformed" });
    server.use(http.get(CHARITY_URL, () => HttpResponse.json({ charity_name: "X", reg_status: "Z" })));
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({ kind: "unavailable", reason: "malformed" });
  });

  it("leaves out a registration date it cannot read", async () => {
    server.use(http.get(CHARITY_URL, () => HttpResponse.json({ charity_name: "X", reg_status: "R", date_of_registration: null })));
    await expect(lookupCharity("1187654", "ccew")).resolves.toEqual({ kind: "found", name: "X", status: "registered" });
  });
});

describe("Companies House look-ups", () => {
  beforeEach(() => {
    vi.stubEnv("COMPANIES_HOUSE_API_KEY", "test-company-key");
  });

  it("finds the demo CIC, by a number typed without its leading zero", async () => {
    await expect(lookupCompany("9876543")).resolves.toEqual({
      kind: "found",
      name: "ŁÓDŹ POLISH COMMUNITY CAFÉ CIC",
      status: "active",
      type: "private-limited-guarant-nsc",
      subtype: "community-interest-company",
    });
    expect(new URL(requests[0].url).pathname).toBe("/company/09876543");
    expect(requests[0].headers.get("authorization")).toBe(`Basic ${Buffer.from("test-company-key:").toString("base64")}`);
  });

  it("shows a dissolved company as dissolved", async () => {
    await expect(lookupCompany("08123456")).resolves.toMatchObject({ kind: "found", status: "dissolved" });
  });

  it("finds a Scottish company", async () => {
    await expect(lookupCompany("sc123456")).resolves.toMatchObject({ kind: "found", name: "BORDERS BIKE RECYCLING CIC", type: "ltd" });
  });

  it("says so when no company has the number", async () => {
    await expect(lookupCompany("01234567")).resolves.toEqual({ kind: "not_found" });
  });

  it("does not call out for a number that is not a company number", async () => {
    await expect(lookupCompany("123456789")).resolves.toEqual({ kind: "not_found" });
    expect(requests).toHaveLength(0);
  });

  it("does nothing without an API key", async () => {
    vi.stubEnv("COMPANIES_HOUSE_API_KEY", undefined);
    await expect(lookupCompany("09876543")).resolves.toEqual({ kind: "not_configured" });
    expect(requests).toHaveLength(0);
  });

  it("reports the outage number in the mocks as unavailable", async () => {
    await expect(lookupCompany("99999999")).resolves.toEqual({ kind: "unavailable", reason: "error" });
  });

  for (const [what, handler] of Object.entries(failures(COMPANY_URL))) {
    it(`carries on without Companies House after ${what}`, async () => {
      server.use(handler);
      await expect(lookupCompany("09876543", { timeoutMs: 200 })).resolves.toEqual({
        kind: "unavailable",
        reason: expectedReason[what as keyof typeof expectedReason],
      });
    });
  }

  it("treats an answer without a status as malformed", async () => {
    server.use(http.get(COMPANY_URL, () => HttpResponse.json({ company_name: "X" })));
    await expect(lookupCompany("09876543")).resolves.toEqual({ kind: "unavailable", reason: "malformed" });
  });
});

describe("the register mocks", () => {
  it("turn away a request without a key, as the real services do", async () => {
    const charity = await fetch(`${CHARITY_COMMISSION_BASE_URL}/allcharitydetailsV2/1187654/0`);
    expect(charity.status).toBe(401);
    const company = await fetch(`${COMPANIES_HOUSE_BASE_URL}/company/09876543`);
    expect(company.status).toBe(401);
    const emptyUser = await fetch(`${COMPANIES_HOUSE_BASE_URL}/company/09876543`, { headers: { authorization: `Basic ${Buffer.from(":").toString("base64")}` } });
    expect(emptyUser.status).toBe(401);
  });
});

describe("API keys", () => {
  it("never reach the logs, whatever happens", async () => {
    vi.stubEnv("CHARITY_COMMISSION_API_KEY", "secret-charity-key");
    vi.stubEnv("COMPANIES_HOUSE_API_KEY", "secret-company-key");
    const logged: unknown[][] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
    await lookupCharity("1187654", "ccew");
    await lookupCharity("9999999", "ccew");
    await lookupCompany("09876543");
    await lookupCompany("99999999");
    server.use(http.get(CHARITY_URL, () => HttpResponse.error()), http.get(COMPANY_URL, () => HttpResponse.error()));
    await lookupCharity("1187654", "ccew");
    await lookupCompany("09876543");
    const text = JSON.stringify(logged);
    expect(text).not.toContain("secret-charity-key");
    expect(text).not.toContain("secret-company-key");
    expect(text).not.toContain(Buffer.from("secret-company-key:").toString("base64"));
  });
});
