/**
 * Text → Reading: the fast paths for the commonest shapes first (exact ISO 8601, "১৩ জুলাই ২০২৫, ১৭:২৮"), then the
 * full reader: tokenise → scan → resolve.
 */
import { defaultBanglaCalendar } from "./calendars.js";
import { DateParseError } from "./errors.js";
import { readFast } from "./fast.js";
import { readIso, readNormalisedIso } from "./iso.js";
import { ACCEPTED, type BanglaCalendarName, type ReadContext, type Reading } from "./reading.js";
import { resolve } from "./resolve.js";
import { scan } from "./scanner.js";
import { tokenise } from "./tokenise.js";

/**
 * Reads a date text into its parts, or throws a DateParseError saying where and why it cannot. Without a
 * calendar, Bangla dates are read in the zone's (defaultBanglaCalendar).
 */
export function readDate(text: string, timeZone: string, calendar?: BanglaCalendarName): Reading {
  const quick = readIso(text) ?? readFast(text);
  if (quick) return quick;
  const tokens = tokenise(text);
  if (tokens.length === 0) throw new DateParseError("date.empty", 0, "", ACCEPTED, "the text is empty");
  return readNormalisedIso(text) ?? resolve(scan(text, { timeZone, calendar: calendar ?? defaultBanglaCalendar(timeZone) }, tokens));
}

/** The full reader alone, without the fast paths (tests check that both read alike). */
export function scanDate(text: string, context: ReadContext): Reading {
  return resolve(scan(text, context));
}
