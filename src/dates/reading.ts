/** The shapes passed between the reader's steps: what was found where, and what a whole text says. */
import type { DateNote } from "./errors.js";

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

/** A date counted from now: an age (২ ঘণ্টা আগে), a named day (গতকাল), or now itself (এইমাত্র). */
export type Relative =
  | { kind: "ago"; amountMs: number; precision: "second" | "minute" | "day" }
  | { kind: "day"; days: number }
  | { kind: "now" };

/** What a text says, before zone conversion. */
export interface Reading {
  /** Gregorian calendar date, from the text or converted from a Bangla date. */
  date?: Ymd;
  calendar: "gregorian" | "bangla";
  time?: ClockTime;
  offsetMinutes?: number;
  relative?: Relative;
  /** Where the relative form is in the input, for errors found when it is resolved against now. */
  relativeAt?: { start: number; text: string };
  /** The small hours belong to the day after the printed date ("দিবাগত রাত"). */
  nightAfter: boolean;
  notes: DateNote[];
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
