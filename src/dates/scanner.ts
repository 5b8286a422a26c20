/**
 * Tokens → found parts. The scanner walks the tokens once; at a number it tries each shape a number can start
 * (a numeric date, a day–month–year, an age, a time), at a word it records what the lexicon says the word is.
 * What the parts mean together is resolve.ts's job.
 */
import { entryAt, isNum, isPunct, phraseAt, startScan, valueAt, type Scan } from "./cursor.js";
import { DateParseError } from "./errors.js";
import { parseOffset } from "./iso.js";
import { ACCEPTED } from "./reading.js";
import { readDayMonthYear, readMonthFirst, readNumericDate, readRelativeAgo } from "./scan-dates.js";
import { readTime } from "./scan-times.js";
import { tokenise, type Token } from "./tokenise.js";

/** Scans the whole text (tokenised already, or here); throws a DateParseError at the first part that cannot be read. */
export function scan(text: string, tokens: readonly Token[] = tokenise(text)): Scan {
  const state = startScan(text, tokens);
  while (state.i < state.tokens.length) {
    const token = state.tokens[state.i]!;
    if (token.kind === "punct") state.i++;
    else if (token.kind === "num") readNumber(state, token);
    else readWord(state, token);
  }
  const dangling = state.pendingQuarter ?? state.pendingPeriod;
  if (dangling) {
    throw new DateParseError("date.invalid-time", dangling.start, dangling.text, "a time after it, such as বিকেল ৫টা", `"${dangling.text}" is not followed by a time`);
  }
  return state;
}

// -- words

function readWord(scan: Scan, token: Token): void {
  if (readIsoLetter(scan, token)) return;
  const phrase = phraseAt(scan, scan.i);
  if (!phrase) {
    scan.ignored.push(scan.text.slice(token.start, token.end));
    scan.i++;
    return;
  }
  const month = valueAt(scan, scan.i, "gmonth");
  if (month !== undefined && readMonthFirst(scan, month, phrase.length)) return;
  const at = scan.i;
  scan.i += phrase.length;
  const end = scan.tokens[scan.i - 1]!.end;
  const found = <T>(value: T) => ({ value, start: token.start, end, text: phrase.text });
  const weekday = valueAt(scan, at, "weekday");
  const period = valueAt(scan, at, "period");
  const quarter = valueAt(scan, at, "quarter");
  const relDay = valueAt(scan, at, "rel-day");
  if (weekday !== undefined) scan.weekdays.push(found(weekday));
  else if (period !== undefined) scan.pendingPeriod = found(period);
  else if (quarter !== undefined) scan.pendingQuarter = found(quarter);
  else if (relDay !== undefined) scan.relatives.push(found({ kind: "day", days: relDay }));
  else if (entryAt(scan, at, "just-now")) scan.relatives.push(found({ kind: "now" }));
  else if (entryAt(scan, at, "night-after")) scan.nightAfter = true;
  else if (entryAt(scan, at, "offset")) readOffsetAfterWord(scan);
  else if (entryAt(scan, at, "am") || entryAt(scan, at, "pm")) {
    throw new DateParseError("date.invalid-time", token.start, phrase.text, "AM/PM right after a time such as ৫:২৮", `"${phrase.text}" is not after a time`);
  } else if (month !== undefined || entryAt(scan, at, "bmonth") || entryAt(scan, at, "hmonth")) {
    throw new DateParseError("date.no-day", token.start, phrase.text, "a day number before the month, e.g. ১৩ জুলাই ২০২৫", `the month "${phrase.text}" has no day`);
  }
  // frame words, ordinals, fillers and unit words outside a relative form frame the date and change nothing
}

/** ISO 8601's letters inside a scanned text: "T" right after a date, "Z" right after a time (UTC). */
function readIsoLetter(scan: Scan, token: Token): boolean {
  if (token.text === "z" && scan.times[scan.times.length - 1]?.end === token.start) {
    setOffset(scan, 0, token);
    scan.i++;
    return true;
  }
  if (token.text === "t" && scan.gregorian[scan.gregorian.length - 1]?.end === token.start) {
    scan.i++;
    return true;
  }
  return false;
}

/** "GMT+6", "UTC+06:00", or GMT/UTC alone (offset 0), with the cursor after the word. */
function readOffsetAfterWord(scan: Scan): void {
  const { tokens } = scan;
  const sign = tokens[scan.i];
  if (!isPunct(sign, "+", "-")) {
    setOffset(scan, 0, sign);
    return;
  }
  const hours = tokens[scan.i + 1];
  if (!isNum(hours, 4)) throw new DateParseError("date.invalid-offset", sign!.start, sign!.text, "an offset such as GMT+6 or UTC+06:00", "the offset has no hours");
  let digits = hours!.text.length > 2 ? hours!.text : hours!.text.padStart(2, "0");
  let end = scan.i + 2;
  if (isPunct(tokens[end], ":") && isNum(tokens[end + 1], 2, 2)) {
    digits += tokens[end + 1]!.text;
    end += 2;
  }
  setOffset(scan, parseOffset(`${sign!.text}${digits}`, sign!.start, scan.text.slice(sign!.start, tokens[end - 1]!.end)), sign);
  scan.i = end;
}

function setOffset(scan: Scan, minutes: number, at: Token | undefined): void {
  if (scan.offsetMinutes !== undefined && scan.offsetMinutes !== minutes) {
    throw new DateParseError("date.conflict", at?.start ?? 0, at?.text ?? "", "one UTC offset", "the text gives two different UTC offsets");
  }
  scan.offsetMinutes = minutes;
}

// -- numbers

function readNumber(scan: Scan, token: Token): void {
  if (readOffsetAfterTime(scan, token)) return;
  if (readNumericDate(scan, token) || readDayMonthYear(scan, token) || readRelativeAgo(scan, token) || readTime(scan, token)) return;
  throw new DateParseError("date.unrecognised-number", token.start, scan.text.slice(token.start, token.end), ACCEPTED, "this number is not part of a date or time patrika can read");
}

/** "১৭:২৮ +০৬:০০" or "17:28:00+0600": a signed number right after a time is its offset. */
function readOffsetAfterTime(scan: Scan, token: Token): boolean {
  const sign = scan.tokens[scan.i - 1];
  const lastTime = scan.times[scan.times.length - 1];
  if (!isPunct(sign, "+", "-") || sign!.end !== token.start || !lastTime || scan.tokens[scan.i - 2]?.end !== lastTime.end) return false;
  scan.i--;
  readOffsetAfterWord(scan);
  return true;
}
