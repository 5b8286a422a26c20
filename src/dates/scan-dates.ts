/**
 * Dates at the cursor: numeric (১৩/০৭/২০২৫, 2025-07-13), day–month–year in any calendar (১৩ জুলাই ২০২৫,
 * ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭), month first (July 13, 2025), and ages (২ ঘণ্টা আগে). Each step returns false
 * when the tokens are not its shape, so the next can try; it throws when they are its shape but wrong.
 */
import { banglaToGregorian, BANGLA_LONGEST_MONTHS } from "./bangla-calendar.js";
import { isNum, isPunct, phraseAt, type Scan } from "./cursor.js";
import { DateParseError } from "./errors.js";
import { checkGregorian, GREGORIAN_LONGEST_MONTHS } from "./gregorian.js";
import { RELATIVE_UNITS } from "./lexicon.js";
import type { Ymd } from "./reading.js";
import type { Token } from "./tokenise.js";
import { isOrdinal, nearestMonth, nearMissDistance, type Entry, type MonthEntry } from "./words.js";

/** 2025-07-13, 2025/07/13, and Bangladesh's day-first 13/07/2025, 13-07-2025, 13.07.2025 (never month-first). */
export function readNumericDate(scan: Scan, token: Token): boolean {
  const [a, s1, b, s2, c] = scan.tokens.slice(scan.i, scan.i + 5);
  if (!isPunct(s1, "-", "/", ".") || !isPunct(s2, s1!.text) || !isNum(b, 2) || !isNum(c)) return false;
  let date: Ymd;
  if (isNum(a, 4, 4) && isNum(c, 2)) date = { year: +a!.text, month: +b!.text, day: +c!.text };
  else if (isNum(a, 2) && isNum(c, 4, 4)) date = { year: +c!.text, month: +b!.text, day: +a!.text };
  else return false;
  addGregorian(scan, date, token.start, c!.end);
  scan.i += 5;
  return true;
}

const isMonth = (e: Entry): e is MonthEntry => e.type === "gmonth" || e.type === "bmonth" || e.type === "hmonth";
/** Words of a time or an age that may follow a number: ৫টা, ২ ঘণ্টা আগে, ৫ পিএম. */
const TIME_OR_AGE = new Set<Entry["type"]>(["hour-word", "minute-word", "unit", "am", "pm"]);

/** ১৩ জুলাই ২০২৫, ১৩ই জুলাই, ২০২৫, ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭, 13 Jul 2025, 13-Jul-2025. */
export function readDayMonthYear(scan: Scan, token: Token): boolean {
  if (!isNum(token, 2)) return false;
  const { tokens } = scan;
  let j = scan.i + 1;
  if (tokens[j]?.kind === "word" && tokens[j]!.start === token.end && isOrdinal(tokens[j]!.text)) j++;
  if (isPunct(tokens[j], "-", ".", ",")) j++;
  if (tokens[j]?.kind !== "word") return false;
  const phrase = phraseAt(scan, j);
  const month = phrase?.entries.find(isMonth);
  let k = j + (phrase?.length ?? 1);
  if (isPunct(tokens[k], ".")) k++;
  if (isPunct(tokens[k], ",", "-", "|")) k++;
  const year = tokens[k];
  if (!month) {
    if (phrase?.entries.some((e) => TIME_OR_AGE.has(e.type))) return false;
    refuseNonMonth(scan, j, isNum(year, 4, 4), phrase !== undefined);
    return false;
  }
  if (!isNum(year, 4, 4)) refuseMissingYear(scan, token, month, j + phrase!.length - 1, k - 1);
  const date = { year: +year!.text, month: month.value, day: +token.text };
  if (month.type === "gmonth") addGregorian(scan, date, token.start, year!.end);
  else if (month.type === "bmonth") addBangla(scan, date, token.start, year!.end);
  else scan.hijri.push({ value: scan.text.slice(token.start, year!.end), start: token.start, end: year!.end, text: "" });
  scan.i = k + 1;
  return true;
}

/**
 * A word after a day number that is not a month. Between a day and a year any word stands where a month should,
 * so it is an unknown month; without a year, only an unknown near miss of a month name is (১৩ জুলুই).
 */
function refuseNonMonth(scan: Scan, index: number, yearFollows: boolean, known: boolean): void {
  const word = scan.tokens[index]!;
  const suggestion = nearestMonth(word.text);
  if (!yearFollows && (known || suggestion.distance > nearMissDistance(word.text))) return;
  const written = scan.text.slice(word.start, word.end);
  throw new DateParseError(
    "date.unknown-month",
    word.start,
    written,
    `a month name (did you mean ${suggestion.name}?): জানুয়ারি … ডিসেম্বর, বৈশাখ … চৈত্র, or January … December`,
    `"${written}" is not a month name`,
  );
}

/** A day and month without a year: impossible in any year (৩১ এপ্রিল), or simply missing its year. */
function refuseMissingYear(scan: Scan, day: Token, month: MonthEntry, monthEnd: number, lastIndex: number): never {
  const value = +day.text;
  const longest = (month.type === "bmonth" ? BANGLA_LONGEST_MONTHS : month.type === "gmonth" ? GREGORIAN_LONGEST_MONTHS : undefined)?.[month.value - 1];
  if (longest !== undefined && (value < 1 || value > longest)) {
    // ৩১ এপ্রিল is impossible in any year: say that, rather than ask for a year that would not help.
    throw new DateParseError(
      "date.impossible-date",
      day.start,
      scan.text.slice(day.start, scan.tokens[monthEnd]!.end),
      `a day from 1 to ${longest} in that month`,
      "no such day in the calendar, in any year",
    );
  }
  throw new DateParseError(
    "date.no-year",
    day.start,
    scan.text.slice(day.start, scan.tokens[lastIndex]!.end),
    "a four-digit year after the month, e.g. ১৩ জুলাই ২০২৫ (patrika never guesses the year)",
    "the date has no year",
  );
}

/** "July 13, 2025" / "Jul. 13 2025", with the cursor on the month, which spans `wordCount` tokens. */
export function readMonthFirst(scan: Scan, month: number, wordCount: number): boolean {
  const { tokens } = scan;
  let j = scan.i + wordCount;
  if (isPunct(tokens[j], ".")) j++;
  const day = tokens[j];
  if (!isNum(day, 2)) return false;
  j++;
  if (tokens[j]?.kind === "word" && isOrdinal(tokens[j]!.text)) j++;
  if (isPunct(tokens[j], ",")) j++;
  const year = tokens[j];
  if (!isNum(year, 4, 4)) return false;
  addGregorian(scan, { year: +year!.text, month, day: +day!.text }, tokens[scan.i]!.start, year!.end);
  scan.i = j + 1;
  return true;
}

/** "২ ঘণ্টা আগে", "5 minutes ago". */
export function readRelativeAgo(scan: Scan, token: Token): boolean {
  const unit = phraseAt(scan, scan.i + 1);
  const unitEntry = unit?.entries.find((e) => e.type === "unit");
  if (!unit || !unitEntry || !("value" in unitEntry)) return false;
  const ago = phraseAt(scan, scan.i + 1 + unit.length);
  if (!ago?.entries.some((e) => e.type === "ago")) return false;
  const spec = RELATIVE_UNITS[unitEntry.value]!;
  const end = scan.tokens[scan.i + unit.length + ago.length]!.end;
  scan.relatives.push({
    value: { kind: "ago", amountMs: +token.text * spec.ms, precision: spec.precision },
    start: token.start,
    end,
    text: scan.text.slice(token.start, end),
  });
  scan.i += 1 + unit.length + ago.length;
  return true;
}

function addGregorian(scan: Scan, date: Ymd, start: number, end: number): void {
  checkGregorian(date, scan.text, start, end);
  scan.gregorian.push({ value: date, start, end, text: scan.text.slice(start, end) });
}

function addBangla(scan: Scan, date: Ymd, start: number, end: number): void {
  const found = { value: date, start, end, text: scan.text.slice(start, end) };
  const gregorian = banglaToGregorian(date.year, date.month, date.day);
  if (gregorian && gregorian.year > 9999) {
    throw new DateParseError("date.out-of-range", start, found.text, "a Bangla year up to ৯৪০৬ (Gregorian 9999)", "the date lies after the Gregorian year 9999");
  }
  if (!gregorian) {
    throw new DateParseError(
      "date.impossible-date",
      start,
      found.text,
      "a day that exists in that Bangla month (Bangladesh calendar, docs/dates.md)",
      "no such day in the Bangla calendar",
    );
  }
  scan.bangla.push(found);
}
