/**
 * Postcode look-ups against postcodes.io, to place a group in a district, ward and LSOA. The service is
 * free and usually quick but outside our control, so a look-up never throws and never waits long: callers
 * get a result they can show ("we could not check your postcode just now") and carry on.
 */
import { normalisePostcode } from "~/domain/shared/postcode";
import { z } from "zod";

export type PostcodeResult =
  | {
      kind: "found";
      postcode: string;
      districtCode: string;
      districtName: string;
      wardCode: string;
      wardName: string;
      /** 2011 LSOA, which deprivation data is published by; null where postcodes.io has none. */
      lsoaCode: string | null;
      /** 2021 LSOA, which later deprivation editions (the 2025 indices) are published by. */
      lsoa21Code: string | null;
      country: string;
    }
  | { kind: "not_found" }
  | { kind: "invalid" }
  | { kind: "unavailable"; reason: "timeout" | "unreachable" | "error" | "malformed" };

export interface LookupOptions {
  baseUrl?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3000;

export { normalisePostcode };


/** Only the fields the portal reads; anything else postcodes.io sends is ignored. */
const Answer = z.object({
  result: z.object({
    postcode: z.string(),
    country: z.string(),
    admin_district: z.string(),
    admin_ward: z.string(),
    codes: z.object({
      admin_district: z.string(),
      admin_ward: z.string(),
      lsoa11: z.string().nullish(),
      lsoa21: z.string().nullish(),
      lsoa: z.string().nullish(),
    }),
  }),
});

export async function lookupPostcode(input: string, opts: LookupOptions = {}): Promise<PostcodeResult> {
  const postcode = normalisePostcode(input);
  if (!postcode) return { kind: "invalid" };

  const baseUrl = opts.baseUrl || process.env.POSTCODES_BASE_URL || "https://api.postcodes.io";
  const answer = await getJson(`${baseUrl}/postcodes/${encodeURIComponent(postcode)}`, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (answer.kind === "failed") return { kind: "unavailable", reason: answer.reason };
  if (answer.status === 404) return { kind: "not_found" };
  if (answer.status !== 200) return { kind: "unavailable", reason: "error" };

  const parsed = Answer.safeParse(answer.body);
  if (!parsed.success) return { kind: "unavailable", reason: "malformed" };
  const r = parsed.data.result;
  return {
    kind: "found",
    postcode: r.postcode,
    districtCode: r.codes.admin_district,
    districtName: r.admin_district,
    wardCode: r.codes.admin_ward,
    wardName: r.admin_ward,
    lsoaCode: r.codes.lsoa11 ?? null,
    lsoa21Code: r.codes.lsoa21 ?? r.codes.lsoa ?? null,
    country: r.country,
  };
}

type Fetched =
  | { kind: "answered"; status: number; body: unknown }
  | { kind: "failed"; reason: "timeout" | "unreachable" | "error" | "malformed" };

/**
 * One GET with a deadline that covers reading the body too. Only a 200's body is parsed: anything else is
 * judged by its status, so a proxy's HTML error page is an error, not a malformed answer.
 */
async function getJson(url: string, timeoutMs: number): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "error", headers: { accept: "application/json" } });
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
    return { kind: "answered", status: response.status, body: JSON.parse(text) };
  } catch (error) {
    if (isTimeout(error, signal)) return { kind: "failed", reason: "timeout" };
    if (error instanceof SyntaxError) return { kind: "failed", reason: "malformed" };
    return { kind: "failed", reason: "unreachable" };
  }
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"));
}
