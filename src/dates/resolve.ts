/**
 * Found parts → a Reading: one date, time, offset and relative form at most (two that differ are a conflict), the
 * Gregorian date over the Bangla one (with a note when they disagree), weekday and Hijri notes, and the words
 * that were set aside.
 */
import { banglaToGregorian, gregorianToBangla } from "./bangla-calendar.js";
import type { Scan } from "./cursor.js";
import { toBengaliDigits } from "./digits.js";
import { DateParseError } from "./errors.js";
import { BANGLA_MONTHS, WEEKDAYS } from "./lexicon.js";
import { ACCEPTED, type Found, type Reading } from "./reading.js";
import { utcWall } from "./zone.js";

/** What the parts of a scanned text say together, or the error that says why they cannot be one date. */
export function resolve(scan: Scan): Reading {
  refuseConflicts(scan);
  const reading: Reading = { calendar: "gregorian", nightAfter: scan.nightAfter, notes: [] };
  resolveCalendars(scan, reading);
  if (scan.hijri.length > 0) {
    reading.notes.push({ code: "date.hijri-ignored", message: `the Hijri date "${scan.hijri[0]!.value}" was not checked (its day depends on moon sighting)` });
  }
  resolveRelative(scan, reading);
  if (!reading.date && !reading.relative) refuseNoDate(scan);
  if (scan.times[0]) reading.time = scan.times[0].value;
  if (scan.offsetMinutes !== undefined) reading.offsetMinutes = scan.offsetMinutes;
  checkWeekday(scan, reading);
  if (scan.ignored.length > 0) {
    reading.notes.push({ code: "date.ignored-text", message: `words that are not part of a date were ignored: ${scan.ignored.map((w) => `"${w}"`).join(", ")}` });
  }
  return reading;
}

/** Two parts of one kind that say different things cannot both be right. */
function refuseConflicts(scan: Scan): void {
  const conflict = (list: Found<unknown>[], what: string) => {
    const second = list.find((f) => !sameValue(f.value, list[0]!.value));
    if (second) throw new DateParseError("date.conflict", second.start, second.text, `one ${what}`, `the text gives two different ${what}s`);
  };
  conflict(scan.gregorian, "date");
  conflict(scan.bangla, "Bangla date");
  conflict(scan.times, "time");
  conflict(scan.relatives, "relative date");
}

/** The Gregorian date wins over a Bangla one printed beside it; a Bangla date alone is converted. */
function resolveCalendars(scan: Scan, reading: Reading): void {
  const gregorian = scan.gregorian[0];
  const bangla = scan.bangla[0];
  if (gregorian) {
    reading.date = gregorian.value;
    if (bangla) checkBangla(gregorian, bangla, reading);
  } else if (bangla) {
    reading.date = banglaToGregorian(bangla.value.year, bangla.value.month, bangla.value.day)!;
    reading.calendar = "bangla";
  }
}

function checkBangla(gregorian: Found<NonNullable<Reading["date"]>>, bangla: Found<NonNullable<Reading["date"]>>, reading: Reading): void {
  const expected = gregorianToBangla(gregorian.value.year, gregorian.value.month, gregorian.value.day);
  if (sameValue(expected, bangla.value)) return;
  const written = `${toBengaliDigits(String(expected.day))} ${BANGLA_MONTHS[expected.month - 1]![0]} ${toBengaliDigits(String(expected.year))}`;
  reading.notes.push({
    code: "date.bangla-mismatch",
    message: `the Bangla date "${bangla.text}" is not the Gregorian date "${gregorian.text}" in the Bangladesh calendar (which gives ${written}); the Gregorian date is used`,
  });
}

function resolveRelative(scan: Scan, reading: Reading): void {
  const relative = scan.relatives[0];
  if (!relative) return;
  if (reading.date) {
    throw new DateParseError("date.conflict", relative.start, relative.text, "either a date or a relative form such as গতকাল, not both", "the text gives both a date and a relative day");
  }
  reading.relative = relative.value;
  reading.relativeAt = { start: relative.start, text: relative.text };
  if (relative.value.kind !== "day" && scan.times.length > 0) {
    throw new DateParseError("date.conflict", scan.times[0]!.start, scan.times[0]!.text, "a time only with a date or আজ/গতকাল", "the text gives both a relative time and a clock time");
  }
}

function refuseNoDate(scan: Scan): never {
  const time = scan.times[0];
  throw new DateParseError(
    "date.no-date",
    time?.start ?? 0,
    time?.text ?? scan.text.trim().slice(0, 40),
    ACCEPTED,
    time ? "a time without a date (patrika never assumes the day)" : "no date was found",
  );
}

function checkWeekday(scan: Scan, reading: Reading): void {
  const written = scan.weekdays[0];
  if (!reading.date || !written) return;
  const weekday = new Date(utcWall(reading.date.year, reading.date.month, reading.date.day)).getUTCDay();
  if (weekday === written.value) return;
  reading.notes.push({ code: "date.weekday-mismatch", message: `"${written.text}" is not the weekday of that date (${WEEKDAYS[weekday]![0]}); the date is used` });
}

/** Whether two read values (flat records of numbers and strings) say the same thing. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => x[key] === y[key]);
}
