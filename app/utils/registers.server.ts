/**
 * Checks a group's charity or company number against the Charity Commission register (England and Wales)
 * and Companies House, so staff see the registered name and status beside what the group told us. Both
 * need a free API key; with none configured a look-up says so and the portal works without it. Like the
 * postcode look-up, these never throw, never wait more than a few seconds, and never log: the keys travel
 * only in request headers.
 */
import { z } from "zod";
import { parseCharityNumber, parseCompanyNumber, type CharityRegister } from "~/domain/organisations/identifiers";

export type UnavailableReason = "timeout" | "unreachable" | "error" | "malformed";

export type CharityLookup =
  | { kind: "found"; name: string; status: "registered" | "removed"; registeredOn?: string }
  | { kind: "not_found" }
  | { kind: "unavailable"; reason: UnavailableReason }
  | { kind: "not_configured" };

export type CompanyLookup =
  | {
      kind: "found";
      name: string;
      /** As Companies House writes it: "active", "dissolved", "liquidation", "administration"… */
      status: string;
      /** Legal form, like "private-limited-guarant-nsc" or "ltd". */
      type?: string;
      /** "community-interest-company" for a CIC: Companies House gives a CIC's legal form as its type. */
      subtype?: string;
    }
  | { kind: "not_found" }
  | { kind: "unavailable"; reason: UnavailableReason }
  | { kind: "not_configured" };

export interface RegisterLookupOptions {
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3000;

/**
 * GetAllCharityDetailsV2, only the fields we read. reg_status is "R" (registered) or "RM" (removed);
 * date_of_registration has been seen as "2019-02-14T00:00:00".
 */
const CharityAnswer = z.object({
  charity_name: z.string().min(1),
  reg_status: z.string(),
  date_of_registration: z.string().nullish(),
});

/** Companies House company profile, only the fields we read. */
const CompanyAnswer = z.object({
  company_name: z.string().min(1),
  company_status: z.string().min(1),
  type: z.string().nullish(),
  subtype: z.string().nullish(),
});

/**
 * Only the England and Wales register has an API we can use; the Scottish and Northern Ireland registers
 * answer "not_configured". A number that does not parse is "not_found" without calling out. A linked
 * charity's suffix ("1187654-1") picks that charity; the main charity is suffix 0.
 */
export async function lookupCharity(number: string, register: CharityRegister, opts: RegisterLookupOptions = {}): Promise<CharityLookup> {
  const key = process.env.CHARITY_COMMISSION_API_KEY;
  if (register !== "ccew" || !key) return { kind: "not_configured" };
  const parsed = parseCharityNumber(number);
  if (!parsed.ok || parsed.register !== "ccew") return { kind: "not_found" };
  const [main, suffix = "0"] = parsed.value.split("-");

  const baseUrl = process.env.CHARITY_COMMISSION_BASE_URL || "https://api.charitycommission.gov.uk/register/api";
  const answer = await getJson(`${baseUrl}/allcharitydetailsV2/${main}/${suffix}`, { "Ocp-Apim-Subscription-Key": key }, opts);
  if (answer.kind === "failed") return { kind: "unavailable", reason: answer.reason };
  if (answer.status === 404) return { kind: "not_found" };
  if (answer.status !== 200) return { kind: "unavailable", reason: "error" };
  // Not confirmed against the live API: an unknown number may come back as a 200 with an empty body.
  if (answer.body === null) return { kind: "not_found" };

  const charity = CharityAnswer.safeParse(answer.body);
  if (!charity.success) return { kind: "unavailable", reason: "malformed" };
  const status = charity.data.reg_status === "R" ? "registered" : charity.data.reg_status === "RM" ? "removed" : null;
  if (!status) return { kind: "unavailable", reason: "malformed" };
  const registeredOn = /^\d{4}-\d{2}-\d{2}/.exec(charity.data.date_of_registration ?? "")?.[0];
  return { kind: "found", name: charity.data.charity_name, status, ...(registeredOn ? { registeredOn } : {}) };
}

/** A number that does not parse is "not_found" without calling out; a parsed one is sent as 8 characters. */
export async function lookupCompany(number: string, opts: RegisterLookupOptions = {}): Promise<CompanyLookup> {
  const key = process.env.COMPANIES_HOUSE_API_KEY;
  if (!key) return { kind: "not_configured" };
  const parsed = parseCompanyNumber(number);
  if (!parsed.ok) return { kind: "not_found" };

  const baseUrl = process.env.COMPANIES_HOUSE_BASE_URL || "https://api.company-information.service.gov.uk";
  // HTTP basic auth with the key as the user name and no password, as Companies House asks.
  const authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
  const answer = await getJson(`${baseUrl}/company/${parsed.value}`, { authorization }, opts);
  if (answer.kind === "failed") return { kind: "unavailable", reason: answer.reason };
  if (answer.status === 404) return { kind: "not_found" };
  if (answer.status !== 200) return { kind: "unavailable", reason: "error" };

  const company = CompanyAnswer.safeParse(answer.body);
  if (!company.success) return { kind: "unavailable", reason: "malformed" };
  const { company_name, company_status, type, subtype } = company.data;
  return { kind: "found", name: company_name, status: company_status, ...(type ? { type } : {}), ...(subtype ? { subtype } : {}) };
}

type Fetched = { kind: "answered"; status: number; body: unknown } | { kind: "failed"; reason: UnavailableReason };

/**
 * One GET with a deadline that covers reading the body too. Only a 200's body is parsed (an empty one as
 * null): anything else is judged by its status, so a gateway's HTML error page is an error, not malformed.
 */
async function getJson(url: string, headers: Record<string, string>, opts: RegisterLookupOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  try {
    // No redirects: a key sent in a header must not follow one to another host.
    response = await fetch(url, { signal, redirect: "error", headers: { accept: "application/json", ...headers } });
  } catch (error) {
    return { kind: "failed", reason: isTimeout(error, signal) ? "timeout" : "unreachable" };
  }
  if (response.status >= 500) {
    response.body?.cancel().catch(() => {}); // not awaited: a mocked body may never settle its cancel
    return { kind: "failed", reason: "error" };
  }
  try {
    const text = await response.text();
    if (response.status !== 200) return { kind: "answered", status: response.status, body: undefined };
    return { kind: "answered", status: 200, body: text.trim() === "" ? null : JSON.parse(text) };
  } catch (error) {
    if (isTimeout(error, signal)) return { kind: "failed", reason: "timeout" };
    if (error instanceof SyntaxError) return { kind: "failed", reason: "malformed" };
    return { kind: "failed", reason: "unreachable" };
  }
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"));
}
