import { describe, expect, it } from "vitest";
import { safeReturnTo, signInPath } from "~/domain/accounts/safe-redirect";

describe("where people go after signing in", () => {
  it.each([
    ["/account", "/account"],
    ["/funds/community-reach-fund?tab=rounds#open", "/funds/community-reach-fund?tab=rounds#open"],
    ["/applications/42/sections/budget", "/applications/42/sections/budget"],
  ])("keeps a path on this site: %s", (value, expected) => {
    expect(safeReturnTo(value, "/fallback")).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/account",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https:evil.example",
    "https://evil.example",
    "http://localhost:3000/account",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%2Fevil.example",
    "/%5Cevil.example",
    "/%255Cevil.example",
    "%252F%252Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/ /evil.example".replace(" ", "\u0000"),
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./\\evil.example",
    "/a/../..//evil.example",
    "evil.example",
    "account",
    "",
    "/%E0%A4%A",
  ])("refuses %j and uses the fallback", (value) => {
    expect(safeReturnTo(value, "/fallback")).toBe("/fallback");
  });

  it("judges the path a browser will go to, after dot segments collapse", () => {
    expect(safeReturnTo("/funds/../account", "/f")).toBe("/account");
    expect(safeReturnTo("/./account", "/f")).toBe("/account");
  });

  it("refuses what is not a string, and very long values", () => {
    expect(safeReturnTo(undefined, "/f")).toBe("/f");
    expect(safeReturnTo(["/account"], "/f")).toBe("/f");
    expect(safeReturnTo(`/${"a".repeat(2100)}`, "/f")).toBe("/f");
  });

  it("builds the sign-in address with the page to come back to, and never loops back to sign-in", () => {
    expect(signInPath("/account?x=1")).toBe("/sign-in?returnTo=%2Faccount%3Fx%3D1");
    expect(signInPath("/account", { signedOut: "1" })).toBe("/sign-in?signedOut=1&returnTo=%2Faccount");
    expect(signInPath("/sign-in/two-factor")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
  });
});
