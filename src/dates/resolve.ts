/**
 * Found parts → a Reading: one date, time, zone and relative form at most (two that differ are a conflict); the
 * Gregorian date over the Bangla one, each Bangla date converted or checked with the chosen calendar and the
 * note saying which; আজ before a date is a masthead's label, another relative form beside a date is only checked;
 * weekday and Hijri notes; and every word the lexicon does not know either refused (next to a time) or noted.
 */
import { banglaCalendar, CALENDAR_LABELS, coversYear } from "./calendars.js";
import { refuseUnknownNextTo, type Scan } from "./cursor.js";
import { toBengaliDigits } from "./digits.js";
import { DateParseError } from "./errors.js";
import { BANGLA_MONTHS, WEEKDAYS, ZONE_NAMES } from "./lexicon.js";
import { ACCEPTED, newReading, type Found, type Reading, type Ymd } from "./reading.js";
import { utcWall } from "./zone.js";

/** What the parts of a scanned text say together, or the error that says why they cannot be one date. */
export function resolve(scan: Scan): Reading {
  refuseConflicts(scan);
  refuseUnknownNextToTime(scan);
  const reading = newReading("gregorian", scan.nightAfter, [...scan.notes]);
  resolveCalendars(scan, reading);
  if (scan.hijri.length > 0) {
    reading.notes.push({ code: "date.hijri-ignored", message: `the Hijri date "${scan.hijri[0]!.text}" was not checked (its day depends on moon sighting)` });
  }
  resolveRelative(scan, reading);
  if (!reading.date && !reading.relative) refuseNoDate(scan);
  if (scan.times[0]) reading.time = scan.times[0].value;
  resolveZone(scan, reading);
  checkWeekday(scan, reading);
  if (scan.unknown.length > 0) {
    reading.notes.push({ code: "date.ignored-text", message: `words that are not part of a date were ignored: ${scan.unknown.map((w) => `"${w.text}"`).join(", ")}` });
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
  conflict(scan.zones, "time zone");
}

/** Unknown words next to a time are refused (cursor.ts says why); elsewhere they are only noted. */
function refuseUnknownNextToTime(scan: Scan): void {
  for (const time of scan.times) refuseUnknownNextTo(scan, time);
}

/** The Gregorian date wins over a Bangla one printed beside it; a Bangla date alone is converted. */
function resolveCalendars(scan: Scan, reading: Reading): void {
  const gregorian = scan.gregorian[0];
  const bangla = scan.bangla[0];
  if (bangla) reading.banglaCalendar = scan.context.calendar;
  if (gregorian) {
    reading.date = gregorian.value;
    if (bangla) checkBangla(scan, gregorian, bangla, reading);
  } else if (bangla) {
    reading.date = convertBangla(scan, bangla, reading);
    reading.calendar = "bangla";
  }
}

/** A Bangla date alone, converted with the chosen calendar, or refused if it does not exist there. */
function convertBangla(scan: Scan, bangla: Found<Ymd>, reading: Reading): Ymd {
  const name = scan.context.calendar;
  const calendar = banglaCalendar(name);
  const { year, month, day } = bangla.value;
  if (!calendar || !coversYear(calendar, year)) {
    const years = calendar && `${toBengaliDigits(String(calendar.years.from))}–${toBengaliDigits(String(calendar.years.to))}`;
    throw new DateParseError(
      "date.unsupported-calendar",
      bangla.start,
      bangla.text,
      `${years ? `a Bangla year from ${years} in ${CALENDAR_LABELS[name]}` : "a Gregorian date"}, or the other Bangla calendar if the site prints it (calendar "bangladesh" or "west-bengal")`,
      years ? `${CALENDAR_LABELS[name]} is verified for the years ${years} only, and patrika does not guess outside them` : `patrika cannot convert ${CALENDAR_LABELS[name]}`,
    );
  }
  const date = calendar.toGregorian(year, month, day);
  if (date && date.year > 9999) {
    throw new DateParseError("date.out-of-range", bangla.start, bangla.text, "a Bangla year up to ৯৪০৬ (Gregorian 9999)", "the date lies after the Gregorian year 9999");
  }
  if (!date) throw new DateParseError("date.impossible-date", bangla.start, bangla.text, calendar.rule, `no such day in ${calendar.label}`);
  if (calendar.mayShift(year, month, day)) {
    reading.notes.push({ code: "date.bangla-almanac-margin", message: `"${bangla.text}" is read as ${isoDay(date)} in ${calendar.label}, but ${calendar.shiftReason}` });
  }
  return date;
}

/**
 * A Bangla date beside a Gregorian one: checked with the chosen calendar; a disagreement is noted (or, when
 * almanacs may put that Bangla date a day either way and it is one day off, that margin is).
 */
function checkBangla(scan: Scan, gregorian: Found<Ymd>, bangla: Found<Ymd>, reading: Reading): void {
  const name = scan.context.calendar;
  const calendar = banglaCalendar(name);
  const g = gregorian.value;
  const expected = calendar?.fromGregorian(g.year, g.month, g.day);
  if (!calendar || !expected) {
    reading.notes.push({ code: "date.bangla-unchecked", message: `the Bangla date "${bangla.text}" was not checked: patrika cannot convert ${CALENDAR_LABELS[name]} for this date; the Gregorian date is used` });
    return;
  }
  if (sameValue(expected, bangla.value)) return;
  const printed = calendar.toGregorian(bangla.value.year, bangla.value.month, bangla.value.day);
  const oneDayOff = printed !== undefined && Math.abs(utcWall(printed.year, printed.month, printed.day) - utcWall(g.year, g.month, g.day)) === 86_400_000;
  if (oneDayOff && calendar.mayShift(bangla.value.year, bangla.value.month, bangla.value.day)) {
    reading.notes.push({ code: "date.bangla-almanac-margin", message: `the Bangla date "${bangla.text}" is one day from "${gregorian.text}" in ${calendar.label}, within the almanacs' margin: ${calendar.shiftReason}; the Gregorian date is used` });
    return;
  }
  const written = `${toBengaliDigits(String(expected.day))} ${BANGLA_MONTHS[expected.month - 1]![0]} ${toBengaliDigits(String(expected.year))}`;
  reading.notes.push({
    code: "date.bangla-mismatch",
    message: `the Bangla date "${bangla.text}" is not the Gregorian date "${gregorian.text}" in ${calendar.label} (which gives ${written}); the Gregorian date is used`,
  });
}

function isoDay(date: Ymd): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/**
 * A relative form alone is the date, counted from now. Beside an explicit date, আজ/today is a masthead's label
 * ("আজ রবিবার, ৫ জানুয়ারি ২০২৫") and any other relative form is an age printed next to the date: the date wins,
 * and the form is kept to be checked against now.
 */
function resolveRelative(scan: Scan, reading: Reading): void {
  const relatives = scan.relatives.filter((r) => !(reading.date && r.value.kind === "day" && r.value.days === 0));
  const relative = relatives[0];
  if (!relative) return;
  if (reading.date) {
    reading.besideRelative = relative;
    return;
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

/**
 * The offset or zone the text names. A zone name is a fixed offset (IST = +05:30) or an IANA zone (বাংলাদেশ সময়);
 * an abbreviation of several zones (BST, BDT) means the one of the site's zone, and is refused in any other.
 */
function resolveZone(scan: Scan, reading: Reading): void {
  if (scan.offset) reading.offsetMinutes = scan.offset.value;
  const named = scan.zones[0];
  if (!named) return;
  const meaning = zoneMeaning(named, scan.context.timeZone);
  if ("zone" in meaning) {
    reading.zone = meaning.zone;
    reading.zoneAt = { ...named, value: meaning.zone };
    return;
  }
  if (reading.offsetMinutes !== undefined && reading.offsetMinutes !== meaning.offsetMinutes) {
    throw new DateParseError("date.conflict", named.start, named.text, "one UTC offset", "the zone name and the offset in the text disagree");
  }
  reading.offsetMinutes = meaning.offsetMinutes;
}

function zoneMeaning(named: Found<number>, siteZone: string): { offsetMinutes: number } | { zone: string } {
  const row = ZONE_NAMES[named.value]!;
  const meaning = row.bySiteZone ? row.bySiteZone[siteZone] : row.refusedIn?.includes(siteZone) ? undefined : row.meaning;
  if (meaning) return meaning;
  const where = row.bySiteZone ? Object.keys(row.bySiteZone).join(" or ") : `any zone but ${row.refusedIn!.join(", ")}`;
  throw new DateParseError(
    "date.ambiguous-zone",
    named.start,
    named.text,
    `an offset (+06:00, GMT+6, +01:00) instead; "${named.text}" is read only on a site whose time zone is ${where}`,
    `"${named.text}" names more than one time zone (for ${siteZone} patrika cannot tell which is meant)`,
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
