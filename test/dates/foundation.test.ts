/** The forms the foundation issue names, each with its exact ISO result (zone Asia/Dhaka unless stated). */
import { DateParseError, formatBengaliDate, parseBengaliDate, tryParseBengaliDate } from "../../src/dates/index.js";

test.each([
  // ISO 8601 / RFC 3339 as CMS exports write it
  ["2025-07-13", "2025-07-13T00:00:00+06:00", "day"],
  ["2025-07-13T17:28", "2025-07-13T17:28:00+06:00", "minute"],
  ["2025-07-13T17:28:00", "2025-07-13T17:28:00+06:00", "second"],
  ["2025-07-13 17:28:00", "2025-07-13T17:28:00+06:00", "second"],
  ["2025-07-13T17:28:00+06:00", "2025-07-13T17:28:00+06:00", "second"],
  ["2025-07-13T11:28:00Z", "2025-07-13T17:28:00+06:00", "second"],
  ["2025-07-13T17:28:00+0530", "2025-07-13T17:58:00+06:00", "second"],
  ["2025-07-13T17:28:00.250+06:00", "2025-07-13T17:28:00.250+06:00", "millisecond"],
  // Bengali digits and month names, as article headers print them
  ["১৩ জুলাই ২০২৫, ১৭:২৮", "2025-07-13T17:28:00+06:00", "minute"],
  ["১৩ জুলাই ২০২৫, ১৭: ২৮", "2025-07-13T17:28:00+06:00", "minute"],
  ["আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮", "2025-07-13T17:28:00+06:00", "minute"],
  ["প্রকাশ: ২০ নভেম্বর ২০২৫, ০৮:৩০", "2025-11-20T08:30:00+06:00", "minute"],
  ["প্রকাশিত: রবিবার, ১৩ জুলাই ২০২৫ | ১৭:২৮", "2025-07-13T17:28:00+06:00", "minute"],
  ["১৩ জুলাই ২০২৫", "2025-07-13T00:00:00+06:00", "day"],
  ["13 জুলাই 2025, ১৭:২৮", "2025-07-13T17:28:00+06:00", "minute"],
  ["১ জানুয়ারী ২০২৬", "2026-01-01T00:00:00+06:00", "day"],
  ["১৫ আগষ্ট ২০২৫", "2025-08-15T00:00:00+06:00", "day"],
  // English month names on bilingual sites
  ["13 Jul 2025", "2025-07-13T00:00:00+06:00", "day"],
  ["July 13, 2025", "2025-07-13T00:00:00+06:00", "day"],
])("%s → %s", (text, iso, precision) => {
  const parsed = parseBengaliDate(text, { timeZone: "Asia/Dhaka" });
  expect([parsed.iso, parsed.precision, parsed.calendar]).toEqual([iso, precision, "gregorian"]);
  expect(parsed.instant.toISOString()).toBe(new Date(iso).toISOString());
});

test("য় written precomposed (U+09DF) or as য + nukta reads the same", () => {
  const precomposed = "১ জানু\u09DFারি ২০২৬";
  const decomposed = "১ জানু\u09AF\u09BCারি ২০২৬";
  expect(parseBengaliDate(precomposed).iso).toBe("2026-01-01T00:00:00+06:00");
  expect(parseBengaliDate(decomposed).iso).toBe("2026-01-01T00:00:00+06:00");
});

test("a local time is in the given zone; Dhaka's 2009 daylight saving time is +07:00", () => {
  expect(parseBengaliDate("2025-07-13 17:28", { timeZone: "Asia/Kolkata" }).iso).toBe("2025-07-13T17:28:00+05:30");
  expect(parseBengaliDate("2025-01-13 17:28", { timeZone: "America/New_York" }).iso).toBe("2025-01-13T17:28:00-05:00");
  expect(parseBengaliDate("2009-07-01 12:00").iso).toBe("2009-07-01T12:00:00+07:00");
});

test.each([
  ["", "date.empty"],
  ["   ", "date.empty"],
  ["কোনো তারিখ নেই", "date.no-date"],
  ["৩১ ফেব্রুয়ারি ২০২৫", "date.impossible-date"],
  ["২৯ ফেব্রুয়ারি ২০২৫", "date.impossible-date"],
  ["১৩ জুলাই ২০২৫, ২৫:০০", "date.invalid-time"],
  ["১৩ জুলাই ২০২৫, ১৭:৬০", "date.invalid-time"],
  ["১৩ জুলুই ২০২৫", "date.unknown-month"],
  ["2025-02-30", "date.impossible-date"],
])("%j is rejected with %s", (text, code) => {
  const result = tryParseBengaliDate(text);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.error).toBeInstanceOf(DateParseError);
  expect(!result.ok && result.error.code).toBe(code);
});

test("an unknown zone is a typed error, not a crash", () => {
  expect(() => parseBengaliDate("2025-07-13", { timeZone: "Asia/Dhakka" })).toThrow(
    expect.objectContaining({ code: "date.unknown-time-zone" }),
  );
});

test("formatBengaliDate writes what the sites print, and reads back to the same minute", () => {
  const instant = new Date("2025-07-13T11:28:00Z");
  expect(formatBengaliDate(instant)).toBe("১৩ জুলাই ২০২৫, ১৭:২৮");
  expect(parseBengaliDate(formatBengaliDate(instant)).instant).toEqual(instant);
});
