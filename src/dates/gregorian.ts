/** Gregorian calendar facts the reader checks dates against (proleptic, years 1–9999). */
import { DateParseError } from "./errors.js";

/** Gregorian month lengths in a leap year: the most days each month can have. */
export const GREGORIAN_LONGEST_MONTHS: readonly number[] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a Gregorian year has 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a Gregorian month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Throws `date.impossible-date` unless the date exists; `start`/`end` locate it in `text`. */
export function checkGregorian(date: { year: number; month: number; day: number }, text: string, start: number, end: number): void {
  const validMonth = date.month >= 1 && date.month <= 12;
  const days = validMonth ? daysInMonth(date.year, date.month) : 31;
  if (date.year < 1 || !validMonth || date.day < 1 || date.day > days) {
    throw new DateParseError(
      "date.impossible-date",
      start,
      text.slice(start, end),
      validMonth ? `a day from 1 to ${days} in that month` : "a month from 1 to 12",
      "no such day in the calendar",
    );
  }
}
