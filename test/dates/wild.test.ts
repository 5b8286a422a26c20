/**
 * Issue 12's forms beyond the tables' ISO results: the notes each reading carries, the relative flag, the
 * Bangla calendar choice, zone abbreviations, and the rule that an unknown word is never read past in silence.
 */
import fc from "fast-check";
import { defaultBanglaCalendar, parseBengaliDate, tryParseBengaliDate, type ParseDateOptions } from "../../src/dates/index.js";
import { normaliseWord } from "../../src/dates/tokenise.js";
import { isKnownWord } from "../../src/dates/words.js";
import { ALL_ACCEPTED, RELATIVE_NOW, ZONE_CASES } from "./cases.js";

const codes = (text: string, options: ParseDateOptions = {}) => parseBengaliDate(text, options).notes.map((n) => n.code);
const errorCode = (text: string, options: ParseDateOptions = {}) => {
  const result = tryParseBengaliDate(text, options);
  return result.ok ? `read as ${result.value.iso}` : result.error.code;
};

describe("issue 12's own examples", () => {
  test.each([
    ["৫ আগস্ট, ২০২৫ এ ৮:০৫ রাত্রিবেলায়", "2025-08-05T20:05:00+06:00"],
    ["আজ রবিবার, ৫ জানুয়ারি ২০২৫", "2025-01-05T00:00:00+06:00"],
    ["Today 18 Feb, 2025", "2025-02-18T00:00:00+06:00"],
    ["(৩ দিন আগে) ২২ ডিসেম্বর ২০২৪, রবিবার, ১১:১১ পূর্বাহ্ন", "2024-12-22T11:11:00+06:00"],
    ["১৩ ই ফেব্রুয়ারি ২০২৫", "2025-02-13T00:00:00+06:00"],
    ["পহেলা বৈশাখ ১৪৩২", "2025-04-14T00:00:00+06:00"],
    ["১৩ জুলাই 2০২4", "2024-07-13T00:00:00+06:00"],
    ["২০১৮ আগস্ট ১৪ ২০:১২:১৩", "2018-08-14T20:12:13+06:00"],
    ["১২ অক্টোবর, বুধবার, ২০২২", "2022-10-12T00:00:00+06:00"],
    ["১৩ জুলাই ২০২৫, PM 5:07", "2025-07-13T17:07:00+06:00"],
    ["আপডেট: ২০১৫ ঘণ্টা, ফেব্রুয়ারি ২৪, ২০২৪", "2024-02-24T20:15:00+06:00"],
    ["১৪২৮ বঙ্গাব্দের ১৯ জ্যৈষ্ঠ মোতাবেক ২০২১ খ্রিষ্টাব্দের ০২ জুন রোজ বুধবার বিকাল ৫.০০ ঘটিকায়", "2021-06-02T17:00:00+06:00"],
    ["০৫/০৭/২০২৫", "2025-07-05T00:00:00+06:00"],
    ["০১-এপ্রিল/২০২৩", "2023-04-01T00:00:00+06:00"],
    ["রবিবার, ১৩ জুলাই ২০২৫, ২৯ আষাঢ় ১৪৩২, ১৭ জমাদিউস সানী ১৪৪৭", "2025-07-13T00:00:00+06:00"],
  ])("%s → %s", (text, iso) => {
    expect(parseBengaliDate(text, { now: RELATIVE_NOW }).iso).toBe(iso);
  });

  test.each(["জানু", "ফেব", "ফেব্রু", "মার্চ", "এপ্রি", "জুল", "আগ", "সেপ", "সেপ্ট", "অক্টো", "নভে", "ডিসে", "নবেম্বর", "অক্টবর"])("the short or variant month %s is read", (month) => {
    expect(tryParseBengaliDate(`৫ ${month} ২০২৫`).ok).toBe(true);
  });
});

describe("periods of the day in every form the issue lists, before and after the time", () => {
  const forms: readonly (readonly [words: readonly string[], hour: number, at24: number])[] = [
    [["ভোর", "ভোরে", "ভোরবেলা", "ভোরবেলায়", "ভোরবেলাতে", "ভোর বেলায়"], 5, 5],
    [["সকাল", "সকালে", "সকালবেলা", "সকালবেলায়", "সকালবেলাতে", "সকাল বেলা"], 9, 9],
    [["দুপুর", "দুপুরে", "দুপুরবেলা", "দুপুরবেলায়", "দুপুরবেলাতে", "মধ্যাহ্নে"], 2, 14],
    [["বিকেল", "বিকাল", "বিকেলে", "বিকালে", "বিকেলবেলা", "বিকেলবেলায়", "বিকালবেলায়", "বিকেলবেলাতে"], 4, 16],
    [["সন্ধ্যা", "সন্ধ্যায়", "সন্ধ্যাতে", "সন্ধ্যাবেলা", "সন্ধ্যাবেলায়", "সন্ধে", "সন্ধেবেলায়"], 7, 19],
    [["রাত", "রাতে", "রাত্রি", "রাত্রে", "রাত্রিতে", "রাত্রিবেলা", "রাত্রিবেলায়", "রাত্রিবেলাতে", "রাতের বেলা"], 10, 22],
  ];
  const cases = forms.flatMap(([words, hour, at24]) => words.map((word) => [word, hour, at24] as const));
  const bn = (n: number) => String(n).replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[Number(d)]!);
  test.each(cases)("%s with %i o'clock is %i:00, written before or after the time", (word, hour, at24) => {
    const iso = `2025-08-05T${String(at24).padStart(2, "0")}:00:00+06:00`;
    expect(parseBengaliDate(`৫ আগস্ট ২০২৫, ${word} ${bn(hour)}টায়`).iso).toBe(iso);
    expect(parseBengaliDate(`৫ আগস্ট ২০২৫, ${bn(hour)}:০০ ${word}`).iso).toBe(iso);
  });
});

describe("the notes a reading carries", () => {
  test.each([
    ["১২ অক্টবর ২০২৫", ["date.misspelt-month"]],
    ["৩০ নবেম্বর ২০২৫", []],
    ["১৩ জুলাই ২০২৫, ১৭:২৮ পিএম", ["date.redundant-meridiem"]],
    ["৫/৮/২৫", ["date.two-digit-year"]],
    ["প্রকাশ: ১৩ জুলাই ২৫ । ১৭:২৮", ["date.two-digit-year"]],
    ["প্রকাশিত: ২০:০৫, ০৫ আগস্ট ২০২৫ আপডেট: ২০:১০, ০৫ আগস্ট ২০২৫", ["date.second-stamp"]],
    ["আজ সোমবার, ১০ মার্চ ২০২৫", []],
    ["বুধবার, ১ জানুয়ারি ২০২৫, ১৭ পৌষ ১৪৩১, ৩০ জুমাদা-আল-আখিরা ১৪৪৬ হিজরি", ["date.hijri-ignored"]],
    ["ঢাকা, রবিবার, ১৩ জুলাই ২০২৫ | ২৯ আষাঢ় ১৪৩২", []],
  ])("%s → %j", (text, expected) => {
    expect(codes(text, { now: RELATIVE_NOW })).toEqual(expected);
  });

  test("a misspelling's note names the month it was read as", () => {
    expect(parseBengaliDate("১২ অক্টবর ২০২৫").notes[0]!.message).toBe('"অক্টবর" is a misspelling, read as অক্টোবর');
  });

  test("a second stamp's note quotes what was set aside", () => {
    expect(parseBengaliDate("প্রকাশিত: ২০:০৫, ০৫ আগস্ট ২০২৫ আপডেট: ২০:১০, ০৫ আগস্ট ২০২৫").notes[0]!.message).toContain('"আপডেট: ২০:১০, ০৫ আগস্ট ২০২৫"');
  });
});

describe("a relative form beside an explicit date: the date wins, checked against now", () => {
  test.each([
    ["(৪ দিন আগে) ১৭ মার্চ ২০২৫, সোমবার, ০৯:৪০ পূর্বাহ্ন", "2025-03-17T09:40:00+06:00", ["date.relative-mismatch"]],
    ["(৩ দিন আগে) ১১ জুলাই ২০২৫, শুক্রবার, ১১:১১ পূর্বাহ্ন", "2025-07-11T11:11:00+06:00", []],
    ["২ ঘণ্টা আগে | ১৪ জুলাই ২০২৫, ১০:০৫", "2025-07-14T10:05:00+06:00", []],
    ["৫ ঘণ্টা আগে | ১৪ জুলাই ২০২৫, ১০:০৫", "2025-07-14T10:05:00+06:00", ["date.relative-mismatch"]],
    ["১৩ জুলাই ২০২৫, ১৭:২৮ (১৮ ঘণ্টা আগে)", "2025-07-13T17:28:00+06:00", []],
    ["গতকাল, ১৩ জুলাই ২০২৫", "2025-07-13T00:00:00+06:00", []],
    ["গতকাল, ১২ জুলাই ২০২৫", "2025-07-12T00:00:00+06:00", ["date.relative-mismatch"]],
  ])("%s at now = 2025-07-14T12:00+06:00 → %s %j", (text, iso, notes) => {
    const parsed = parseBengaliDate(text, { now: RELATIVE_NOW });
    expect([parsed.iso, parsed.relative, parsed.notes.map((n) => n.code)]).toEqual([iso, false, notes]);
  });

  test("without a now, the date is still read and the unchecked age is noted", () => {
    const parsed = parseBengaliDate("(৪ দিন আগে) ১৭ মার্চ ২০২৫, সোমবার, ০৯:৪০ পূর্বাহ্ন");
    expect([parsed.iso, parsed.notes.map((n) => n.code)]).toEqual(["2025-03-17T09:40:00+06:00", ["date.relative-unchecked"]]);
  });

  test("the mismatch note says what the age means at now", () => {
    expect(parseBengaliDate("গতকাল, ১২ জুলাই ২০২৫", { now: RELATIVE_NOW }).notes[0]!.message).toContain("2025-07-13T00:00:00+06:00");
  });
});

describe("ParsedDate.relative says whether the reading depended on now", () => {
  test.each([
    ["২ ঘণ্টা আগে", true, "2025-07-14T10:00:00+06:00"],
    ["গতকাল রাত ৯টা", true, "2025-07-13T21:00:00+06:00"],
    ["আজ", true, "2025-07-14T00:00:00+06:00"],
    ["এইমাত্র", true, "2025-07-14T12:00:00+06:00"],
    ["২ মাস আগে", true, "2025-05-14T00:00:00+06:00"],
    ["১ ঘণ্টা ২০ মিনিট আগে", true, "2025-07-14T10:40:00+06:00"],
    ["আজ রবিবার, ১৩ জুলাই ২০২৫", false, "2025-07-13T00:00:00+06:00"],
    ["১৩ জুলাই ২০২৫, ১৭:২৮", false, "2025-07-13T17:28:00+06:00"],
    ["2025-07-13T17:28:00+06:00", false, "2025-07-13T17:28:00+06:00"],
    ["(৪ দিন আগে) ১৭ মার্চ ২০২৫", false, "2025-03-17T00:00:00+06:00"],
  ])("%s → relative %s, %s at the given now", (text, relative, iso) => {
    const parsed = parseBengaliDate(text, { now: RELATIVE_NOW });
    expect([parsed.relative, parsed.iso]).toEqual([relative, iso]);
  });

  test("an age in months or years is approximate, and says so", () => {
    expect(codes("২ মাস আগে", { now: RELATIVE_NOW })).toEqual(["date.approximate-age"]);
    expect(parseBengaliDate("১ বছর আগে", { now: new Date("2024-02-29T12:00:00+06:00") }).iso).toBe("2023-02-28T00:00:00+06:00");
  });
});

describe("the Bangla calendar is an explicit choice", () => {
  test.each([
    ["Asia/Kolkata", "west-bengal"],
    ["Asia/Calcutta", "west-bengal"],
    ["Asia/Dhaka", "bangladesh"],
    ["Europe/London", "bangladesh"],
    ["UTC", "bangladesh"],
  ])("defaultBanglaCalendar(%s) is %s", (zone, calendar) => {
    expect(defaultBanglaCalendar(zone)).toBe(calendar);
  });

  test("a Bangla date read in Bangladesh's calendar says so", () => {
    const parsed = parseBengaliDate("২৯ আষাঢ় ১৪৩২");
    expect([parsed.iso, parsed.calendar, parsed.banglaCalendar]).toEqual(["2025-07-13T00:00:00+06:00", "bangla", "bangladesh"]);
  });

  test("a Gregorian date alone names no Bangla calendar", () => {
    expect(parseBengaliDate("১৩ জুলাই ২০২৫").banglaCalendar).toBeUndefined();
  });

  test("per call, the calendar overrides the zone's default", () => {
    const parsed = parseBengaliDate("২৯ আষাঢ় ১৪৩২", { timeZone: "Asia/Kolkata", calendar: "bangladesh" });
    expect([parsed.iso, parsed.banglaCalendar]).toEqual(["2025-07-13T00:00:00+05:30", "bangladesh"]);
  });

  test("a mismatch note names the calendar used", () => {
    expect(parseBengaliDate("রবিবার, ১৩ জুলাই ২০২৫, ২৮ আষাঢ় ১৪৩২").notes[0]!.message).toContain("in the Bangladesh calendar");
  });

  test("in Asia/Kolkata a Bangla date is read in West Bengal's calendar, and says so", () => {
    const parsed = parseBengaliDate("১ বৈশাখ ১৪৩২", { timeZone: "Asia/Kolkata" });
    expect([parsed.iso, parsed.banglaCalendar]).toEqual(["2025-04-15T00:00:00+05:30", "west-bengal"]);
    expect(parseBengaliDate("১ বৈশাখ ১৪৩২", { calendar: "west-bengal" }).iso).toBe("2025-04-15T00:00:00+06:00");
  });

  test("a Gregorian date beside a West Bengal date is checked in that calendar", () => {
    expect(codes("রবিবার ১৩ জুলাই ২০২৫ ২৮ আষাঢ় ১৪৩২", { timeZone: "Asia/Kolkata" })).toEqual([]);
    const parsed = parseBengaliDate("রবিবার ১৩ জুলাই ২০২৫ ২৯ আষাঢ় ১৪৩২", { timeZone: "Asia/Kolkata" });
    expect(parsed.notes.map((n) => n.code)).toEqual(["date.bangla-mismatch"]);
    expect(parsed.notes[0]!.message).toContain("in the West Bengal calendar (which gives ২৮ আষাঢ় ১৪৩২)");
  });

  test("a West Bengal date almanacs may put a day either way says so", () => {
    expect(parseBengaliDate("১ পৌষ ১৪২৬", { timeZone: "Asia/Kolkata" }).notes.map((n) => n.code)).toEqual(["date.bangla-almanac-margin"]);
    expect(codes("১৭ ডিসেম্বর ২০১৯, ১ পৌষ ১৪২৬", { timeZone: "Asia/Kolkata" })).toEqual(["date.bangla-almanac-margin"]);
  });

  test("outside the West Bengal calendar's verified years, a Bangla date is refused, a Gregorian one beside it is read", () => {
    const result = tryParseBengaliDate("১ বৈশাখ ১৩০০", { timeZone: "Asia/Kolkata" });
    expect(!result.ok && result.error.code).toBe("date.unsupported-calendar");
    expect(!result.ok && result.error.message).toContain("১৩৫৭–১৪৬৭");
    expect(codes("১৪ এপ্রিল ১৮৯৩, ১ বৈশাখ ১৩০০", { timeZone: "Asia/Kolkata" })).toEqual(["date.bangla-unchecked"]);
  });

  test("an unknown calendar name is refused", () => {
    expect(errorCode("২৯ আষাঢ় ১৪৩২", { calendar: "tripura" as never })).toBe("date.unknown-calendar");
  });
});

describe("zone abbreviations are read where they are unambiguous, refused elsewhere", () => {
  test.each([
    ["১৩ জুলাই ২০২৫, ১৭:২৮ BST", "Asia/Kolkata"],
    ["১৩ জুলাই ২০২৫, ১৭:২৮ BST", "America/New_York"],
    ["13 July 2025 17:28 BDT", "Europe/London"],
    ["13 July 2025 17:28 IST", "Europe/Dublin"],
  ])("%s on a site in %s → date.ambiguous-zone", (text, timeZone) => {
    expect(errorCode(text, { timeZone })).toBe("date.ambiguous-zone");
  });

  test("the refusal says where the abbreviation is read and what to write instead", () => {
    const result = tryParseBengaliDate("১৩ জুলাই ২০২৫, ১৭:২৮ BST", { timeZone: "Asia/Kolkata" });
    expect(!result.ok && [result.error.offset, result.error.found]).toEqual([21, "BST"]);
    expect(!result.ok && result.error.expected).toContain("Asia/Dhaka");
  });

  test("a zone name and an offset that disagree are a conflict", () => {
    expect(errorCode("১৩ জুলাই ২০২৫, ১০:০০ GMT+6 IST")).toBe("date.conflict");
    expect(errorCode("১৩ জুলাই ২০২৫, ১০:০০ +০৫:৩০ বাংলাদেশ সময়")).toBe("date.conflict");
  });
});

describe("an unknown word is never read past in silence", () => {
  test("the issue's example reads 20:05 with the word known, and an unknown word there is an error", () => {
    expect(parseBengaliDate("৫ আগস্ট, ২০২৫ এ ৮:০৫ রাত্রিবেলায়").iso).toBe("2025-08-05T20:05:00+06:00");
    expect(errorCode("৫ আগস্ট, ২০২৫ এ ৮:০৫ রাত্তিরবেলায়")).toBe("date.unknown-word");
    expect(errorCode("৫ আগস্ট, ২০২৫ এ ৮:০৫, রাত্তিরবেলায়")).toBe("date.unknown-word");
  });

  test("after a comma, beside a time that is already unambiguous, an unknown word is only noted", () => {
    expect(codes("১৩ জুলাই ২০২৫, ১৭:২৮, নিজস্ব")).toEqual(["date.ignored-text"]);
  });

  test("the error points at the word", () => {
    const result = tryParseBengaliDate("৫ আগস্ট, ২০২৫ এ ৮:০৫ রাত্তিরবেলায়");
    expect(!result.ok && [result.error.offset, result.error.found]).toEqual([21, "রাত্তিরবেলায়"]);
  });

  // Words of Bengali or Latin letters that the lexicon does not know (alone or as a phrase's first word).
  const letters = [..."অআইউএওকখগঘচছজঝটঠডতথদধনপফবভমযরলশষসহ", ..."ািীুূেৈোৌ্ং", ..."abcdefghijklmnopqrstuvwxyz"];
  const unknownWord = fc
    .array(fc.constantFrom(...letters), { minLength: 2, maxLength: 7 })
    .map((chars) => chars.join(""))
    .filter((word) => /^[\p{L}]/u.test(word) && !isKnownWord(normaliseWord(word)));
  /** Whether a note names the word as a whole word: in the ignored words, or quoted in a second stamp set aside. */
  const names = (notes: { message: string }[], word: string) => notes.some((n) => ` ${n.message} `.split(/[\s"]/).includes(word));
  const stamps = fc.constantFrom(
    ...ALL_ACCEPTED.map(([text, iso]) => [text, iso, "Asia/Dhaka"] as const),
    ...ZONE_CASES.map(([text, zone, iso]) => [text, iso, zone] as const),
  );

  test("inserted anywhere into a valid stamp, it yields an error or a note naming it, never another instant in silence", () => {
    fc.assert(
      fc.property(stamps, unknownWord, fc.nat(), ([text, , timeZone], word, at) => {
        const position = at % (text.length + 1);
        const result = tryParseBengaliDate(`${text.slice(0, position)} ${word} ${text.slice(position)}`, { timeZone, now: RELATIVE_NOW });
        if (result.ok) expect(names(result.value.notes, word)).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });

  // Between two tokens of a Dhaka stamp the instant does not move. (Splitting a zone name in two, as in
  // "বাংলাদেশ ⟨word⟩ মানক সময়" on a Kolkata site, loses the zone: the note still names the word.)
  const dhakaStamps = fc.constantFrom(...ALL_ACCEPTED.map(([text, iso]) => [text, iso, "Asia/Dhaka"] as const));
  test("inserted between two tokens of a valid stamp, it yields an error, or the same instant with a note naming it", () => {
    fc.assert(
      fc.property(dhakaStamps, unknownWord, fc.nat(), ([text, iso, timeZone], word, at) => {
        const gaps = [0, ...[...text.matchAll(/\s+/g)].map((m) => m.index!), text.length];
        const position = gaps[at % gaps.length]!;
        const result = tryParseBengaliDate(`${text.slice(0, position)} ${word} ${text.slice(position)}`, { timeZone, now: RELATIVE_NOW });
        if (!result.ok) return;
        expect(names(result.value.notes, word)).toBe(true);
        expect(result.value.instant.getTime()).toBe(new Date(iso).getTime());
      }),
      { numRuns: 4000 },
    );
  });
});
