import { describe, expect, it } from "vitest";
import { checkWordLimit, countWords, parseDate, parseMoney, parseWholeNumber } from "~/domain/forms/values";

const LABEL = "the amount you are asking for";

describe("money", () => {
  it.each([
    ["£1,000.00", 100_000],
    ["1,000", 100_000],
    ["1000", 100_000],
    ["  £ 250.5 ", 25_050],
    ["0.01", 1],
    ["£999.99", 99_999],
    ["1,234,567", 123_456_700],
  ])("reads %j as %i pence", (input, pence) => {
    expect(parseMoney(input, LABEL)).toEqual({ ok: true, value: pence });
  });

  it.each([
    ["", "Enter the amount you are asking for"],
    ["1e309", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["-5", "The amount you are asking for must be more than £0"],
    ["0", "The amount you are asking for must be more than £0"],
    ["0.00", "The amount you are asking for must be more than £0"],
    ["1000.005", "The amount you are asking for must be in pounds and pence, like £1,000 or £1,000.50"],
    ["NaN", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["a thousand pounds", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["1,00", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["10,00,000", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["Infinity", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["0x10", "The amount you are asking for must be an amount of money, like £1,000 or £1,000.50"],
    ["99999999999999999999", "The amount you are asking for is too large"],
  ])("refuses %j: %s", (input, message) => {
    expect(parseMoney(input, LABEL)).toEqual({ ok: false, message });
  });

  it("holds the Reach Fund cap at £1,000 exactly", () => {
    expect(parseMoney("1000", LABEL, { maxPence: 100_000 })).toEqual({ ok: true, value: 100_000 });
    expect(parseMoney("1000.01", LABEL, { maxPence: 100_000 })).toEqual({ ok: false, message: "The amount you are asking for must be £1,000 or less" });
    expect(parseMoney("99.99", LABEL, { minPence: 10_000 })).toEqual({ ok: false, message: "The amount you are asking for must be £100 or more" });
  });
});

describe("whole numbers", () => {
  it("reads plain and grouped numbers", () => {
    expect(parseWholeNumber("25", "how many people")).toEqual({ ok: true, value: 25 });
    expect(parseWholeNumber("1,200", "how many people")).toEqual({ ok: true, value: 1200 });
  });
  it.each(["2.5", "-3", "1e3", "twelve", "12 people", "0x1F"])("refuses %j", (input) => {
    expect(parseWholeNumber(input, "how many people")).toEqual({ ok: false, message: "How many people must be a whole number, like 25" });
  });
  it("keeps to the bounds it is given", () => {
    expect(parseWholeNumber("0", "how many people", { min: 1 })).toEqual({ ok: false, message: "How many people must be 1 or more" });
    expect(parseWholeNumber("", "how many people")).toEqual({ ok: false, message: "Enter how many people" });
  });
});

describe("dates", () => {
  const d = (day: string, month: string, year: string) => parseDate({ day, month, year }, "the start date");
  it("reads real dates, with months as numbers or names", () => {
    expect(d("1", "4", "2027")).toEqual({ ok: true, value: "2027-04-01" });
    expect(d("29", "2", "2028")).toEqual({ ok: true, value: "2028-02-29" });
    expect(d("03", "Feb", "2027")).toEqual({ ok: true, value: "2027-02-03" });
    expect(d("3", "february", "2027")).toEqual({ ok: true, value: "2027-02-03" });
  });
  it("refuses dates that do not exist, and says which part is missing", () => {
    expect(d("31", "2", "2027")).toEqual({ ok: false, message: "The start date must be a real date", field: "day" });
    expect(d("29", "2", "2027")).toEqual({ ok: false, message: "The start date must be a real date", field: "day" });
    expect(d("1", "13", "2027")).toEqual({ ok: false, message: "The start date must be a real date", field: "month" });
    expect(d("0", "1", "2027")).toEqual({ ok: false, message: "The start date must be a real date", field: "day" });
    expect(d("1", "1", "27")).toEqual({ ok: false, message: "Year must include 4 numbers", field: "year" });
    expect(d("", "", "")).toEqual({ ok: false, message: "Enter the start date", field: "day" });
    expect(d("1", "", "")).toEqual({ ok: false, message: "The start date must include a month and year", field: "month" });
    expect(d("x", "1", "2027")).toEqual({ ok: false, message: "The start date must be a real date", field: "day" });
  });
});

describe("word limits", () => {
  it.each([
    ["", 0],
    ["   ", 0],
    ["We run a food larder.", 5],
    ["Don't stop: community-led work.", 4],
    ["We need £1,000 for 2.5 days", 6],
    ["- bullet one\n- bullet two", 4],
    ["Żłobek dla dzieci", 3],
    ["emoji 🎉 are not words", 4],
    ["line one\n\nline two", 4],
  ])("counts %j as %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it("says how many words too many", () => {
    expect(checkWordLimit("one two three", 3, "your answer")).toEqual({ ok: true, value: "one two three" });
    expect(checkWordLimit("one two three four five", 3, "your answer")).toEqual({ ok: false, message: "Your answer must be 3 words or fewer. You have 2 words too many" });
    expect(checkWordLimit("one two three four", 3, "your answer")).toEqual({ ok: false, message: "Your answer must be 3 words or fewer. You have 1 word too many" });
  });
});
