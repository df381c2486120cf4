// Control characters (which browsers strip from URLs) and backslashes (which they read as slashes).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to send someone after they sign in. Only a path on this site is accepted; anything that a browser
 * could read as another origin (`//evil.example`, `/\evil.example`, `https:evil.example`, `javascript:`,
 * or any of these percent-encoded or with control characters) gives the fallback.
 */
export function safeReturnTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Browsers drop tabs and newlines from URLs and treat "\" like "/": judge what the browser will see.
  if (UNSAFE.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let decoded: string;
  try {
    // Twice, for values that were encoded twice on their way through a query string.
    decoded = decodeURIComponent(decodeURIComponent(value));
  } catch {
    return fallback;
  }
  if (UNSAFE.test(decoded) || decoded.startsWith("//")) return fallback;
  const base = "https://portal.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Judge the result too: dot segments ("/.//evil.example") collapse into "//evil.example" when parsed.
  const result = `${url.pathname}${url.search}${url.hash}`;
  if (result.startsWith("//") || UNSAFE.test(result) || result.startsWith("/%2f") || result.startsWith("/%2F")) return fallback;
  return result;
}

/** The sign-in page's address, remembering the page the person was on. */
export function signInPath(returnTo: string | null | undefined, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const target = safeReturnTo(returnTo, "");
  if (target && target !== "/" && !target.startsWith("/sign-in")) params.set("returnTo", target);
  const query = params.toString();
  return query ? `/sign-in?${query}` : "/sign-in";
}
