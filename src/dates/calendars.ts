/**
 * The Bangla calendars a বঙ্গাব্দ date can be in, behind one shape: Bangladesh's revised calendar (bangla-calendar.ts,
 * ADR 0002) and West Bengal's traditional one. A calendar the reader cannot convert is listed with its name and
 * refused where it would be needed, never replaced by the other.
 */
import { banglaToGregorian, BANGLA_LONGEST_MONTHS, gregorianToBangla } from "./bangla-calendar.js";
import type { BanglaCalendarName, Ymd } from "./reading.js";
import {
  gregorianToWestBengal, westBengalDateMayShift, westBengalToGregorian, WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES, WEST_BENGAL_VERIFIED_FROM,
  WEST_BENGAL_VERIFIED_TO,
} from "./west-bengal-calendar.js";

export type { BanglaCalendarName } from "./reading.js";

/** One Bangla calendar's conversions, for the reader. */
export interface BanglaCalendar {
  name: BanglaCalendarName;
  /** How messages name it: "the Bangladesh calendar". */
  label: string;
  /** The Gregorian date of a Bangla one, or undefined if that day does not exist (or lies outside the range). */
  toGregorian(year: number, month: number, day: number): Ymd | undefined;
  /** The Bangla date of a Gregorian one, or undefined outside the calendar's range. */
  fromGregorian(year: number, month: number, day: number): Ymd | undefined;
  /** The most days each month (index 0 = বৈশাখ) has in any year. */
  longestMonths: readonly number[];
  /** What a day that does not exist is checked against, for the error. */
  rule: string;
  /** Bangla years the conversion is verified for; a date outside them is refused rather than guessed. */
  years: { from: number; to: number };
  /** Whether printed almanacs may put this Bangla date one day earlier or later than `toGregorian` does. */
  mayShift(year: number, month: number, day: number): boolean;
  /** Why a date may shift, for the note. */
  shiftReason?: string;
}

const BANGLADESH: BanglaCalendar = {
  name: "bangladesh",
  label: "the Bangladesh calendar",
  toGregorian: banglaToGregorian,
  fromGregorian: gregorianToBangla,
  longestMonths: BANGLA_LONGEST_MONTHS,
  rule: "a day that exists in that Bangla month (Bangladesh calendar, docs/dates.md)",
  years: { from: 1, to: 9999 },
  mayShift: () => false,
};

/**
 * West Bengal's traditional calendar as its almanacs reckon it (west-bengal-calendar.ts, ADR 0005): verified for
 * ১৩৫৭–১৪৬৭ (14 April 1950 – 2061) and refused outside those years.
 */
const WEST_BENGAL: BanglaCalendar = {
  name: "west-bengal",
  label: "the West Bengal calendar",
  toGregorian: (year, month, day) => (inYears(WEST_BENGAL, year) ? westBengalToGregorian(year, month, day) : undefined),
  fromGregorian: (year, month, day) => {
    const date = year >= 1950 && year <= 2062 ? gregorianToWestBengal(year, month, day) : undefined;
    return date && inYears(WEST_BENGAL, date.year) ? date : undefined;
  },
  longestMonths: [31, 32, 32, 32, 32, 31, 30, 30, 30, 30, 30, 31],
  rule: "a day that exists in that Bangla month (West Bengal calendar: months of 29 to 32 days set by the sun, docs/adr/0005-west-bengal-calendar.md)",
  years: { from: WEST_BENGAL_VERIFIED_FROM, to: WEST_BENGAL_VERIFIED_TO },
  mayShift: westBengalDateMayShift,
  shiftReason: `its month begins within ${WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES} minutes of the midnight that decides its first day, so printed almanacs may put it one day earlier or later`,
};

function inYears(calendar: BanglaCalendar, year: number): boolean {
  return year >= calendar.years.from && year <= calendar.years.to;
}

/** Whether the calendar converts dates of that Bangla year. */
export function coversYear(calendar: BanglaCalendar, year: number): boolean {
  return inYears(calendar, year);
}

/** The calendars by name; undefined for one the reader cannot convert. */
const CALENDARS: Readonly<Record<BanglaCalendarName, BanglaCalendar | undefined>> = {
  bangladesh: BANGLADESH,
  "west-bengal": WEST_BENGAL,
};

/** How messages name a calendar, whether or not it can be converted. */
export const CALENDAR_LABELS: Readonly<Record<BanglaCalendarName, string>> = {
  bangladesh: "the Bangladesh calendar",
  "west-bengal": "the West Bengal calendar",
};

/** West Bengal's months have at most 32 days: a day beyond that is impossible in either calendar. */
const ANY_CALENDAR_LONGEST: readonly number[] = [32, 32, 32, 32, 32, 31, 31, 31, 31, 31, 31, 31];

/** The calendar of that name, or undefined if the reader cannot convert it. */
export function banglaCalendar(name: BanglaCalendarName): BanglaCalendar | undefined {
  return CALENDARS[name];
}

/** The most days each Bangla month can have in the named calendar (or in any, when it cannot be converted). */
export function longestBanglaMonths(name: BanglaCalendarName): readonly number[] {
  return CALENDARS[name]?.longestMonths ?? ANY_CALENDAR_LONGEST;
}

/** Zones whose sites print West Bengal's calendar; every other zone defaults to Bangladesh's. */
const WEST_BENGAL_ZONES = new Set(["Asia/Kolkata", "Asia/Calcutta"]);

/**
 * The Bangla calendar a site in `timeZone` prints when it does not say: West Bengal's for India's zone
 * (Asia/Kolkata, and its old name Asia/Calcutta), Bangladesh's for every other.
 * @example defaultBanglaCalendar("Asia/Kolkata") // "west-bengal"
 */
export function defaultBanglaCalendar(timeZone: string): BanglaCalendarName {
  return WEST_BENGAL_ZONES.has(timeZone) ? "west-bengal" : "bangladesh";
}
