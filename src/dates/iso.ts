/**
 * ISO 8601 / RFC 3339 as CMS exports and front matter hold it: `2025-07-13`, `2025-07-13T17:28`,
 * `2025-07-13 17:28:00.250+06:00`, `…Z`, `…+0600`, `…+06`. Split into date, time and offset as date-fns' parseISO
 * does (splitDateString → parseDate, parseTime, parseTimezone), with one regular expression doing the split.
 */
import { DateParseError } from "./errors.js";
import { checkGregorian } from "./gregorian.js";
import { newReading, type ClockTime, type Reading } from "./reading.js";
import { normaliseWord } from "./tokenise.js";

/** Groups: 1–3 date, 4–7 time (hour, minute, second, fraction), 8 offset. ASCII digits only. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?: ?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
/** Characters an ISO string may hold in either script; anything else cannot be ISO, so the scanner reads it. */
const ISO_CHARACTERS = /^[\s\d০-৯:Tt+\-.,Zz]+$/;

/** Reads `text` if it is exactly ISO 8601 in ASCII digits (the fast path: no normalising, no trimming). */
export function readIso(text: string): Reading | undefined {
  const match = ISO.exec(text);
  return match ? readMatch(match, text, 0) : undefined;
}

/** Reads `text` if it is ISO 8601 once trimmed and put in ASCII digits (`২০২৫-০৭-১৩T১৭:২৮`). */
export function readNormalisedIso(text: string): Reading | undefined {
  if (!ISO_CHARACTERS.test(text)) return undefined;
  const match = ISO.exec(normaliseWord(text.trim()));
  return match ? readMatch(match, text, text.length - text.trimStart().length) : undefined;
}

/** A match as a Reading; `base` is where the match starts in `text` (after leading spaces). */
function readMatch(match: RegExpExecArray, text: string, base: number): Reading {
  const date = parseDate(match, text, base);
  const time = parseTime(match, text, base);
  if (match[8] === undefined) return newReading("gregorian", false, [], date, time);
  const at = base + match[0].length - match[8].length;
  return newReading("gregorian", false, [], date, time, parseOffset(match[8], at, text.slice(at, at + match[8].length)));
}

/**
 * The number in `count` ASCII digits at `at` of the string the expression matched. The groups of ISO before the
 * fraction have fixed widths and places, so they are read where they stand: turning each captured substring into
 * a number cost a third of reading an ISO date (bench/dates.mjs).
 */
function digitsAt(match: RegExpExecArray, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + match.input.charCodeAt(i) - 0x30;
  return value;
}

function parseDate(match: RegExpExecArray, text: string, base: number): NonNullable<Reading["date"]> {
  const date = { year: digitsAt(match, 0, 4), month: digitsAt(match, 5, 2), day: digitsAt(match, 8, 2) };
  checkGregorian(date, text, base, base + 10);
  return date;
}

function parseTime(match: RegExpExecArray, text: string, base: number): ClockTime | undefined {
  if (match[4] === undefined) return undefined;
  const time: ClockTime = { hour: digitsAt(match, 11, 2), minute: digitsAt(match, 14, 2) };
  if (match[6] !== undefined) time.second = digitsAt(match, 17, 2);
  if (match[7] !== undefined) time.millisecond = Math.floor(Number(`0.${match[7]}`) * 1000);
  if (time.hour > 23 || time.minute > 59 || (time.second ?? 0) > 59) {
    const start = base + 11;
    const end = start + match[0].slice(11).search(/ ?[zZ+-]|$/);
    throw new DateParseError("date.invalid-time", start, text.slice(start, end), "a time from 00:00:00 to 23:59:59", "no such time of day");
  }
  return time;
}

/** "Z", "+06", "+0600" or "+06:00" (ASCII digits) → minutes east of UTC; `at` and `found` locate it in the input. */
export function parseOffset(offset: string, at: number, found: string): number {
  if (offset === "z" || offset === "Z") return 0;
  const sign = offset.charCodeAt(0) === 0x2d ? -1 : 1;
  const digit = (i: number) => offset.charCodeAt(i) - 0x30;
  const hours = digit(1) * 10 + digit(2);
  const m = offset.length === 6 ? 4 : 3; // "+06:00" or "+0600"; "+06" has no minutes
  const minutes = offset.length > 3 ? digit(m) * 10 + digit(m + 1) : 0;
  const limit = sign < 0 ? 12 : 14;
  if (hours > limit || minutes > 59 || (hours === limit && minutes > 0)) {
    throw new DateParseError("date.invalid-offset", at, found, "an offset from -12:00 to +14:00", "no such UTC offset");
  }
  return sign * (hours * 60 + minutes);
}
