/** The shapes passed between the reader's steps: what was found where, and what a whole text says. */
import type { DateNote } from "./errors.js";

/** The Bangla calendars a caller may choose: Bangladesh's revised one, or West Bengal's traditional one. */
export const BANGLA_CALENDAR_NAMES = ["bangladesh", "west-bengal"] as const;
/** One of BANGLA_CALENDAR_NAMES. */
export type BanglaCalendarName = (typeof BANGLA_CALENDAR_NAMES)[number];

/** A calendar date: year, month 1–12, day 1–31. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** A time of day on the 24-hour clock. */
export interface ClockTime {
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

/**
 * A date counted from now: an age (২ ঘণ্টা আগে: `amountMs` before now, less `months` calendar months), a named day
 * (গতকাল), or now itself (এইমাত্র).
 */
export type Relative =
  | { kind: "ago"; amountMs: number; months: number; precision: "second" | "minute" | "day" }
  | { kind: "day"; days: number }
  | { kind: "now" };

/** What the reader needs to know about the call: the site's zone and the Bangla calendar in force. */
export interface ReadContext {
  timeZone: string;
  calendar: BanglaCalendarName;
}

/** What a text says, before zone conversion. */
export interface Reading {
  /** Gregorian calendar date, from the text or converted from a Bangla date. */
  date?: Ymd;
  /** The calendar the date was written in. */
  calendar: "gregorian" | "bangla";
  /** The Bangla calendar a Bangla date in the text was converted or checked with. */
  banglaCalendar?: BanglaCalendarName;
  time?: ClockTime;
  /** An offset the text gives (+06:00, GMT+6, IST). */
  offsetMinutes?: number;
  /** An IANA zone the text names (বাংলাদেশ সময়, BST on a Dhaka site), whose offset at that date applies. */
  zone?: string;
  /** Where the zone is named, for an error if it disagrees with an offset. */
  zoneAt?: Found<string>;
  relative?: Relative;
  /** Where the relative form is in the input, for errors found when it is resolved against now. */
  relativeAt?: { start: number; text: string };
  /** A relative form printed beside an explicit date: the date wins; it is only checked against now. */
  besideRelative?: Found<Relative>;
  /** The small hours belong to the day after the printed date ("দিবাগত রাত"). */
  nightAfter: boolean;
  notes: DateNote[];
}

/**
 * A Reading with every field present, always in this order. The fast paths, the ISO reader and the full scanner
 * each made their own object literal, and an ISO reading gained fields as it went: the resolvers that read them
 * (parseBengaliDate, resolveAbsolute) then met several hidden classes at each property and V8 fell back to its
 * slow, megamorphic look-ups. One shape keeps them monomorphic (bench/dates.mjs).
 */
export function newReading(calendar: Reading["calendar"], nightAfter: boolean, notes: DateNote[], date?: Ymd, time?: ClockTime, offsetMinutes?: number): Reading {
  return {
    date,
    calendar,
    banglaCalendar: undefined,
    time,
    offsetMinutes,
    zone: undefined,
    zoneAt: undefined,
    relative: undefined,
    relativeAt: undefined,
    besideRelative: undefined,
    nightAfter,
    notes,
  };
}

/** One part found in the text, with where it is. */
export interface Found<T> {
  value: T;
  start: number;
  end: number;
  text: string;
}

/** What the reader accepts, for error messages that have nothing more specific to say. */
export const ACCEPTED =
  "a date such as ১৩ জুলাই ২০২৫, ২৯ আষাঢ় ১৪৩২, 13 July 2025 or 2025-07-13, optionally with a time such as ১৭:২৮ or বিকেল ৫টা ২৮ মিনিট";
