import { toAsciiDigits } from "./digits.js";
import { GREGORIAN_MONTHS, LABELS, WEEKDAYS } from "./lexicon.js";

/** The fields a date text names, before calendar checks and zone conversion. */
export interface DateFields {
  year: number;
  month: number; // 1–12
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Explicit offset in minutes, when the text carries one (Z, +06:00). */
  offsetMinutes?: number;
}

export type MatchResult = { ok: true; fields: DateFields } | { ok: false; code: string; offset: number; found: string; expected: string; message: string };

/**
 * One form for matching: Bengali digits to ASCII, canonical decomposition (so য় typed as U+09DF or as য + nukta
 * match alike), zero-width characters removed, any run of spaces (NBSP included) as one space, lower case.
 */
export function normaliseText(text: string): string {
  return toAsciiDigits(text.normalize("NFD"))
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (words: readonly string[]) =>
  [...words].map(normaliseText).sort((a, b) => b.length - a.length).map(escape).join("|");

const MONTH_INDEX = new Map<string, number>();
GREGORIAN_MONTHS.forEach((names, index) => names.forEach((name) => MONTH_INDEX.set(normaliseText(name), index + 1)));

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?: ?(z|[+-]\d{2}(?::?\d{2})?))?$/;
const PREFIX = new RegExp(`^(?:(?:${alternation(LABELS)}) ?:? ?)?(?:(?:${alternation(WEEKDAYS.flat())}) ?[,|।-]? ?)?`);
const DAY_MONTH_YEAR = /^(\d{1,2}) ?([^\s\d,|।-]+) ?,? ?(\d{4})(?: ?[,|।-]? ?(.*))?$/;
const MONTH_DAY_YEAR = /^([a-z]+)\.? (\d{1,2}) ?, ?(\d{4})(?: ?[,|।-]? ?(.*))?$/;
const TIME_24 = /^(\d{1,2}) ?[:.] ?(\d{2})(?: ?: ?(\d{2}))?$/;

/** Matches the shapes newsrooms print and returns the named fields, or why nothing matched. */
export function matchDate(text: string): MatchResult {
  const normal = normaliseText(text);
  if (normal === "") return fail("date.empty", 0, "", "a date such as ১৩ জুলাই ২০২৫ or 2025-07-13", "the text is empty");

  const iso = ISO.exec(normal);
  if (iso) {
    const fields: DateFields = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! };
    if (iso[4] !== undefined) {
      fields.hour = +iso[4];
      fields.minute = +iso[5]!;
      fields.second = iso[6] === undefined ? 0 : +iso[6];
      if (iso[7] !== undefined) fields.millisecond = Math.floor(+`0.${iso[7]}` * 1000);
    }
    if (iso[8] !== undefined) fields.offsetMinutes = parseOffset(iso[8]);
    return { ok: true, fields };
  }

  const prefix = PREFIX.exec(normal)![0];
  const rest = normal.slice(prefix.length);
  const dmy = DAY_MONTH_YEAR.exec(rest);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(rest);
  if (!dmy && !mdy) {
    return fail("date.no-date", prefix.length, rest, "a date such as ১৩ জুলাই ২০২৫, 13 July 2025 or 2025-07-13", "no date was found");
  }
  const [dayText, monthWord, yearText, timeText] = dmy ? [dmy[1]!, dmy[2]!, dmy[3]!, dmy[4]] : [mdy![2]!, mdy![1]!, mdy![3]!, mdy![4]];
  const month = MONTH_INDEX.get(monthWord.replace(/\.$/, ""));
  if (month === undefined) {
    return fail(
      "date.unknown-month",
      prefix.length + rest.indexOf(monthWord),
      monthWord,
      "a month name such as জানুয়ারি … ডিসেম্বর or January … December",
      `"${monthWord}" is not a month name`,
    );
  }
  const fields: DateFields = { year: +yearText, month, day: +dayText };
  if (timeText !== undefined && timeText !== "") {
    const time = TIME_24.exec(timeText);
    if (!time) {
      return fail("date.invalid-time", normal.length - timeText.length, timeText, "a 24-hour time such as ১৭:২৮", `"${timeText}" is not a time`);
    }
    fields.hour = +time[1]!;
    fields.minute = +time[2]!;
    fields.second = time[3] === undefined ? 0 : +time[3];
  }
  return { ok: true, fields };
}

function parseOffset(text: string): number {
  if (text === "z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

function fail(code: string, offset: number, found: string, expected: string, message: string): MatchResult {
  return { ok: false, code, offset, found, expected, message };
}
