import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commonPasswords, passwordProblem } from "~/domain/accounts/password-policy.server";

describe("choosing a password", () => {
  it("ships the 10,000 most common passwords, with where they come from", () => {
    expect(commonPasswords().size).toBe(10_000);
    const source = readFileSync("app/domain/accounts/common-passwords.SOURCE.md", "utf8");
    expect(source).toContain("danielmiessler/SecLists");
    expect(source).toMatch(/MIT/);
  });

  it("asks for 12 to 256 characters, counting characters, not bytes", () => {
    expect(passwordProblem("")).toBe("Enter a password");
    expect(passwordProblem("short words")).toMatch(/12 characters or more/);
    expect(passwordProblem("ünïcödé-wörd")).toBeNull(); // 12 characters, more bytes
    expect(passwordProblem("x".repeat(5) + "correct horse battery staple")).toBeNull();
    const long = Array.from({ length: 257 }, (_, i) => "abcdefghijklmnopqrstuvwxyz"[(i * 7) % 26]).join("");
    expect(passwordProblem(long.slice(0, 256))).toBeNull();
    expect(passwordProblem(long)).toMatch(/256 characters or fewer/);
  });

  it("refuses a password from the list, whatever its case", () => {
    expect(passwordProblem("unbelievable")).toMatch(/too common/);
    expect(passwordProblem("UnBelievable")).toMatch(/too common/);
    expect(passwordProblem("masturbation")).toMatch(/too common/);
  });

  it("refuses a common password padded to length the usual ways", () => {
    expect(passwordProblem("password1234")).toMatch(/too common/);
    expect(passwordProblem("Password2026!")).toMatch(/too common/);
    expect(passwordProblem("qwertyqwerty")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("121212121212")).toMatch(/too common/);
  });

  it("accepts three random words, and refuses the account's own email address", () => {
    expect(passwordProblem("marble kettle orchard")).toBeNull();
    expect(passwordProblem("alex@larder.example.org", { email: "alex@larder.example.org" })).toMatch(/email address/);
  });
});
