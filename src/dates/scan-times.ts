/**
 * Times of day at the cursor: ১৭:২৮, ১৭: ২৮, ১৭.২৮, ১৭:২৮:০৫.৫, ৫:২৮ পিএম, PM 5:07, 5 p.m., বিকেল ৫টা ২৮ মিনিট,
 * বেলা ১২টা ১৫ মিনিট ১৫ সেকেন্ড, সাড়ে ৫টা, বিকাল ৫.০০ ঘটিকায়, ৯:৩০ রাত, ১২ রাত্রি, দুপুর দেড়টায়, and the newsroom
 * clock ২০১৫ ঘণ্টা. A spoken hour from 1 to 12 with neither a period of the day nor AM/PM is refused, never guessed.
 */
import { after, found, isNum, isPunct, phraseAt, refuseUnknownNextTo, valueAt, wordIs, type Scan } from "./cursor.js";
import { DateParseError } from "./errors.js";
import { DAY_PERIODS, HALF_HOUR_WORDS } from "./lexicon.js";
import type { ClockTime, Found } from "./reading.js";
import type { Token } from "./tokenise.js";

/** The digits and words after the hour: minutes, seconds, fraction, or an o'clock word (৫টা). */
interface Clock {
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Written as spoken (৫টা, ৫.০০ ঘটিকায়, ১০:৩০ মিনিটে): from 1 to 12 it needs a period of the day or AM/PM. */
  spoken: boolean;
  /** The token after the clock. */
  next: number;
}

type Meridiem = "am" | "pm";
/** Where a piece of the time is in the text. */
type Span = { start: number; end: number; text: string };

/** Reads a time whose hour is `token`, the number at the cursor; false if it is not a time. */
export function readTime(scan: Scan, token: Token): boolean {
  if (!isNum(token, 2)) return false;
  return readTimeAt(scan, +token.text, token, readClock(scan, scan.i + 1));
}

/** দেড়টা (1:30) and আড়াইটা (2:30) at the cursor: spoken half hours without digits. */
export function readHalfHour(scan: Scan, token: Token): boolean {
  const row = HALF_HOUR_WORDS[valueAt(scan, scan.i, "half-hour")!]!;
  return readTimeAt(scan, row.hour, token, { minute: row.minute, spoken: true, next: after(scan, scan.i) }, true);
}

/**
 * The newsroom clock of wire copy: four digits and ঘণ্টা, "২০১৫ ঘণ্টা" = 20:15 (not followed by আগে, which makes
 * it an age).
 */
export function readNewsroomClock(scan: Scan, token: Token): boolean {
  if (!isNum(token, 4, 4) || !wordIs(scan, scan.i + 1, "newsroom-hours")) return false;
  const next = after(scan, scan.i + 1);
  if (wordIs(scan, next, "ago")) return false;
  const end = scan.tokens[next - 1]!.end;
  const span = found(scan, undefined, token.start, end);
  const hour = Math.floor(+token.text / 100);
  const minute = +token.text % 100;
  if (hour > 23 || minute > 59) throw new DateParseError("date.invalid-time", token.start, span.text, "a newsroom time from ০০০০ to ২৩৫৯ ঘণ্টা", "no such time of day");
  scan.times.push(found(scan, { hour, minute }, token.start, end));
  scan.i = next;
  return true;
}

/** The rest of a time once its hour and clock are known: AM/PM, a period after it, fillers; then the checks. */
function readTimeAt(scan: Scan, written: number, token: Token, clock: Clock, isTime = false): boolean {
  const meridiem: { value?: Meridiem; next: number } = readMeridiem(scan, clock.next) ?? { value: scan.pendingMeridiem?.value, next: clock.next };
  const trailing = scan.pendingPeriod || meridiem.value ? undefined : readTrailingPeriod(scan, meridiem.next);
  const named = isTime || clock.minute !== undefined || clock.spoken || meridiem.value || trailing || scan.pendingPeriod || scan.pendingQuarter;
  if (!named) return false;
  const period = scan.pendingPeriod ?? trailing?.period;
  let j = trailing?.next ?? meridiem.next;
  while (wordIs(scan, j, "filler")) j++;

  const opener = scan.pendingMeridiem ?? scan.pendingQuarter ?? scan.pendingPeriod;
  const start = Math.min(opener?.start ?? token.start, token.start);
  const end = scan.tokens[j - 1]!.end;
  const span = { start, end, text: scan.text.slice(start, end) };
  refuseUnknownNextTo(scan, span); // before the checks: the unknown word may be what they miss
  const time = toClockTime(written, clock, meridiem.value, period, scan.pendingQuarter, span, token);
  if (meridiem.value && isRedundantMeridiem(written, clock, meridiem.value)) {
    scan.notes.push({ code: "date.redundant-meridiem", message: `"${span.text}" is read on the 24-hour clock; its ${meridiem.value.toUpperCase()} agrees with it and changes nothing` });
  }
  const eitherHalf = !meridiem.value && !period && written >= 1 && written <= 12;
  scan.times.push(eitherHalf ? { value: time, ...span, eitherHalf } : { value: time, ...span });
  scan.pendingPeriod = undefined;
  scan.pendingQuarter = undefined;
  scan.pendingMeridiem = undefined;
  scan.i = j;
  return true;
}

/** ":২৮", ":২৮:০৫", ":২৮:০৫.৫", ".২৮" (then perhaps ঘটিকায় or মিনিটে), or "টা [২৮ মিনিট [১৫ সেকেন্ড]]" from token `j`. */
function readClock(scan: Scan, j: number): Clock {
  const { tokens } = scan;
  if (isPunct(tokens[j], ":.") && isNum(tokens[j + 1], 2, 2)) {
    const clock: Clock = { minute: +tokens[j + 1]!.text, spoken: false, next: j + 2 };
    if (isPunct(tokens[clock.next], ":") && isNum(tokens[clock.next + 1], 2, 2)) {
      clock.second = +tokens[clock.next + 1]!.text;
      clock.next += 2;
      if (isPunct(tokens[clock.next], ".") && isNum(tokens[clock.next + 1], 9)) {
        clock.millisecond = Math.floor(Number(`0.${tokens[clock.next + 1]!.text}`) * 1000);
        clock.next += 2;
      }
    }
    if (wordIs(scan, clock.next, "hour-word") || wordIs(scan, clock.next, "minute-word")) {
      clock.spoken = true;
      clock.next = after(scan, clock.next);
    }
    return clock;
  }
  if (!wordIs(scan, j, "hour-word")) return { spoken: false, next: j };
  const clock: Clock = { spoken: true, next: after(scan, j) };
  if (isNum(tokens[clock.next], 2) && wordIs(scan, clock.next + 1, "minute-word")) {
    clock.minute = +tokens[clock.next]!.text;
    clock.next = after(scan, clock.next + 1);
    if (isNum(tokens[clock.next], 2) && wordIs(scan, clock.next + 1, "second-word")) {
      clock.second = +tokens[clock.next]!.text;
      clock.next = after(scan, clock.next + 1);
    }
  }
  return clock;
}

/** "পিএম", "PM", "অপরাহ্ণ", or "a.m." / "p.m." (word, dot, word) at token `j`. */
function readMeridiem(scan: Scan, j: number): { value: Meridiem; next: number } | undefined {
  if (wordIs(scan, j, "am") || wordIs(scan, j, "pm")) return { value: wordIs(scan, j, "am") ? "am" : "pm", next: after(scan, j) };
  return readDottedMeridiem(scan, j);
}

const DOTTED_FIRST = new Set(["a", "p", "এ", "পি"]);
const DOTTED_SECOND = new Set(["m", "এম"]);

/** "a.m.", "p.m.", "এ.এম.", "পি.এম." at token `j`: word, dot, word, perhaps a dot. */
export function readDottedMeridiem(scan: Scan, j: number): { value: Meridiem; next: number } | undefined {
  const { tokens } = scan;
  const first = tokens[j]?.kind === "word" ? tokens[j]!.text : "";
  if (!DOTTED_FIRST.has(first) || !isPunct(tokens[j + 1], ".") || !DOTTED_SECOND.has(tokens[j + 2]?.text ?? "")) return undefined;
  return { value: first === "a" || first === "এ" ? "am" : "pm", next: isPunct(tokens[j + 3], ".") ? j + 4 : j + 3 };
}

/** A period of the day after the time ("১২:৩০ দুপুর", "৫টা বিকেলে", "৮:০৫ রাত্রিবেলায়"), unless it starts a time of its own. */
function readTrailingPeriod(scan: Scan, j: number): { period: Found<number>; next: number } | undefined {
  const value = wordIs(scan, j, "period") ? valueAt(scan, j, "period") : undefined;
  if (value === undefined) return undefined;
  const phrase = phraseAt(scan, j)!;
  const next = j + phrase.length;
  if (scan.tokens[next]?.kind === "num" || wordIs(scan, next, "quarter") || wordIs(scan, next, "half-hour")) return undefined;
  return { period: { value, start: scan.tokens[j]!.start, end: scan.tokens[next - 1]!.end, text: phrase.text }, next };
}

/** The parts of a time as one time on the 24-hour clock, or the error that says why they are none. */
function toClockTime(written: number, clock: Clock, meridiem: Meridiem | undefined, period: Found<number> | undefined, quarter: Found<number> | undefined, span: Span, token: Token): ClockTime {
  if ((clock.minute ?? 0) > 59 || (clock.second ?? 0) > 59) {
    throw new DateParseError("date.invalid-time", token.start, span.text, "minutes and seconds from ০০ to ৫৯", "no such time of day");
  }
  if ((clock.spoken || quarter) && !meridiem && !period && written >= 1 && written <= 12) {
    // "৫টা" alone is five in the morning or in the evening; patrika does not guess which.
    throw new DateParseError(
      "date.ambiguous-time",
      span.start,
      span.text,
      "a period of the day (সকাল ৫টা, বিকেল ৫টা), AM/PM, or a 24-hour time (১৭:০০)",
      `"${span.text}" does not say whether it is before or after noon`,
    );
  }
  let { hour, minute } = quarter ? applyQuarter(written, clock, quarter.value, span) : { hour: written, minute: clock.minute ?? 0 };
  if (meridiem) hour = applyMeridiem(hour, clock, meridiem, span, token);
  if (period) hour = applyPeriod(hour, meridiem, period, span);
  if (hour < 0 || hour > 23) throw new DateParseError("date.invalid-time", token.start, span.text, "a time from 00:00 to 23:59", "no such time of day");
  const time: ClockTime = { hour, minute };
  if (clock.second !== undefined) time.second = clock.second;
  if (clock.millisecond !== undefined) time.millisecond = clock.millisecond;
  return time;
}

/** সাড়ে ৫টা = 5:30, সোয়া ৫টা = 5:15, পৌনে ৬টা = 5:45. */
function applyQuarter(hour: number, clock: Clock, minutes: number, span: Span): { hour: number; minute: number } {
  if (clock.minute !== undefined) {
    throw new DateParseError("date.invalid-time", span.start, span.text, "সাড়ে/সোয়া/পৌনে with a whole hour, e.g. সাড়ে ৫টা", "a quarter word cannot take minutes");
  }
  return minutes < 0 ? { hour: hour - 1, minute: minutes + 60 } : { hour, minute: minutes };
}

/**
 * A 24-hour clock time printed with an AM/PM that agrees with it (`১৭:২৮ পিএম`, `০০:৩০ এএম`, as an `H:mm A`
 * template prints them): read as the 24-hour time, with a note. Only with minutes: `১৩ পিএম` alone is refused.
 */
function isRedundantMeridiem(hour: number, clock: Clock, meridiem: Meridiem): boolean {
  return clock.minute !== undefined && !clock.spoken && (meridiem === "pm" ? hour >= 13 && hour <= 23 : hour === 0);
}

/** 12 AM = 0, 1–11 AM as written, 12 PM = 12, 1–11 PM + 12; a redundant one keeps the hour; others are refused. */
function applyMeridiem(hour: number, clock: Clock, meridiem: Meridiem, span: Span, token: Token): number {
  if (isRedundantMeridiem(hour, clock, meridiem)) return hour;
  if (hour < 1 || hour > 12) {
    throw new DateParseError("date.invalid-time", token.start, span.text, "an hour from 1 to 12 with AM/PM", `${hour} ${meridiem.toUpperCase()} is not a time`);
  }
  return meridiem === "am" ? hour % 12 : (hour % 12) + 12;
}

/** The hour a period of the day names; a 24-hour time or AM/PM fixes the hour already and must agree with it. */
function applyPeriod(hour: number, meridiem: Meridiem | undefined, period: Found<number>, span: Span): number {
  const rules = DAY_PERIODS[period.value]!;
  const spokenHour = hour === 0 ? 12 : hour > 12 ? hour - 12 : hour;
  const fixed = meridiem !== undefined || hour > 12 || hour === 0;
  const named = rules.hours.includes(spokenHour);
  if (!named || (fixed && rules.to24(spokenHour) !== hour)) {
    throw new DateParseError(
      "date.invalid-time",
      span.start,
      span.text,
      named
        ? `a period of the day that agrees with ${meridiem ? meridiem.toUpperCase() : "the 24-hour time"}`
        : `an hour that "${period.text}" can name (${rules.hours.join(", ")})`,
      `"${span.text}" names no time of day`,
    );
  }
  return rules.to24(spokenHour);
}
