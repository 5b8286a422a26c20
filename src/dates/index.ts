/**
 * The Bengali date reader: text as newsrooms print it → an exact instant in a named zone, or a typed error.
 * A leaf module: no I/O, and no reading of the machine's clock, zone or locale. Grammar: docs/dates.md.
 */
import { gregorianToBangla } from "./bangla-calendar.js";
import { toBengaliDigits } from "./digits.js";
import { DateParseError, type DateNote } from "./errors.js";
import { readDate } from "./read.js";
import type { Reading } from "./reading.js";
import { BANGLA_MONTHS, GREGORIAN_MONTHS } from "./lexicon.js";
import { formatIsoInZone, instantFromWallTime, isValidTimeZone, localParts, utcWall } from "./zone.js";

export { DateParseError, type DateNote } from "./errors.js";
export { formatIsoInZone, isValidTimeZone } from "./zone.js";

export type DateCalendar = "gregorian" | "bangla";
export type DatePrecision = "day" | "minute" | "second" | "millisecond";

export interface ParseDateOptions {
  /** IANA zone for local times; default Asia/Dhaka. An offset written in the text wins. */
  timeZone?: string;
  /** Now, for relative forms (২ ঘণ্টা আগে, গতকাল); the reader never reads the clock. */
  now?: Date;
  /** Which Bangla calendar a বঙ্গাব্দ date is in; only Bangladesh's revised calendar is supported. */
  calendar?: "bangladesh" | "west-bengal";
}

export interface ParsedDate {
  /** ISO 8601 with the zone's offset at that instant, e.g. `2025-07-13T17:28:00+06:00`. */
  iso: string;
  instant: Date;
  /** The finest unit the text gave: `day` for a date alone (midnight local time). */
  precision: DatePrecision;
  /** The calendar the date was written in. */
  calendar: DateCalendar;
  /** Remarks that did not stop the reading (a disagreeing Bangla date, a Hijri date set aside, ignored words). */
  notes: DateNote[];
}

export const DEFAULT_TIME_ZONE = "Asia/Dhaka";
const DAY_MS = 86_400_000;
/** The first instant a ParsedDate may be: ISO 8601's four-digit years begin at 0001 (proleptic Gregorian). */
const EARLIEST_MS = utcWall(1, 1, 1) - 14 * 3_600_000;

/**
 * Reads one date as Bengali newsrooms print it; throws a DateParseError saying what, where and what is accepted.
 * @example parseBengaliDate("আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮").iso // "2025-07-13T17:28:00+06:00"
 * @example parseBengaliDate("২৯ আষাঢ় ১৪৩২").iso // "2025-07-13T00:00:00+06:00"
 */
export function parseBengaliDate(text: string, options: ParseDateOptions = {}): ParsedDate {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new DateParseError("date.unknown-time-zone", 0, timeZone, "an IANA zone name such as Asia/Dhaka", "unknown time zone");
  }
  if (options.calendar === "west-bengal") {
    throw new DateParseError(
      "date.unsupported-calendar",
      0,
      "west-bengal",
      'calendar "bangladesh" (the revised calendar, ১ বৈশাখ = 14 April)',
      "West Bengal's traditional Bangla calendar follows the sun's sidereal position and is not supported",
    );
  }
  if (typeof text !== "string") {
    throw new DateParseError("date.empty", 0, String(text), "a date as text", "the date is not text");
  }
  const reading = readDate(text);
  const parsed = reading.relative ? resolveRelative(reading, timeZone, options.now) : resolveAbsolute(reading, timeZone);
  const first = parsed.iso.charCodeAt(0);
  if (first === 0x2b || first === 0x2d) {
    // "+010000-…": a date at the very edge (31 December 9999 with a western offset) that leaves ISO's four digits.
    throw new DateParseError("date.out-of-range", 0, text.trim().slice(0, 40), "a date from the year 1 to 9999 in the zone", "the date lies outside the years 1–9999");
  }
  return parsed;
}

/**
 * Like parseBengaliDate, but returns the error instead of throwing; it never throws. Should the reader itself fail
 * (a bug), the failure comes back as `date.internal-error` with the original error as its `cause`.
 * @example tryParseBengaliDate("১৩ জুলাই") // { ok: false, error: DateParseError { code: "date.no-year", … } }
 */
export function tryParseBengaliDate(
  text: string,
  options?: ParseDateOptions,
): { ok: true; value: ParsedDate } | { ok: false; error: DateParseError } {
  try {
    return { ok: true, value: parseBengaliDate(text, options) };
  } catch (error) {
    if (error instanceof DateParseError) return { ok: false, error };
    const found = typeof text === "string" ? text.slice(0, 40) : String(text);
    return { ok: false, error: new DateParseError("date.internal-error", 0, found, "a date the reader can handle; please report this text", "the date reader failed", error) };
  }
}

function precisionOf(time: Reading["time"]): DatePrecision {
  if (!time) return "day";
  if (time.millisecond) return "millisecond";
  return time.second !== undefined ? "second" : "minute";
}

function resolveAbsolute(reading: Reading, timeZone: string): ParsedDate {
  const { date, time } = reading;
  let wall = utcWall(date!.year, date!.month, date!.day, time?.hour ?? 0, time?.minute ?? 0, time?.second ?? 0, time?.millisecond ?? 0);
  // দিবাগত রাত: the small hours after the printed day belong to the next date.
  if (reading.nightAfter && time && time.hour < 6) wall += DAY_MS;
  const epochMs = reading.offsetMinutes === undefined ? instantFromWallTime(wall, timeZone) : wall - reading.offsetMinutes * 60000;
  return finish(new Date(epochMs), timeZone, precisionOf(time), reading);
}

function resolveRelative(reading: Reading, timeZone: string, now: Date | undefined): ParsedDate {
  if (!now || Number.isNaN(now.getTime())) {
    throw new DateParseError(
      "date.relative-needs-now",
      0,
      "",
      "a now to count from (the build's --now, or an absolute date)",
      "a relative date cannot be read without knowing now",
    );
  }
  const relative = reading.relative!;
  if (relative.kind === "ago" && !(now.getTime() - relative.amountMs >= EARLIEST_MS)) {
    throw new DateParseError(
      "date.out-of-range",
      reading.relativeAt?.start ?? 0,
      reading.relativeAt?.text ?? "",
      "an amount of time that counts back to a date from the year 1 on",
      "the relative date lies before the year 1",
    );
  }
  if (relative.kind === "now") return finish(truncate(now, 60_000), timeZone, "minute", reading);
  if (relative.kind === "ago") {
    const instant = new Date(now.getTime() - relative.amountMs);
    if (relative.precision !== "day") return finish(truncate(instant, relative.precision === "second" ? 1000 : 60_000), timeZone, relative.precision, reading);
    const local = localParts(instant, timeZone);
    return finish(new Date(instantFromWallTime(utcWall(local.year, local.month, local.day), timeZone)), timeZone, "day", reading);
  }
  const today = localParts(now, timeZone);
  const day = new Date(utcWall(today.year, today.month, today.day) + relative.days * DAY_MS);
  return resolveAbsolute({ ...reading, relative: undefined, date: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() } }, timeZone);
}

function truncate(instant: Date, unitMs: number): Date {
  return new Date(Math.floor(instant.getTime() / unitMs) * unitMs);
}

function finish(instant: Date, timeZone: string, precision: DatePrecision, reading: Reading): ParsedDate {
  return { iso: formatIsoInZone(instant, timeZone), instant, precision, calendar: reading.calendar, notes: reading.notes };
}

export interface FormatDateOptions {
  /** IANA zone to write local time in; default Asia/Dhaka. */
  timeZone?: string;
  /** Gregorian (১৩ জুলাই ২০২৫) or Bangla calendar (২৯ আষাঢ় ১৪৩২); default Gregorian. */
  calendar?: DateCalendar;
  /** Whether to write the time (", ১৭:২৮"); default true. */
  time?: boolean;
}

/**
 * Writes an instant the way Bengali news sites print it: Bengali digits and month names, 24-hour time.
 * @example formatBengaliDate(new Date("2025-07-13T11:28:00Z")) // "১৩ জুলাই ২০২৫, ১৭:২৮"
 * @example formatBengaliDate(new Date("2025-07-13T11:28:00Z"), { calendar: "bangla", time: false }) // "২৯ আষাঢ় ১৪৩২"
 */
export function formatBengaliDate(instant: Date, options: FormatDateOptions = {}): string {
  const local = localParts(instant, options.timeZone ?? DEFAULT_TIME_ZONE);
  let date: string;
  if (options.calendar === "bangla") {
    const bangla = gregorianToBangla(local.year, local.month, local.day);
    date = `${toBengaliDigits(String(bangla.day))} ${BANGLA_MONTHS[bangla.month - 1]![0]} ${toBengaliDigits(String(bangla.year))}`;
  } else {
    date = `${toBengaliDigits(String(local.day))} ${GREGORIAN_MONTHS[local.month - 1]![0]} ${toBengaliDigits(String(local.year))}`;
  }
  if (options.time === false) return date;
  const two = (n: number) => toBengaliDigits(String(n).padStart(2, "0"));
  return `${date}, ${two(local.hour)}:${two(local.minute)}`;
}
