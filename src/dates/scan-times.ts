/**
 * Times of day at the cursor: ১৭:২৮, ১৭: ২৮, ১৭.২৮, ১৭:২৮:০৫.৫, ৫:২৮ পিএম, 5 p.m., বিকেল ৫টা ২৮ মিনিট, সাড়ে ৫টা,
 * ৯:৩০ রাত. A spoken hour from 1 to 12 with neither a period of the day nor AM/PM is refused, never guessed.
 */
import { isNum, isPunct, phraseAt, valueAt, wordIs, type Scan } from "./cursor.js";
import { DateParseError } from "./errors.js";
import { DAY_PERIODS } from "./lexicon.js";
import type { ClockTime, Found } from "./reading.js";
import type { Token } from "./tokenise.js";

/** The digits and words after the hour: minutes, seconds, fraction, or an o'clock word (৫টা). */
interface Clock {
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Written as spoken (৫টা), not with a colon. */
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
  const clock = readClock(scan, scan.i + 1);
  const meridiem = readMeridiem(scan, clock.next);
  if (clock.minute === undefined && !clock.spoken && !meridiem.value && !scan.pendingPeriod && !scan.pendingQuarter) return false;
  const trailing = scan.pendingPeriod || meridiem.value ? undefined : readTrailingPeriod(scan, meridiem.next);
  const period = scan.pendingPeriod ?? trailing?.period;
  let j = trailing?.next ?? meridiem.next;
  while (wordIs(scan, j, "filler")) j++;

  const start = (scan.pendingQuarter ?? scan.pendingPeriod)?.start ?? token.start;
  const end = scan.tokens[j - 1]!.end;
  const span = { start, end, text: scan.text.slice(start, end) };
  const time = toClockTime(+token.text, clock, meridiem.value, period, scan.pendingQuarter, span, token);
  scan.times.push({ value: time, ...span });
  scan.pendingPeriod = undefined;
  scan.pendingQuarter = undefined;
  scan.i = j;
  return true;
}

/** ":২৮", ":২৮:০৫", ":২৮:০৫.৫", ".২৮", or "টা [২৮ মিনিট]" from token `j`. */
function readClock(scan: Scan, j: number): Clock {
  const { tokens } = scan;
  if (isPunct(tokens[j], ":", ".") && isNum(tokens[j + 1], 2, 2)) {
    const clock: Clock = { minute: +tokens[j + 1]!.text, spoken: false, next: j + 2 };
    if (isPunct(tokens[clock.next], ":") && isNum(tokens[clock.next + 1], 2, 2)) {
      clock.second = +tokens[clock.next + 1]!.text;
      clock.next += 2;
      if (isPunct(tokens[clock.next], ".") && isNum(tokens[clock.next + 1], 9)) {
        clock.millisecond = Math.floor(Number(`0.${tokens[clock.next + 1]!.text}`) * 1000);
        clock.next += 2;
      }
    }
    return clock;
  }
  if (!wordIs(scan, j, "hour-word")) return { spoken: false, next: j };
  const clock: Clock = { spoken: true, next: j + phraseAt(scan, j)!.length };
  if (isNum(tokens[clock.next], 2) && wordIs(scan, clock.next + 1, "minute-word")) {
    clock.minute = +tokens[clock.next]!.text;
    clock.next += 1 + phraseAt(scan, clock.next + 1)!.length;
  }
  return clock;
}

/** "পিএম", "PM", "অপরাহ্ণ", or "a.m." / "p.m." (word, dot, word) at token `j`. */
function readMeridiem(scan: Scan, j: number): { value?: Meridiem; next: number } {
  if (wordIs(scan, j, "am") || wordIs(scan, j, "pm")) return { value: wordIs(scan, j, "am") ? "am" : "pm", next: j + phraseAt(scan, j)!.length };
  const { tokens } = scan;
  const first = tokens[j]?.text ?? "";
  if (["a", "p", "এ", "পি"].includes(first) && isPunct(tokens[j + 1], ".") && ["m", "এম"].includes(tokens[j + 2]?.text ?? "")) {
    return { value: first === "a" || first === "এ" ? "am" : "pm", next: isPunct(tokens[j + 3], ".") ? j + 4 : j + 3 };
  }
  return { next: j };
}

/** A period of the day after the time ("১২:৩০ দুপুর", "৫টা বিকেলে"), unless it starts a time of its own. */
function readTrailingPeriod(scan: Scan, j: number): { period: Found<number>; next: number } | undefined {
  const value = wordIs(scan, j, "period") ? valueAt(scan, j, "period") : undefined;
  if (value === undefined) return undefined;
  const phrase = phraseAt(scan, j)!;
  const after = j + phrase.length;
  if (scan.tokens[after]?.kind === "num" || wordIs(scan, after, "quarter")) return undefined;
  return { period: { value, start: scan.tokens[j]!.start, end: scan.tokens[after - 1]!.end, text: phrase.text }, next: after };
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
  if (meridiem) hour = applyMeridiem(hour, meridiem, span, token);
  if (period) hour = applyPeriod(hour, meridiem, period, span);
  if (hour > 23) throw new DateParseError("date.invalid-time", token.start, span.text, "a time from 00:00 to 23:59", "no such time of day");
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

/** 12 AM = 0, 1–11 AM as written, 12 PM = 12, 1–11 PM + 12; hours outside 1–12 are refused. */
function applyMeridiem(hour: number, meridiem: Meridiem, span: Span, token: Token): number {
  if (hour < 1 || hour > 12) {
    throw new DateParseError("date.invalid-time", token.start, span.text, "an hour from 1 to 12 with AM/PM", `${hour} ${meridiem.toUpperCase()} is not a time`);
  }
  return meridiem === "am" ? hour % 12 : (hour % 12) + 12;
}

/** The hour a period of the day names; a 24-hour time or AM/PM fixes the hour already and must agree with it. */
function applyPeriod(hour: number, meridiem: Meridiem | undefined, period: Found<number>, span: Span): number {
  const rules = DAY_PERIODS[period.value]!;
  const spokenHour = hour === 0 ? 12 : hour > 12 ? hour - 12 : hour;
  const fixed = meridiem !== undefined || hour > 12;
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
