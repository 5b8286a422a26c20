/**
 * The Bangla calendar (বঙ্গাব্দ) as Bangladesh keeps it, ↔ Gregorian dates. Sources and history:
 * docs/adr/0002-bangla-calendar.md.
 *
 * Both eras start every year on 14 April (১ বৈশাখ) and name their years Gregorian year − 593 from that day.
 * - 1987 rules (the 1966 Shahidullah committee's reform, adopted by the government in 1987), years up to 1425:
 *   বৈশাখ–ভাদ্র 31 days, আশ্বিন–চৈত্র 30, except ফাল্গুন 31 when its February is in a Gregorian leap year.
 * - Bangla Academy's 2019 revision, in force from আশ্বিন 1426 (years from 1426 on; বৈশাখ–ভাদ্র are 31 days in both,
 *   so the whole of 1426 follows it): বৈশাখ–আশ্বিন 31, কার্তিক–মাঘ and চৈত্র 30, ফাল্গুন 29, or 30 in a leap year.
 * Before 1987 the 1987 rules are applied proleptically (the traditional calendar then in use varied by almanac).
 */

/** The first Bangla year counted under the 2019 revision. */
export const REFORM_2019_YEAR = 1426;
/** Bangla year = Gregorian year − this, from 14 April on. */
const YEAR_OFFSET = 593;
const DAY_MS = 86_400_000;

const isGregorianLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The era whose rules govern a Bangla year. */
export function banglaEra(banglaYear: number): "2019" | "1987" {
  return banglaYear >= REFORM_2019_YEAR ? "2019" : "1987";
}

/** Lengths of the twelve months of a Bangla year (index 0 = বৈশাখ). */
export function banglaMonthLengths(banglaYear: number): number[] {
  // ফাল্গুন falls in February of the Gregorian year after the one in which the Bangla year began.
  const leap = isGregorianLeap(banglaYear + YEAR_OFFSET + 1);
  return banglaEra(banglaYear) === "2019"
    ? [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, leap ? 30 : 29, 30]
    : [31, 31, 31, 31, 31, 30, 30, 30, 30, 30, leap ? 31 : 30, 30];
}

/** The most days each Bangla month has in any year of either era (index 0 = বৈশাখ): ফাল্গুন had 31 in 1987 leap years. */
export const BANGLA_LONGEST_MONTHS: readonly number[] = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 31, 30];

/** UTC midnight of ১ বৈশাখ of a Bangla year. */
function newYearUtc(banglaYear: number): number {
  return Date.UTC(banglaYear + YEAR_OFFSET, 3, 14);
}

/** Gregorian (year, month 1–12, day) of a Bangla date, or undefined if that day does not exist. */
export function banglaToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } | undefined {
  const lengths = banglaMonthLengths(year);
  if (month < 1 || month > 12 || day < 1 || day > lengths[month - 1]!) return undefined;
  let days = day - 1;
  for (let m = 0; m < month - 1; m++) days += lengths[m]!;
  const date = new Date(newYearUtc(year) + days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The Bangla date of a Gregorian (year, month 1–12, day). */
export function gregorianToBangla(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const utc = Date.UTC(year, month - 1, day);
  const banglaYear = utc >= Date.UTC(year, 3, 14) ? year - YEAR_OFFSET : year - YEAR_OFFSET - 1;
  let remaining = Math.round((utc - newYearUtc(banglaYear)) / DAY_MS);
  const lengths = banglaMonthLengths(banglaYear);
  let m = 0;
  while (remaining >= lengths[m]!) remaining -= lengths[m++]!;
  return { year: banglaYear, month: m + 1, day: remaining + 1 };
}
