/**
 * The Bengali date reader: text as newsrooms print it → an exact instant in a named zone, or a typed error.
 * A leaf module: no I/O, and no reading of the machine's clock, zone or locale.
 */
import { toBengaliDigits } from "./digits.js";
import { matchDate, type DateFields } from "./grammar.js";
import { GREGORIAN_MONTHS } from "./lexicon.js";
import { formatIsoInZone, instantFromWallTime, isValidTimeZone, offsetMinutes } from "./zone.js";

export { formatIsoInZone, isValidTimeZone } from "./zone.js";

export type DateCalendar = "gregorian" | "bangla";
export type DatePrecision = "day" | "minute" | "second" | "millisecond";

export interface ParseDateOptions {
  /** IANA zone for local times; default Asia/Dhaka. */
  timeZone?: string;
  /** Now, for relative forms; the reader never reads the clock. */
  now?: Date;
  /** Bangla-calendar rules; only Bangladesh's are supported. */
  calendar?: "bangladesh" | "west-bengal";
}

/** A non-fatal remark about the text. */
export interface DateNote {
  code: string;
  message: string;
}

export interface ParsedDate {
  /** ISO 8601 with the zone's offset at that instant, e.g. `2025-07-13T17:28:00+06:00`. */
  iso: string;
  instant: Date;
  /** `day` for a date without a time (midnight local time). */
  precision: DatePrecision;
  calendar: DateCalendar;
  notes: DateNote[];
}

/** Why a text is not a date: a stable code, where, what was found and what would be accepted. */
export class DateParseError extends Error {
  readonly code: string;
  readonly offset: number;
  readonly found: string;
  readonly expected: string;

  constructor(code: string, offset: number, found: string, expected: string, message: string) {
    super(`${message} (at character ${offset}${found ? `: "${found}"` : ""}); expected ${expected}`);
    this.name = "DateParseError";
    this.code = code;
    this.offset = offset;
    this.found = found;
    this.expected = expected;
  }
}

const DEFAULT_ZONE = "Asia/Dhaka";

/**
 * Reads one date as Bengali newsrooms print it.
 * @example parseBengaliDate("আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮").iso // "2025-07-13T17:28:00+06:00"
 */
export function parseBengaliDate(text: string, options: ParseDateOptions = {}): ParsedDate {
  const timeZone = options.timeZone ?? DEFAULT_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new DateParseError("date.unknown-time-zone", 0, timeZone, "an IANA zone name such as Asia/Dhaka", "unknown time zone");
  }
  if (options.calendar === "west-bengal") {
    throw new DateParseError(
      "date.unsupported-calendar",
      0,
      "west-bengal",
      'calendar "bangladesh"',
      "West Bengal's traditional (sidereal) Bangla calendar is not supported",
    );
  }
  const match = matchDate(text);
  if (!match.ok) throw new DateParseError(match.code, match.offset, match.found, match.expected, match.message);
  const fields = match.fields;
  checkFields(fields);
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, fields.millisecond ?? 0);
  const epochMs = fields.offsetMinutes === undefined ? instantFromWallTime(wall, timeZone) : wall - fields.offsetMinutes * 60000;
  const instant = new Date(epochMs);
  return {
    iso: formatIsoInZone(instant, timeZone),
    instant,
    precision: fields.hour === undefined ? "day" : fields.millisecond ? "millisecond" : "minute",
    calendar: "gregorian",
    notes: [],
  };
}

/** Like parseBengaliDate, but returns the error instead of throwing. */
export function tryParseBengaliDate(
  text: string,
  options?: ParseDateOptions,
): { ok: true; value: ParsedDate } | { ok: false; error: DateParseError } {
  try {
    return { ok: true, value: parseBengaliDate(text, options) };
  } catch (error) {
    if (error instanceof DateParseError) return { ok: false, error };
    throw error;
  }
}

/**
 * Writes an instant the way Bengali news sites print it: Bengali digits and month names.
 * @example formatBengaliDate(new Date("2025-07-13T11:28:00Z")) // "১৩ জুলাই ২০২৫, ১৭:২৮"
 */
export function formatBengaliDate(instant: Date, options: { timeZone?: string; time?: boolean } = {}): string {
  const timeZone = options.timeZone ?? DEFAULT_ZONE;
  const local = new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60000);
  const date = `${toBengaliDigits(String(local.getUTCDate()))} ${GREGORIAN_MONTHS[local.getUTCMonth()]![0]} ${toBengaliDigits(String(local.getUTCFullYear()))}`;
  if (options.time === false) return date;
  const two = (n: number) => toBengaliDigits(String(n).padStart(2, "0"));
  return `${date}, ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

function checkFields(fields: DateFields): void {
  const daysInMonth = new Date(Date.UTC(fields.year, fields.month, 0)).getUTCDate();
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > daysInMonth) {
    throw new DateParseError(
      "date.impossible-date",
      0,
      `${fields.day}/${fields.month}/${fields.year}`,
      `a day from 1 to ${daysInMonth} in that month`,
      "no such day in the calendar",
    );
  }
  if ((fields.hour ?? 0) > 23 || (fields.minute ?? 0) > 59 || (fields.second ?? 0) > 59) {
    throw new DateParseError(
      "date.invalid-time",
      0,
      `${fields.hour}:${fields.minute}`,
      "a time from 00:00 to 23:59",
      "no such time of day",
    );
  }
}
