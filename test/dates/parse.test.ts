/** Table-driven tests of the date reader: exact ISO results, rejections by code, and property tests. */
import { jest } from "@jest/globals";
import fc from "fast-check";
import { formatBengaliDate, parseBengaliDate, tryParseBengaliDate, DateParseError } from "../../src/dates/index.js";
import { ALL_ACCEPTED, BANGLA_CASES, REJECTED_CASES, RELATIVE_CASES, RELATIVE_NOW, ZONE_CASES } from "./cases.js";

// A now far from every case, to prove absolute dates never depend on it.
const UNRELATED_NOW = new Date("2031-03-03T03:03:03Z");

describe("accepted forms read to the exact instant", () => {
  test.each(ALL_ACCEPTED)("%s → %s (%s; %s)", (text, iso, precision) => {
    const parsed = parseBengaliDate(text, { timeZone: "Asia/Dhaka", now: UNRELATED_NOW });
    expect([parsed.iso, parsed.precision]).toEqual([iso, precision]);
    expect(parsed.instant.getTime()).toBe(new Date(iso).getTime());
  });
});

test("the table holds at least 200 accepted and rejected cases", () => {
  expect(ALL_ACCEPTED.length + RELATIVE_CASES.length + ZONE_CASES.length + REJECTED_CASES.length).toBeGreaterThanOrEqual(200);
});

test.each(BANGLA_CASES.filter(([text]) => !/[০-৯]{1,2}:/.test(text)))("%s is reported as written in the Bangla calendar", (text) => {
  expect(parseBengaliDate(text).calendar).toBe("bangla");
});

describe("relative forms count back from the injected now", () => {
  test.each(RELATIVE_CASES)("%s → %s (%s; %s)", (text, iso, precision) => {
    const parsed = parseBengaliDate(text, { now: RELATIVE_NOW });
    expect([parsed.iso, parsed.precision]).toEqual([iso, precision]);
  });

  test.each(["২ ঘণ্টা আগে", "৫ মিনিট আগে", "৩ দিন আগে", "গতকাল", "আজ", "এইমাত্র", "গতকাল রাত ৯টা"])(
    "without a now, %s is refused rather than read against the clock",
    (text) => {
      expect(() => parseBengaliDate(text)).toThrow(expect.objectContaining({ code: "date.relative-needs-now" }));
    },
  );

  test("an invalid now is refused like a missing one", () => {
    expect(tryParseBengaliDate("গতকাল", { now: new Date(Number.NaN) })).toMatchObject({ ok: false, error: { code: "date.relative-needs-now" } });
  });

  test("relative days count in the zone's calendar, not UTC's", () => {
    // 2025-07-13T20:00Z is already 14 July in Dhaka but still 13 July in New York.
    const now = new Date("2025-07-13T20:00:00Z");
    expect(parseBengaliDate("গতকাল", { now }).iso).toBe("2025-07-13T00:00:00+06:00");
    expect(parseBengaliDate("গতকাল", { now, timeZone: "America/New_York" }).iso).toBe("2025-07-12T00:00:00-04:00");
  });
});

describe("zones", () => {
  test.each(ZONE_CASES)("%s in %s → %s (%s)", (text, timeZone, iso) => {
    expect(parseBengaliDate(text, { timeZone }).iso).toBe(iso);
  });

  test("an unknown zone is a typed error", () => {
    expect(() => parseBengaliDate("১৩ জুলাই ২০২৫", { timeZone: "Asia/Dhakka" })).toThrow(expect.objectContaining({ code: "date.unknown-time-zone" }));
  });
});

describe("rejections carry a stable code, where, what was found and what is accepted", () => {
  test.each(REJECTED_CASES)("%j → %s (%s)", (text, code) => {
    const result = tryParseBengaliDate(text, { now: RELATIVE_NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(DateParseError);
    expect(result.error.code).toBe(code);
    expect(result.error.expected.length).toBeGreaterThan(0);
    expect(result.error.message).toContain(`at character ${result.error.offset}`);
  });

  test.each([
    ["১৩ জুলুই ২০২৫", 3, "জুলুই"],
    ["প্রকাশ: ১৩ জুলাই ২০২৫, ২৫:০০", 23, "২৫:০০"],
    ["১৩ জুলাই ২০২৫ ১৪ জুলাই ২০২৫", 14, "১৪ জুলাই ২০২৫"],
    ["আপডেট : ৩১ ফেব্রুয়ারি ২০২৫", 8, "৩১ ফেব্রুয়ারি ২০২৫"],
  ])("%j points at character %i (%s)", (text, offset, found) => {
    const result = tryParseBengaliDate(text);
    expect(!result.ok && [result.error.offset, result.error.found]).toEqual([offset, found]);
    expect(text.slice(offset).startsWith(found)).toBe(true);
  });

  test.each([
    ["১৩ জুলুই ২০২৫", "জুলাই"],
    ["১৩ জুলুই", "জুলাই"],
    ["১৩ ফলগুন ১৪৩২", "ফাল্গুন"],
    ["১৩ সেপ্টেমবর ২০২৫", "সেপ্টেম্বর"],
    ["13 Jly 2025", "July"],
    ["13 Agust 2025", "August"],
  ])("a misspelt month (%s) names the nearest month, %s", (text, nearest) => {
    const result = tryParseBengaliDate(text);
    expect(!result.ok && result.error.code).toBe("date.unknown-month");
    expect(!result.ok && result.error.expected).toContain(`did you mean ${nearest}?`);
  });

  test.each([
    ["৩১ এপ্রিল", 0, "৩১ এপ্রিল"],
    ["প্রকাশ: ১৩ জুলাই ২০২৫, ৭টা", 23, "৭টা"],
    ["১৩ জুলাই ২০২৫, বিকেল ১০টা", 15, "বিকেল ১০টা"],
    ["  2025-07-13T25:00", 13, "25:00"],
    ["2025-07-13T17:28:00+15:00", 19, "+15:00"],
    ["১৩ জুলাই ২০২৫, ১৭:২৮ +১৫:০০", 21, "+১৫:০০"],
  ])("%j points at character %i (%s)", (text, offset, found) => {
    const result = tryParseBengaliDate(text);
    expect(!result.ok && [result.error.offset, result.error.found]).toEqual([offset, found]);
  });

  test("West Bengal's calendar is read as West Bengal's, never mixed with Bangladesh's", () => {
    expect(parseBengaliDate("২৯ আষাঢ় ১৪৩২", { calendar: "west-bengal" }).iso).toBe("2025-07-14T00:00:00+06:00");
    expect(parseBengaliDate("২৯ আষাঢ় ১৪৩২", { calendar: "bangladesh" }).iso).toBe("2025-07-13T00:00:00+06:00");
  });
});

describe("notes", () => {
  test("a Bangla date that disagrees with the Gregorian one is noted; the Gregorian date wins", () => {
    const parsed = parseBengaliDate("রোববার, ১৩ জুলাই ২০২৫, ২৮ আষাঢ় ১৪৩২");
    expect(parsed.iso).toBe("2025-07-13T00:00:00+06:00");
    expect(parsed.notes.map((n) => n.code)).toEqual(["date.bangla-mismatch"]);
    expect(parsed.notes[0]!.message).toContain("which gives ২৯ আষাঢ় ১৪৩২");
  });

  test("an agreeing three-date header has only the Hijri note", () => {
    expect(parseBengaliDate("রোববার, ১৩ জুলাই ২০২৫, ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭").notes.map((n) => n.code)).toEqual(["date.hijri-ignored"]);
  });

  test("a weekday that is not the date's is noted", () => {
    expect(parseBengaliDate("সোমবার, ১৩ জুলাই ২০২৫").notes.map((n) => n.code)).toEqual(["date.weekday-mismatch"]);
  });

  test("unknown words away from a time are ignored with a note naming them", () => {
    const parsed = parseBengaliDate("বিশেষ প্রতিনিধি, ১৩ জুলাই ২০২৫");
    expect(parsed.iso).toBe("2025-07-13T00:00:00+06:00");
    expect(parsed.notes).toEqual([{ code: "date.ignored-text", message: 'words that are not part of a date were ignored: "বিশেষ", "প্রতিনিধি"' }]);
  });

  test("a dateline's place is known and changes nothing", () => {
    expect(parseBengaliDate("ঢাকা, ১৩ জুলাই ২০২৫").notes).toEqual([]);
  });
});

describe("formatBengaliDate", () => {
  test.each([
    ["2025-07-13T11:28:00Z", {}, "১৩ জুলাই ২০২৫, ১৭:২৮"],
    ["2025-07-13T11:28:00Z", { time: false }, "১৩ জুলাই ২০২৫"],
    ["2025-07-13T11:28:00Z", { calendar: "bangla" as const, time: false }, "২৯ আষাঢ় ১৪৩২"],
    ["2025-12-15T18:30:00Z", { calendar: "bangla" as const }, "১ পৌষ ১৪৩২, ০০:৩০"],
    ["2025-07-13T11:28:00Z", { timeZone: "Asia/Kolkata" }, "১৩ জুলাই ২০২৫, ১৬:৫৮"],
    ["2025-07-13T11:28:00Z", { timeZone: "Asia/Kolkata", calendar: "bangla" as const, time: false }, "২৮ আষাঢ় ১৪৩২"],
    ["2025-07-13T11:28:00Z", { timeZone: "Asia/Kolkata", calendar: "bangla" as const, banglaCalendar: "bangladesh" as const, time: false }, "২৯ আষাঢ় ১৪৩২"],
  ])("%s with %j → %s", (instant, options, expected) => {
    expect(formatBengaliDate(new Date(instant), options)).toBe(expected);
  });
});

describe("properties", () => {
  const instants = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true });
  const zones = fc.constantFrom("Asia/Dhaka", "Asia/Kolkata", "UTC", "America/New_York");
  const calendars = fc.constantFrom("gregorian" as const, "bangla" as const);

  test("parse(format(d)) prints as d again, to the minute, in both calendars and several zones (1900–2100)", () => {
    fc.assert(
      fc.property(instants, zones, calendars, (instant, timeZone, calendar) => {
        const printed = formatBengaliDate(instant, { timeZone, calendar, banglaCalendar: "bangladesh" });
        const parsed = parseBengaliDate(printed, { timeZone, calendar: "bangladesh" });
        expect(formatBengaliDate(parsed.instant, { timeZone, calendar, banglaCalendar: "bangladesh" })).toBe(printed);
        expect(parsed.calendar).toBe(calendar);
      }),
      { numRuns: 2000 },
    );
  });

  test("in Asia/Kolkata both default to West Bengal's calendar: parse(format(d)) is the same day (1950–2061)", () => {
    const inRange = fc.date({ min: new Date("1950-04-15T00:00:00Z"), max: new Date("2061-04-12T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(inRange, (instant) => {
        const printed = formatBengaliDate(instant, { timeZone: "Asia/Kolkata", calendar: "bangla", time: false });
        const parsed = parseBengaliDate(printed, { timeZone: "Asia/Kolkata" });
        expect([parsed.banglaCalendar, formatBengaliDate(parsed.instant, { timeZone: "Asia/Kolkata", time: false })]).toEqual(["west-bengal", formatBengaliDate(instant, { timeZone: "Asia/Kolkata", time: false })]);
      }),
      { numRuns: 1000 },
    );
  });

  test("in a zone without clock changes, parse(format(d)) is d itself, truncated to the minute", () => {
    fc.assert(
      fc.property(instants, calendars, (instant, calendar) => {
        const parsed = parseBengaliDate(formatBengaliDate(instant, { timeZone: "UTC", calendar }), { timeZone: "UTC" });
        expect(parsed.instant.getTime()).toBe(Math.floor(instant.getTime() / 60_000) * 60_000);
      }),
      { numRuns: 2000 },
    );
  });

  test("a date alone reads back to local midnight with day precision, in both calendars", () => {
    fc.assert(
      fc.property(instants, calendars, (instant, calendar) => {
        const parsed = parseBengaliDate(formatBengaliDate(instant, { calendar, time: false }));
        expect(parsed.precision).toBe("day");
        expect(parsed.iso.slice(11, 19)).toBe("00:00:00");
        expect(formatBengaliDate(parsed.instant, { calendar, time: false })).toBe(formatBengaliDate(instant, { calendar, time: false }));
      }),
      { numRuns: 1000 },
    );
  });

  test("any text yields a ParsedDate or a DateParseError, never another exception", () => {
    const pieces = fc.oneof(
      fc.constantFrom("১৩", "জুলাই", "২০২৫", ":", "১৭", ",", "বিকেল", "টা", "মিনিট", "আগে", "ঘণ্টা", "পিএম", "আষাঢ়", "১৪৩২", "+", "-", "GMT", " ", "\u200B", "রাত", "সাড়ে"),
      fc.constantFrom("দিন", "সপ্তাহ", "গতকাল", "দিবাগত", "পৌনে", "মহররম", "রবিউল", "আউয়াল", "T", "Z", ".", "/", "০০", "৯৯৯৯", "0001"),
      fc.constantFrom("IST", "BST", "এক", "an", "পহেলা", "দেড়টা", "বঙ্গাব্দের", "সালের", "PM", "রাত্রিবেলায়", "আপডেট", "হিজরি", "বাংলাদেশ", "সময়", "২০১৫", "ঘণ্টা", "আজ", "মাস", "বছর", "অাষাঢ়", "ডিসেঃ", "শা‘বান"),
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
    );
    const texts = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.array(pieces, { maxLength: 12 }).map((p) => p.join(" ")));
    fc.assert(
      fc.property(texts, (text) => {
        const result = tryParseBengaliDate(text, { now: RELATIVE_NOW });
        if (result.ok) expect(result.value.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
        else expect([result.error instanceof DateParseError, result.error.code]).toEqual([true, expect.not.stringMatching(/internal/)]);
        // parseBengaliDate throws exactly what tryParseBengaliDate returns.
        if (!result.ok) expect(() => parseBengaliDate(text, { now: RELATIVE_NOW })).toThrow(DateParseError);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the reader never reads the machine's clock", () => {
  afterEach(() => jest.useRealTimers());

  test.each(["1999-12-31T23:59:00Z", "2040-06-01T12:00:00Z"])("with the clock set to %s, every case reads the same", (clock) => {
    jest.useFakeTimers({ now: new Date(clock) });
    for (const [text, iso] of ALL_ACCEPTED) expect(parseBengaliDate(text, { now: UNRELATED_NOW }).iso).toBe(iso);
    for (const [text, iso] of RELATIVE_CASES) expect(parseBengaliDate(text, { now: RELATIVE_NOW }).iso).toBe(iso);
    expect(tryParseBengaliDate("গতকাল")).toMatchObject({ ok: false, error: { code: "date.relative-needs-now" } });
  });
});

describe("the fast paths read exactly as the full scanner does", () => {
  test("for the common archive shapes, with and without labels, times and odd spacing", async () => {
    const { readDate, scanDate } = await import("../../src/dates/read.js");
    const label = fc.constantFrom("", "আপডেট : ", "প্রকাশ: ", "প্রকাশিত:", "হালনাগাদ : ");
    const month = fc.constantFrom("জানুয়ারি", "জানুয়ারী", "ফেব্রু", "মে", "জুলাই", "আগষ্ট", "সেপ্টে", "ডিসেম্বর", "জানু\u09DFারি");
    const bn = (n: number, width: number) => String(n).padStart(width, "0").replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[Number(d)]!);
    fc.assert(
      fc.property(label, fc.integer({ min: 0, max: 32 }), month, fc.integer({ min: 1900, max: 2100 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.boolean())), (l, day, m, year, time) => {
        const text = `${l}${bn(day, 1)} ${m} ${bn(year, 4)}${time ? `, ${bn(time[0], 2)}:${time[2] ? " " : ""}${bn(time[1], 2)}` : ""}`;
        const run = (read: (t: string) => unknown) => {
          try {
            return { ok: read(text) };
          } catch (error) {
            return { code: (error as DateParseError).code, offset: (error as DateParseError).offset };
          }
        };
        const context = { timeZone: "Asia/Dhaka", calendar: "bangladesh" as const };
        expect(run((t) => readDate(t, context.timeZone, context.calendar))).toEqual(run((t) => scanDate(t, context)));
      }),
      { numRuns: 3000 },
    );
  });
});
