import { describe, expect, it } from "vitest";
import { ADVICE_MAX, checkAdviceText, conversationState, lastWord, parseDistrictFilter, statusesFor } from "~/domain/coordinators/advice.rules";

describe("advice text", () => {
  it("is trimmed, with Windows line endings made plain", () => {
    expect(checkAdviceText("advice", "  Get a quote.\r\nThen apply.  ")).toEqual({ ok: true, text: "Get a quote.\nThen apply." });
  });
  it("must be given, and not too long, in the Design System's words", () => {
    expect(checkAdviceText("advice", " \n ")).toEqual({ ok: false, error: "Enter your advice" });
    expect(checkAdviceText("reply", "")).toEqual({ ok: false, error: "Enter your reply" });
    expect(checkAdviceText("reply", "x".repeat(ADVICE_MAX + 1))).toEqual({ ok: false, error: "Your reply must be 5,000 characters or fewer" });
    expect(checkAdviceText("advice", "x".repeat(ADVICE_MAX)).ok).toBe(true);
  });
});

describe("where a conversation stands", () => {
  it("no advice, advice waiting for the group, or the group's turn answered", () => {
    expect(conversationState([])).toBe("none");
    expect(conversationState(["advice"])).toBe("advised");
    expect(conversationState(["advice", "reply"])).toBe("replied");
    expect(conversationState(["advice", "reply", "advice"])).toBe("advised");
    expect(lastWord(null, null)).toBe("none");
    expect(lastWord(5, null)).toBe("advised");
    expect(lastWord(5, 7)).toBe("replied");
    expect(lastWord(8, 7)).toBe("advised");
  });
});

describe("the district view's filter", () => {
  it("keeps only a district the coordinator covers and a status filter it knows", () => {
    const covered = ["E07000010"];
    expect(parseDistrictFilter(new URLSearchParams("district=E07000010&status=draft"), covered)).toEqual({ district: "E07000010", status: "draft" });
    expect(parseDistrictFilter(new URLSearchParams("district=E07000011&status=bogus"), covered)).toEqual({ district: null, status: null });
    expect(statusesFor("draft")).toEqual(["draft"]);
    expect(statusesFor("submitted")).toContain("more_information");
  });
});
