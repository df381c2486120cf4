import { describe, expect, it } from "vitest";
import { hasRtl, visualRuns, visualString, wrapLogical } from "~templates/bidi";

const CAFE = "مقهى الجالية"; // "the community café": مقهى is typed first, so it sits on the right

describe("hasRtl", () => {
  it("finds Arabic, Urdu and Hebrew letters, and nothing in Latin, Greek or Cyrillic names", () => {
    expect(hasRtl(CAFE)).toBe(true);
    expect(hasRtl("اردو کمیونٹی گروپ")).toBe(true);
    expect(hasRtl("שלום")).toBe(true);
    expect(hasRtl("Łódź Polish Community Café, Αλέξανδρος, Ольга")).toBe(false);
  });
});

describe("visualRuns", () => {
  it("leaves left-to-right text as one run", () => {
    expect(visualRuns("Łódź Polish Community Café")).toEqual([{ text: "Łódź Polish Community Café", rtl: false }]);
  });

  it("hands a right-to-left line over whole, in typed order, for the font engine to shape and reverse", () => {
    expect(visualRuns(CAFE)).toEqual([{ text: CAFE, rtl: true }]);
  });

  it("puts an Arabic name inside an English sentence in its place, its words reading right to left", () => {
    const runs = visualRuns(`Group ${CAFE} meets`);
    expect(runs).toEqual([
      { text: "Group ", rtl: false },
      { text: CAFE, rtl: true },
      { text: " meets", rtl: false },
    ]);
    expect(visualString(`Group ${CAFE} meets`)).toBe(`Group ${[...CAFE].reverse().join("")} meets`);
  });

  it("keeps numbers left to right inside right-to-left text, and mirrors brackets", () => {
    const line = `${CAFE} (2024)`;
    const runs = visualRuns(line);
    // On the page, left to right: the bracketed year, then the name. The closing bracket belongs to the
    // right-to-left run (mirrored); the opening one, alone between the year and the line's end, is placed here.
    expect(runs).toEqual([
      { text: "(", rtl: false },
      { text: "2024", rtl: false },
      { text: `${CAFE} )`, rtl: true },
    ]);
    expect(visualString(line)).toBe(`(2024) ${[...CAFE].reverse().join("")}`);
  });

  it("an empty line has no runs", () => {
    expect(visualRuns("")).toEqual([]);
  });
});

describe("wrapLogical", () => {
  const measure = (t: string) => t.length; // one unit a character

  it("breaks at spaces, in typed order, before any reordering", () => {
    expect(wrapLogical("one two three four", 9, measure)).toEqual(["one two", "three", "four"]);
  });

  it("cuts a word longer than a line", () => {
    expect(wrapLogical("abcdefghij", 4, measure)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("an empty paragraph is one empty line", () => {
    expect(wrapLogical("", 10, measure)).toEqual([""]);
  });
});
