/**
 * Dates at the cursor: numeric (১৩/০৭/২০২৫, 2025-07-13, ৫/৮/২৫), day–month–year in any calendar (১৩ জুলাই ২০২৫,
 * ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭, পহেলা বৈশাখ ১৪৩২), month first (July 13, 2025), year first (২০১৮ আগস্ট ১৪,
 * ১৪২৮ বঙ্গাব্দের ১৯ জ্যৈষ্ঠ), and ages (২ ঘণ্টা আগে, ১ ঘণ্টা ২০ মিনিট আগে). Each step returns false when the
 * tokens are not its shape, so the next can try; it throws when they are its shape but wrong.
 */
import { longestBanglaMonths } from "./calendars.js";
import { after, found, isNum, isPunct, phraseAt, wordIs, type Scan } from "./cursor.js";
import { toBengaliDigits } from "./digits.js";
import { DateParseError } from "./errors.js";
import { checkGregorian, GREGORIAN_LONGEST_MONTHS } from "./gregorian.js";
import { ERA_WORDS, GREGORIAN_MONTHS, RELATIVE_UNITS } from "./lexicon.js";
import type { Ymd } from "./reading.js";
import type { Token } from "./tokenise.js";
import { isOrdinal, nearestMonth, nearMissDistance, type Entry, type MonthEntry } from "./words.js";

const isMonth = (e: Entry): e is MonthEntry => e.type === "gmonth" || e.type === "bmonth" || e.type === "hmonth";
/** Words of a time or an age that may follow a number: ৫টা, ২ ঘণ্টা আগে, ৫ পিএম. */
const TIME_OR_AGE = new Set<Entry["type"]>(["hour-word", "minute-word", "second-word", "unit", "newsroom-hours", "am", "pm"]);
const DATE_SEPARATORS = "-/.";

/**
 * 2025-07-13, 2025/07/13, and the day-first dates Bangladesh and India write: 13/07/2025, 13-07-2025, 13.07.2025,
 * 13/07-2025, and CLDR's short ৫/৮/২৫ (with a note on the two-digit year). Never month first: see docs/dates.md.
 */
export function readNumericDate(scan: Scan, token: Token): boolean {
  const [a, s1, b, s2, c] = scan.tokens.slice(scan.i, scan.i + 5);
  if (!isPunct(s1, DATE_SEPARATORS) || !isPunct(s2, DATE_SEPARATORS) || !isNum(b, 2) || !isNum(c)) return false;
  let date: Ymd;
  if (isNum(a, 4, 4) && isNum(c, 2)) date = { year: +a!.text, month: +b!.text, day: +c!.text };
  else if (isNum(a, 2) && isNum(c, 4, 4)) date = { year: +c!.text, month: +b!.text, day: +a!.text };
  else if (isNum(a, 2) && isNum(c, 2, 2) && !isPunct(scan.tokens[scan.i + 5], ":.")) {
    date = { year: fullYear(scan, c!), month: +b!.text, day: +a!.text };
  } else return false;
  addGregorian(scan, date, token.start, c!.end);
  scan.i += 5;
  return true;
}

/**
 * A day (a number, or a day word such as পহেলা whose tokens end before `j`), then a month and a year:
 * ১৩ জুলাই ২০২৫, ১৩ই জুলাই, ২০২৫, ১৩ ই ফেব্রুয়ারি ২০২৫, ০১-এপ্রিল/২০২৩, ১২ অক্টোবর, বুধবার, ২০২২, ২৯ আষাঢ় ১৪৩২,
 * ১৭ মহররম ১৪৪৭, ১৩ জুলাই ২৫ (two-digit year, with a note).
 */
export function readDayMonthYear(scan: Scan, day: number, first: Token, j: number): boolean {
  const { tokens } = scan;
  if (first.kind === "num") j = skipOrdinal(scan, first, j);
  if (isPunct(tokens[j], "-.,/")) j++;
  if (tokens[j]?.kind !== "word") return false;
  const phrase = phraseAt(scan, j);
  const month = phrase?.entries.find(isMonth);
  if (!month) return readUnknownHijri(scan, first, j) || refuseNonMonth(scan, j, phrase);
  let k = j + phrase!.length;
  if (isPunct(tokens[k], ".:")) k++; // জানু. and ডিসেঃ (a visarga, read as a colon)
  if (isPunct(tokens[k], ",-|/")) k++;
  k = skipWeekday(scan, k);
  const monthEnd = tokens[j + phrase!.length - 1]!.end;
  const year = readYearAt(scan, k, month);
  if (year === undefined) refuseMissingYear(scan, day, first, month, monthEnd, k - 1);
  addDate(scan, month, { year, month: month.value, day }, first.start, tokens[k]!.end, scan.text.slice(tokens[j]!.start, monthEnd));
  scan.i = k + 1;
  return true;
}

/** ১৩ই, ১লা (joined) or ১৩ ই (after a space) after a day number. */
function skipOrdinal(scan: Scan, day: Token, j: number): number {
  const word = scan.tokens[j];
  return word?.kind === "word" && isOrdinal(word.text, word.start === day.end) ? j + 1 : j;
}

/** A weekday printed between the month and the year (১২ অক্টোবর, বুধবার, ২০২২) is recorded and skipped. */
function skipWeekday(scan: Scan, k: number): number {
  if (!wordIs(scan, k, "weekday")) return k;
  let next = after(scan, k);
  if (isPunct(scan.tokens[next], ",-|")) next++;
  if (!isNum(scan.tokens[next], 4, 4)) return k;
  const phrase = phraseAt(scan, k)!;
  const start = scan.tokens[k]!.start;
  scan.weekdays.push({ value: phrase.entries.find((e) => e.type === "weekday")!.value, start, end: start + phrase.text.length, text: phrase.text });
  return next;
}

/** The year at token `k`: four digits, or (after a Gregorian month) two digits that are not an hour or amount. */
function readYearAt(scan: Scan, k: number, month: MonthEntry): number | undefined {
  const token = scan.tokens[k];
  if (isNum(token, 4, 4)) return +token!.text;
  if (month.type !== "gmonth" || !isNum(token, 2, 2)) return undefined;
  const next = scan.tokens[k + 1];
  if ((isPunct(next, ":.") && isNum(scan.tokens[k + 2])) || phraseAt(scan, k + 1)?.entries.some((e) => TIME_OR_AGE.has(e.type) || isMonth(e))) return undefined;
  return fullYear(scan, token!);
}

/** A two-digit year as POSIX reads one (00–68 → 2000s, 69–99 → 1900s), with a note saying so. */
function fullYear(scan: Scan, token: Token): number {
  const yy = +token.text;
  const year = yy <= 68 ? 2000 + yy : 1900 + yy;
  const written = scan.text.slice(token.start, token.end);
  scan.notes.push({
    code: "date.two-digit-year",
    message: `the year "${written}" was read as ${toBengaliDigits(String(year))} (two-digit years 00–68 are read as 2000–2068, 69–99 as 1969–1999); print the year in full to be sure`,
  });
  return year;
}

/**
 * A day, one to three words the lexicon does not know and a year followed by হিজরি: a Hijri date with a month
 * spelling missing from the tables, set aside like any Hijri date so a three-date line does not fail on it.
 */
function readUnknownHijri(scan: Scan, first: Token, j: number): boolean {
  const { tokens } = scan;
  let k = j;
  let words = 0;
  while (words < 3 && tokens[k]?.kind === "word" && !phraseAt(scan, k)) {
    words++;
    k++;
    if (isPunct(tokens[k], "-") && tokens[k + 1]?.kind === "word") k++;
  }
  if (words === 0) return false;
  if (isPunct(tokens[k], ",")) k++;
  if (!isNum(tokens[k], 4, 4) || !wordIs(scan, k + 1, "era") || ERA_WORDS[phraseAt(scan, k + 1)!.entries.find((e) => e.type === "era")!.value]!.calendar !== "hijri") return false;
  const end = tokens[k]!.end;
  scan.hijri.push(found(scan, scan.text.slice(first.start, end), first.start, end));
  scan.i = k + 1;
  return true;
}

/**
 * A word after a day number that is not a month. Between a day and a year any word stands where a month should,
 * so it is an unknown month; without a year, only an unknown near miss of a month name is (১৩ জুলুই).
 */
function refuseNonMonth(scan: Scan, index: number, phrase: ReturnType<typeof phraseAt>): false {
  if (phrase?.entries.some((e) => TIME_OR_AGE.has(e.type))) return false;
  const word = scan.tokens[index]!;
  const suggestion = nearestMonth(word.text);
  let next = index + (phrase?.length ?? 1);
  if (isPunct(scan.tokens[next], ",-/.")) next++;
  const yearFollows = isNum(scan.tokens[next], 4, 4);
  if (!yearFollows && (phrase !== undefined || suggestion.distance > nearMissDistance(word.text))) return false;
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
function refuseMissingYear(scan: Scan, day: number, first: Token, month: MonthEntry, monthEnd: number, lastIndex: number): never {
  const longest = (month.type === "bmonth" ? longestBanglaMonths(scan.context.calendar) : month.type === "gmonth" ? GREGORIAN_LONGEST_MONTHS : undefined)?.[month.value - 1];
  if (longest !== undefined && (day < 1 || day > longest)) {
    // ৩১ এপ্রিল is impossible in any year: say that, rather than ask for a year that would not help.
    throw new DateParseError("date.impossible-date", first.start, scan.text.slice(first.start, monthEnd), `a day from 1 to ${longest} in that month`, "no such day in the calendar, in any year");
  }
  throw new DateParseError(
    "date.no-year",
    first.start,
    scan.text.slice(first.start, scan.tokens[lastIndex]!.end),
    "a four-digit year after the month, e.g. ১৩ জুলাই ২০২৫ (patrika never guesses the year)",
    "the date has no year",
  );
}

/**
 * Month first, with the cursor on the month (spanning `wordCount` tokens): "July 13, 2025", "Jul. 13 2025",
 * "ফেব্রুয়ারি ২৪, ২০২৪", "আগস্ট ৫ই, 2025", and mastheads' "Srabon 21, 1432" and "Safar 10, 1447".
 */
export function readMonthFirst(scan: Scan, month: MonthEntry, wordCount: number): boolean {
  const { tokens } = scan;
  let j = scan.i + wordCount;
  if (isPunct(tokens[j], ".")) j++;
  const day = tokens[j];
  if (!isNum(day, 2)) return false;
  j = skipOrdinal(scan, day!, j + 1);
  if (isPunct(tokens[j], ",")) j++;
  const year = tokens[j];
  if (!isNum(year, 4, 4)) return false;
  const start = tokens[scan.i]!.start;
  addDate(scan, month, { year: +year!.text, month: month.value, day: +day!.text }, start, year!.end, scan.text.slice(start, tokens[scan.i + wordCount - 1]!.end));
  scan.i = j + 1;
  return true;
}

/**
 * Year first, as gazettes, body text and some CMS templates print it: ২০১৮ আগস্ট ১৪, 2025 July 13,
 * ১৪২৮ বঙ্গাব্দের ১৯ জ্যৈষ্ঠ, ২০২১ খ্রিষ্টাব্দের ০২ জুন, ২০২১ সালের ২ জুন. Not when a year follows the month too
 * (then the first number is not this date's year).
 */
export function readYearFirst(scan: Scan, token: Token): boolean {
  if (!isNum(token, 4, 4)) return false;
  const { tokens } = scan;
  let j = scan.i + 1;
  while (wordIs(scan, j, "era")) j = after(scan, j);
  if (isPunct(tokens[j], ",")) j++;
  const year = +token.text;
  const monthHere = phraseAt(scan, j)?.entries.find(isMonth);
  if (monthHere) {
    let k = after(scan, j);
    if (isPunct(tokens[k], ".")) k++;
    const day = tokens[k];
    if (!isNum(day, 2) || isPunct(tokens[k + 1], ":.")) return false;
    const end = skipOrdinal(scan, day!, k + 1);
    addDate(scan, monthHere, { year, month: monthHere.value, day: +day!.text }, token.start, tokens[end - 1]!.end, phraseAt(scan, j)!.text);
    scan.i = end;
    return true;
  }
  const day = tokens[j];
  if (!isNum(day, 2)) return false;
  let k = skipOrdinal(scan, day!, j + 1);
  if (isPunct(tokens[k], "-./")) k++;
  const month = phraseAt(scan, k)?.entries.find(isMonth);
  if (!month) return false;
  const end = after(scan, k);
  if (isNum(tokens[isPunct(tokens[end], ",-/") ? end + 1 : end], 4, 4)) return false;
  addDate(scan, month, { year, month: month.value, day: +day!.text }, token.start, tokens[end - 1]!.end, phraseAt(scan, k)!.text);
  scan.i = end;
  return true;
}

/** How many units a token counts in an age: a number, or a word for one (এক, a, an). */
function countAt(scan: Scan, j: number): number | undefined {
  const token = scan.tokens[j];
  if (isNum(token)) return +token!.text;
  return wordIs(scan, j, "one") && phraseAt(scan, j)!.length === 1 ? 1 : undefined;
}

/** Ages: "২ ঘণ্টা আগে", "5 minutes ago", "১ ঘণ্টা ২০ মিনিট আগে", "২ মাস আগে", "এক ঘন্টা আগে", "an hour ago". */
export function readRelativeAgo(scan: Scan, token: Token): boolean {
  const { tokens } = scan;
  let j = scan.i;
  let amountMs = 0;
  let months = 0;
  let precision: "second" | "minute" | "day" = "day";
  for (let count = countAt(scan, j); count !== undefined && wordIs(scan, j + 1, "unit"); count = countAt(scan, j)) {
    const unit = RELATIVE_UNITS[phraseAt(scan, j + 1)!.entries.find((e) => e.type === "unit")!.value]!;
    amountMs += count * unit.ms;
    months += count * unit.months;
    if (unit.precision === "second" || (unit.precision === "minute" && precision === "day")) precision = unit.precision;
    j = after(scan, j + 1);
  }
  if (j === scan.i || !wordIs(scan, j, "ago")) return false;
  const end = tokens[after(scan, j) - 1]!.end;
  scan.relatives.push(found(scan, { kind: "ago", amountMs, months, precision }, token.start, end));
  scan.i = after(scan, j);
  return true;
}

/** Records a date in the calendar its month names; `monthText` is the month as written, for a misspelling's note. */
function addDate(scan: Scan, month: MonthEntry, date: Ymd, start: number, end: number, monthText: string): void {
  if (month.type === "gmonth") {
    if (month.misspelt) {
      scan.notes.push({ code: "date.misspelt-month", message: `"${monthText}" is a misspelling, read as ${GREGORIAN_MONTHS[month.value - 1]![0]}` });
    }
    addGregorian(scan, date, start, end);
  } else if (month.type === "bmonth") {
    scan.bangla.push(found(scan, date, start, end));
  } else {
    scan.hijri.push(found(scan, scan.text.slice(start, end), start, end));
  }
}

function addGregorian(scan: Scan, date: Ymd, start: number, end: number): void {
  checkGregorian(date, scan.text, start, end);
  scan.gregorian.push(found(scan, date, start, end));
}
