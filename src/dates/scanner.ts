/**
 * Tokens → found parts. The scanner walks the tokens once; at a number it tries each shape a number can start
 * (a numeric date, the newsroom clock, a day–month–year, a year-first date, an age, a time), at a word it tries
 * the shapes a word can start (a month-first date, পহেলা বৈশাখ, দেড়টা, PM 5:07) and otherwise records what the
 * lexicon says the word is. A word the lexicon does not know is recorded too, never dropped. What the parts mean
 * together is resolve.ts's job.
 */
import { after, entryAt, found, hasStamp, isNum, isPunct, phraseAt, startScan, valueAt, type Scan } from "./cursor.js";
import { DateParseError } from "./errors.js";
import { parseOffset } from "./iso.js";
import { ACCEPTED, type ReadContext } from "./reading.js";
import { readDayMonthYear, readMonthFirst, readNumericDate, readRelativeAgo, readYearFirst } from "./scan-dates.js";
import { readDottedMeridiem, readHalfHour, readNewsroomClock, readTime } from "./scan-times.js";
import { tokenise, type Token } from "./tokenise.js";
import type { MonthEntry } from "./words.js";

/** Scans the whole text (tokenised already, or here); throws a DateParseError at the first part that cannot be read. */
export function scan(text: string, context: ReadContext, tokens: readonly Token[] = tokenise(text)): Scan {
  const state = startScan(text, tokens, context);
  while (state.i < state.tokens.length) {
    const token = state.tokens[state.i]!;
    if (token.kind === "punct") state.i++;
    else if (token.kind === "num") readNumber(state, token);
    else readWord(state, token);
  }
  refuseDangling(state);
  return state;
}

/** A period of the day, quarter word or AM/PM that no hour followed. */
function refuseDangling(scan: Scan): void {
  const meridiem = scan.pendingMeridiem;
  if (meridiem) {
    throw new DateParseError("date.invalid-time", meridiem.start, meridiem.text, "AM/PM right after a time such as ৫:২৮, or right before one (PM ৫:২৮)", `"${meridiem.text}" is not next to a time`);
  }
  const dangling = scan.pendingQuarter ?? scan.pendingPeriod;
  if (dangling) {
    throw new DateParseError("date.invalid-time", dangling.start, dangling.text, "a time after it, such as বিকেল ৫টা", `"${dangling.text}" is not followed by a time`);
  }
}

// -- words

function readWord(scan: Scan, token: Token): void {
  if (readIsoLetter(scan, token)) return;
  const phrase = phraseAt(scan, scan.i);
  if (!phrase) {
    scan.unknown.push({ ...found(scan, scan.text.slice(token.start, token.end), token.start, token.end), index: scan.i });
    scan.i++;
    return;
  }
  if (readWordShape(scan, token)) return;
  if (entryAt(scan, scan.i, "label") && hasStamp(scan)) return setAsideSecondStamp(scan, token);
  const at = scan.i;
  scan.i += phrase.length;
  const part = <T>(value: T) => ({ value, start: token.start, end: token.start + phrase.text.length, text: phrase.text });
  const weekday = valueAt(scan, at, "weekday");
  const period = valueAt(scan, at, "period");
  const quarter = valueAt(scan, at, "quarter");
  const relDay = valueAt(scan, at, "rel-day");
  const zone = valueAt(scan, at, "zone");
  if (weekday !== undefined) scan.weekdays.push(part(weekday));
  else if (period !== undefined) scan.pendingPeriod = part(period);
  else if (quarter !== undefined) scan.pendingQuarter = part(quarter);
  else if (relDay !== undefined) scan.relatives.push(part({ kind: "day", days: relDay }));
  else if (zone !== undefined) scan.zones.push(part(zone));
  else if (entryAt(scan, at, "just-now")) scan.relatives.push(part({ kind: "now" }));
  else if (entryAt(scan, at, "night-after")) scan.nightAfter = true;
  else if (entryAt(scan, at, "offset")) readOffsetAfterWord(scan);
  else if (entryAt(scan, at, "am") || entryAt(scan, at, "pm")) {
    throw new DateParseError("date.invalid-time", token.start, phrase.text, "AM/PM right after a time such as ৫:২৮, or right before one (PM ৫:২৮)", `"${phrase.text}" is not next to a time`);
  } else if (phrase.entries.some((e) => e.type === "gmonth" || e.type === "bmonth" || e.type === "hmonth")) {
    throw new DateParseError("date.no-day", token.start, phrase.text, "a day number before the month, e.g. ১৩ জুলাই ২০২৫", `the month "${phrase.text}" has no day`);
  }
  // labels, era words, frame words, places, ordinals, fillers and unit words outside an age change nothing
}

/** The shapes a word can start: July 13, 2025; পহেলা বৈশাখ ১৪৩২; দুপুর দেড়টায়; এক ঘন্টা আগে; PM ৫:০৭. */
function readWordShape(scan: Scan, token: Token): boolean {
  const phrase = phraseAt(scan, scan.i)!;
  const month = phrase.entries.find((e): e is MonthEntry => e.type === "gmonth" || e.type === "bmonth" || e.type === "hmonth");
  if (month && readMonthFirst(scan, month, phrase.length)) return true;
  const day = valueAt(scan, scan.i, "day-word");
  if (day !== undefined && readDayMonthYear(scan, day, token, after(scan, scan.i))) return true;
  if (entryAt(scan, scan.i, "half-hour")) return readHalfHour(scan, token);
  if (entryAt(scan, scan.i, "one") && readRelativeAgo(scan, token)) return true;
  return readMeridiemBefore(scan, token);
}

/** "PM 5:07", "এএম ১০:১৫": AM/PM printed before the time waits for the hour that follows it. */
function readMeridiemBefore(scan: Scan, token: Token): boolean {
  const am = entryAt(scan, scan.i, "am");
  const dotted = am || entryAt(scan, scan.i, "pm") ? undefined : readDottedMeridiem(scan, scan.i);
  if (!am && !entryAt(scan, scan.i, "pm") && !dotted) return false;
  const next = dotted?.next ?? after(scan, scan.i);
  if (!isNum(scan.tokens[next], 2)) return false;
  const value = dotted?.value ?? (am ? "am" : "pm");
  scan.pendingMeridiem = found(scan, value, token.start, scan.tokens[next - 1]!.end);
  scan.i = next;
  return true;
}

/**
 * A label after a date or time has been read starts a second stamp ("প্রকাশিত: … | আপডেট: …"): the first one
 * is read, and the rest is set aside with a note rather than mixed into it.
 */
function setAsideSecondStamp(scan: Scan, token: Token): void {
  const rest = scan.text.slice(token.start).trim();
  scan.notes.push({ code: "date.second-stamp", message: `a second stamp was set aside: "${rest}" (the first date in the text is read)` });
  scan.i = scan.tokens.length;
}

/** ISO 8601's letters inside a scanned text: "T" right after a date, "Z" right after a time (UTC). */
function readIsoLetter(scan: Scan, token: Token): boolean {
  if (token.text === "z" && scan.times[scan.times.length - 1]?.end === token.start) {
    setOffset(scan, 0, token, token.end);
    scan.i++;
    return true;
  }
  if (token.text === "t" && scan.gregorian[scan.gregorian.length - 1]?.end === token.start) {
    scan.i++;
    return true;
  }
  return false;
}

/** "GMT+6", "GMT +৬", "UTC+06:00", "GMT +৫:৩০", or GMT/UTC alone (offset 0), with the cursor after the word. */
function readOffsetAfterWord(scan: Scan): void {
  const { tokens } = scan;
  const word = tokens[scan.i - 1]!;
  const sign = tokens[scan.i];
  if (!isPunct(sign, "+-")) {
    setOffset(scan, 0, word, word.end);
    return;
  }
  const hours = tokens[scan.i + 1];
  if (!isNum(hours, 4)) throw new DateParseError("date.invalid-offset", sign!.start, sign!.text, "an offset such as GMT+6 or UTC+06:00", "the offset has no hours");
  let digits = hours!.text.length > 2 ? hours!.text.padStart(4, "0") : hours!.text.padStart(2, "0");
  let end = scan.i + 2;
  if (isPunct(tokens[end], ":") && isNum(tokens[end + 1], 2, 2)) {
    digits += tokens[end + 1]!.text;
    end += 2;
  }
  const text = scan.text.slice(sign!.start, tokens[end - 1]!.end);
  setOffset(scan, parseOffset(`${sign!.text}${digits}`, sign!.start, text), sign!, tokens[end - 1]!.end);
  scan.i = end;
}

function setOffset(scan: Scan, minutes: number, at: Token, end: number): void {
  if (scan.offset !== undefined && scan.offset.value !== minutes) {
    throw new DateParseError("date.conflict", at.start, scan.text.slice(at.start, end), "one UTC offset", "the text gives two different UTC offsets");
  }
  scan.offset = found(scan, minutes, at.start, end);
}

// -- numbers

function readNumber(scan: Scan, token: Token): void {
  if (readOffsetAfterTime(scan, token)) return;
  if (readNumericDate(scan, token) || readNewsroomClock(scan, token)) return;
  if (isNum(token, 2) && readDayMonthYear(scan, +token.text, token, scan.i + 1)) return;
  if (readYearFirst(scan, token) || readRelativeAgo(scan, token) || readTime(scan, token)) return;
  throw new DateParseError("date.unrecognised-number", token.start, scan.text.slice(token.start, token.end), ACCEPTED, "this number is not part of a date or time patrika can read");
}

/** "১৭:২৮ +০৬:০০" or "17:28:00+0600": a signed number right after a time is its offset. */
function readOffsetAfterTime(scan: Scan, token: Token): boolean {
  const sign = scan.tokens[scan.i - 1];
  const lastTime = scan.times[scan.times.length - 1];
  if (!isPunct(sign, "+-") || sign!.end !== token.start || !lastTime || scan.tokens[scan.i - 2]?.end !== lastTime.end) return false;
  scan.i--;
  readOffsetAfterWord(scan);
  return true;
}
