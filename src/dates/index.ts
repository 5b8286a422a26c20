/**
 * The Bengali date reader: text as newsrooms print it → an exact instant in a named zone, or a typed error.
 * A leaf module: no I/O, and no reading of the machine's clock, zone or locale. Grammar: docs/dates.md.
 */
import { banglaCalendar, defaultBanglaCalendar } from "./calendars.js";
import { toBengaliDigits } from "./digits.js";
import { DateParseError, type DateNote } from "./errors.js";
import { BANGLA_MONTHS, GREGORIAN_MONTHS } from "./lexicon.js";
import { readDate } from "./read.js";
import type { BanglaCalendarName, Found, Reading, Relative } from "./reading.js";
import { formatIsoFields, formatIsoInZone, instantFromWallTime, isValidTimeZone, localParts, offsetMinutes, steadyOffsetAround, utcWall } from "./zone.js";

export { DateParseError, type DateNote } from "./errors.js";
export { formatIsoInZone, isValidTimeZone } from "./zone.js";
export { defaultBanglaCalendar } from "./calendars.js";
export type { BanglaCalendarName } from "./reading.js"; // "bangladesh" | "west-bengal"

/** The calendar a date was written in. */
export type DateCalendar = "gregorian" | "bangla";
/** The finest unit a text gave. */
export type DatePrecision = "day" | "minute" | "second" | "millisecond";

/** How to read a date: the site's zone, now (for relative forms) and the Bangla calendar. */
export interface ParseDateOptions {
  /** IANA zone for local times; default Asia/Dhaka. An offset or zone written in the text wins. */
  timeZone?: string;
  /** Now, for relative forms (২ ঘণ্টা আগে, গতকাল); the reader never reads the clock. */
  now?: Date;
  /**
   * Which Bangla calendar a বঙ্গাব্দ date is in: Bangladesh's revised one or West Bengal's traditional one.
   * Default: `defaultBanglaCalendar(timeZone)` (west-bengal for Asia/Kolkata, else bangladesh).
   */
  calendar?: BanglaCalendarName;
}

/** One date as read: the instant, how precisely and in which calendar the text gave it, and any remarks. */
export interface ParsedDate {
  /** ISO 8601 with the zone's offset at that instant, e.g. `2025-07-13T17:28:00+06:00`. */
  iso: string;
  instant: Date;
  /** The finest unit the text gave: `day` for a date alone (midnight local time). */
  precision: DatePrecision;
  /** The calendar the date was written in. */
  calendar: DateCalendar;
  /** The Bangla calendar a Bangla date in the text was converted or checked with; absent when there was none. */
  banglaCalendar?: BanglaCalendarName;
  /**
   * Whether the instant was counted from `now` (২ ঘণ্টা আগে, গতকাল, এইমাত্র): `iso` is then the absolute date at
   * the given now, and the same text read at another now gives another date.
   */
  relative: boolean;
  /** Remarks that did not stop the reading (a disagreeing Bangla date, a Hijri date set aside, ignored words). */
  notes: DateNote[];
}

/** The zone local times are read in when none is given. */
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
  const calendar = options.calendar;
  if (calendar !== undefined && calendar !== "bangladesh" && calendar !== "west-bengal") {
    throw new DateParseError("date.unknown-calendar", 0, String(calendar), 'calendar "bangladesh" or "west-bengal"', "unknown Bangla calendar");
  }
  if (typeof text !== "string") {
    throw new DateParseError("date.empty", 0, String(text), "a date as text", "the date is not text");
  }
  const reading = readDate(text, timeZone, calendar);
  const parsed = reading.relative ? resolveRelative(reading, timeZone, options.now) : resolveAbsolute(reading, timeZone, options.now);
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

function resolveAbsolute(reading: Reading, timeZone: string, now: Date | undefined, relative = false): ParsedDate {
  const { date, time } = reading;
  let wall = utcWall(date!.year, date!.month, date!.day, time?.hour ?? 0, time?.minute ?? 0, time?.second ?? 0, time?.millisecond ?? 0);
  // দিবাগত রাত: the small hours after the printed day belong to the next date.
  const nextDay = reading.nightAfter && time !== undefined && time.hour < 6;
  if (nextDay) wall += DAY_MS;
  const precision = precisionOf(time);
  // The common case: the site's zone, no transition near, and no offset or one that is the zone's own
  // (2025-07-13T17:28:00+06:00 on a Dhaka site). The local time is then the one printed, so the ISO string is
  // written from the reading's own fields.
  const steady = reading.zone === undefined && !nextDay ? steadyOffsetAround(wall, timeZone) : undefined;
  if (steady !== undefined && (reading.offsetMinutes === undefined || reading.offsetMinutes === steady)) {
    const instant = new Date(wall - steady * 60000);
    const fields = { year: date!.year, month: date!.month, day: date!.day, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0, millisecond: time?.millisecond ?? 0 };
    const note = reading.besideRelative && checkBeside(reading.besideRelative, instant, precision, timeZone, now);
    return { iso: formatIsoFields(fields, steady), instant, precision, calendar: reading.calendar, banglaCalendar: reading.banglaCalendar, relative, notes: note ? [...reading.notes, note] : reading.notes };
  }
  const instant = new Date(instantOf(wall, reading, timeZone));
  const note = reading.besideRelative && checkBeside(reading.besideRelative, instant, precision, timeZone, now);
  return finish(instant, timeZone, precision, reading, relative, note ? [...reading.notes, note] : reading.notes);
}

/** The instant of a wall time: by the offset the text gives, else the zone it names, else the site's zone. */
function instantOf(wall: number, reading: Reading, timeZone: string): number {
  if (reading.offsetMinutes === undefined) return instantFromWallTime(wall, reading.zone ?? timeZone);
  const epochMs = wall - reading.offsetMinutes * 60000;
  const named = reading.zoneAt;
  if (named && offsetMinutes(epochMs, named.value) !== reading.offsetMinutes) {
    throw new DateParseError("date.conflict", named.start, named.text, "one UTC offset", `"${named.text}" (${named.value}) did not have the offset the text gives at that time`);
  }
  return epochMs;
}

/** The instant a relative form means at `now`, and how far off a site's rounded age may be. */
function relativeInstant(relative: Relative, timeZone: string, now: Date): { instant: Date; precision: DatePrecision; toleranceMs: number } {
  if (relative.kind === "now") return { instant: truncate(now, 60_000), precision: "minute", toleranceMs: 3_600_000 };
  if (relative.kind === "day") {
    const today = localParts(now, timeZone);
    const day = new Date(utcWall(today.year, today.month, today.day) + relative.days * DAY_MS);
    return { instant: localMidnight(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), timeZone), precision: "day", toleranceMs: 0 };
  }
  const counted = new Date(now.getTime() - relative.amountMs);
  const unitMs = relative.months > 0 ? 31 * DAY_MS : relative.precision === "day" ? DAY_MS : relative.amountMs >= 3_600_000 ? 3_600_000 : relative.precision === "minute" ? 60_000 : 1000;
  if (relative.precision !== "day") return { instant: truncate(counted, relative.precision === "second" ? 1000 : 60_000), precision: relative.precision, toleranceMs: unitMs };
  const local = localParts(counted, timeZone);
  const back = new Date(utcWall(local.year, local.month - relative.months, 1));
  const day = Math.min(local.day, daysIn(back.getUTCFullYear(), back.getUTCMonth() + 1));
  return { instant: localMidnight(back.getUTCFullYear(), back.getUTCMonth() + 1, day, timeZone), precision: "day", toleranceMs: unitMs };
}

function resolveRelative(reading: Reading, timeZone: string, now: Date | undefined): ParsedDate {
  if (!now || Number.isNaN(now.getTime())) {
    throw new DateParseError(
      "date.relative-needs-now",
      reading.relativeAt?.start ?? 0,
      reading.relativeAt?.text ?? "",
      "a now to count from (the build's --now, or an absolute date)",
      "a relative date cannot be read without knowing now",
    );
  }
  const relative = reading.relative!;
  if (relative.kind === "ago" && !(now.getTime() - relative.amountMs - relative.months * 31 * DAY_MS >= EARLIEST_MS)) {
    throw new DateParseError(
      "date.out-of-range",
      reading.relativeAt?.start ?? 0,
      reading.relativeAt?.text ?? "",
      "an amount of time that counts back to a date from the year 1 on",
      "the relative date lies before the year 1",
    );
  }
  if (relative.kind === "day") {
    const today = localParts(now, timeZone);
    const day = new Date(utcWall(today.year, today.month, today.day) + relative.days * DAY_MS);
    return resolveAbsolute({ ...reading, date: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() } }, timeZone, now, true);
  }
  const counted = relativeInstant(relative, timeZone, now);
  const approximate = relative.kind === "ago" && relative.months > 0;
  const note = { code: "date.approximate-age", message: `"${reading.relativeAt!.text}" counts calendar months back from now; sites round such ages, so the day is approximate` };
  return finish(counted.instant, timeZone, counted.precision, reading, true, approximate ? [...reading.notes, note] : reading.notes);
}

/**
 * A relative form printed beside an explicit date ("(৩ দিন আগে) ২২ ডিসেম্বর ২০২৪"): the date is used; the form is
 * checked against now, allowing for the rounding of ages (one unit of the age either way), and a disagreement is
 * noted. Without a now it cannot be checked, and that is noted.
 */
function checkBeside(beside: Found<Relative>, instant: Date, precision: DatePrecision, timeZone: string, now: Date | undefined): DateNote | undefined {
  if (!now || Number.isNaN(now.getTime())) {
    return { code: "date.relative-unchecked", message: `"${beside.text}" beside the date was not checked (no now was given); the date is used` };
  }
  const counted = relativeInstant(beside.value, timeZone, now);
  const dayLevel = precision === "day" || counted.precision === "day";
  const difference = dayLevel
    ? Math.abs(localMidnight(...ymdOf(instant, timeZone), timeZone).getTime() - localMidnight(...ymdOf(counted.instant, timeZone), timeZone).getTime())
    : Math.abs(instant.getTime() - counted.instant.getTime());
  if (difference <= (dayLevel ? Math.max(counted.toleranceMs, 0) : counted.toleranceMs)) return undefined;
  return {
    code: "date.relative-mismatch",
    message: `"${beside.text}" does not agree with the date at now (${formatIsoInZone(now, timeZone)}): counted from now it is ${formatIsoInZone(counted.instant, timeZone)}; the explicit date is used`,
  };
}

function ymdOf(instant: Date, timeZone: string): [number, number, number] {
  const local = localParts(instant, timeZone);
  return [local.year, local.month, local.day];
}

function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  return new Date(instantFromWallTime(utcWall(year, month, day), timeZone));
}

function daysIn(year: number, month: number): number {
  return new Date(utcWall(year, month + 1, 0)).getUTCDate();
}

function truncate(instant: Date, unitMs: number): Date {
  return new Date(Math.floor(instant.getTime() / unitMs) * unitMs);
}

function finish(instant: Date, timeZone: string, precision: DatePrecision, reading: Reading, relative: boolean, notes: DateNote[]): ParsedDate {
  // One shape for every result (banglaCalendar may be undefined): the hot path stays monomorphic.
  return { iso: formatIsoInZone(instant, timeZone), instant, precision, calendar: reading.calendar, banglaCalendar: reading.banglaCalendar, relative, notes };
}

/** How formatBengaliDate writes: zone, calendar, and whether to write the time. */
export interface FormatDateOptions {
  /** IANA zone to write local time in; default Asia/Dhaka. */
  timeZone?: string;
  /** Gregorian (১৩ জুলাই ২০২৫) or Bangla calendar (২৯ আষাঢ় ১৪৩২); default Gregorian. */
  calendar?: DateCalendar;
  /** Which Bangla calendar, for `calendar: "bangla"`; default `defaultBanglaCalendar(timeZone)`. */
  banglaCalendar?: BanglaCalendarName;
  /** Whether to write the time (", ১৭:২৮"); default true. */
  time?: boolean;
}

/**
 * Writes an instant the way Bengali news sites print it: Bengali digits and month names, 24-hour time. A Bangla
 * date outside the chosen calendar's verified years is a RangeError.
 * @example formatBengaliDate(new Date("2025-07-13T11:28:00Z")) // "১৩ জুলাই ২০২৫, ১৭:২৮"
 * @example formatBengaliDate(new Date("2025-07-13T11:28:00Z"), { calendar: "bangla", time: false }) // "২৯ আষাঢ় ১৪৩২"
 */
export function formatBengaliDate(instant: Date, options: FormatDateOptions = {}): string {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const local = localParts(instant, timeZone);
  let date: string;
  if (options.calendar === "bangla") {
    const name = options.banglaCalendar ?? defaultBanglaCalendar(timeZone);
    const bangla = banglaCalendar(name)?.fromGregorian(local.year, local.month, local.day);
    if (!bangla) throw new RangeError(`patrika dates: ${local.year}-${local.month}-${local.day} is outside the years ${name} Bangla dates can be written for`);
    date = `${toBengaliDigits(String(bangla.day))} ${BANGLA_MONTHS[bangla.month - 1]![0]} ${toBengaliDigits(String(bangla.year))}`;
  } else {
    date = `${toBengaliDigits(String(local.day))} ${GREGORIAN_MONTHS[local.month - 1]![0]} ${toBengaliDigits(String(local.year))}`;
  }
  if (options.time === false) return date;
  const two = (n: number) => toBengaliDigits(String(n).padStart(2, "0"));
  return `${date}, ${two(local.hour)}:${two(local.minute)}`;
}
