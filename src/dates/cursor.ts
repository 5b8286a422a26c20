/**
 * The scanner's state: the tokens, where it is, and every part found so far with its place in the text. The
 * scanning steps (scanner.ts, scan-dates.ts, scan-times.ts) each read at the cursor and record what they find;
 * resolve.ts then decides what the parts say together.
 */
import { DateParseError, type DateNote } from "./errors.js";
import type { ClockTime, Found, ReadContext, Relative, Ymd } from "./reading.js";
import type { Token } from "./tokenise.js";
import { findPhrase, type Entry, type EntryType, type Phrase } from "./words.js";

/** A word the lexicon does not know, and which token it is. */
export interface Unknown extends Found<string> {
  index: number;
}

/** A time found, and whether its hour could be either half of the day (১–১২ with no AM/PM or period). */
export interface TimeFound extends Found<ClockTime> {
  eitherHalf?: true;
}

/** Everything found in one text, and the cursor. */
export interface Scan {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly context: ReadContext;
  /** The token being read. */
  i: number;
  readonly gregorian: Found<Ymd>[];
  /** Bangla dates as written, unconverted until resolve.ts knows the calendar. */
  readonly bangla: Found<Ymd>[];
  readonly hijri: Found<string>[];
  readonly times: TimeFound[];
  readonly relatives: Found<Relative>[];
  readonly weekdays: Found<number>[];
  /** Zone names and abbreviations (rows of ZONE_NAMES). */
  readonly zones: Found<number>[];
  readonly unknown: Unknown[];
  /** Remarks made while scanning (a misspelt month, a two-digit year, a second stamp set aside). */
  readonly notes: DateNote[];
  offset: Found<number> | undefined;
  nightAfter: boolean;
  /** A period of the day (বিকেল), quarter word (সাড়ে) or AM/PM (PM 5:07) waiting for the hour that follows it. */
  pendingPeriod: Found<number> | undefined;
  pendingQuarter: Found<number> | undefined;
  pendingMeridiem: Found<"am" | "pm"> | undefined;
  /** phraseAt's memo: undefined = not looked up yet, null = no phrase there. */
  readonly phrases: (Phrase | null | undefined)[];
}

/** A fresh scan of `text`, at its first token. */
export function startScan(text: string, tokens: readonly Token[], context: ReadContext): Scan {
  return {
    text,
    tokens,
    context,
    i: 0,
    gregorian: [],
    bangla: [],
    hijri: [],
    times: [],
    relatives: [],
    weekdays: [],
    zones: [],
    unknown: [],
    notes: [],
    offset: undefined,
    nightAfter: false,
    pendingPeriod: undefined,
    pendingQuarter: undefined,
    pendingMeridiem: undefined,
    phrases: [],
  };
}

/** The longest lexicon phrase starting at token `index`, memoised per index. */
export function phraseAt(scan: Scan, index: number): Phrase | undefined {
  const cached = scan.phrases[index];
  if (cached !== undefined) return cached ?? undefined;
  const phrase = findPhrase(scan.tokens, scan.text, index);
  scan.phrases[index] = phrase ?? null;
  return phrase;
}

/** The entry of the given type in the phrase at `index`, if any. */
export function entryAt(scan: Scan, index: number, type: EntryType): Entry | undefined {
  return phraseAt(scan, index)?.entries.find((e) => e.type === type);
}

/** The value of the entry of the given type at `index`, if any. */
export function valueAt(scan: Scan, index: number, type: EntryType): number | undefined {
  return entryAt(scan, index, type)?.value;
}

/** Whether token `index` starts a phrase with an entry of this type. */
export function wordIs(scan: Scan, index: number, type: EntryType): boolean {
  return scan.tokens[index]?.kind === "word" && entryAt(scan, index, type) !== undefined;
}

/** The token after the phrase at `index` (or after the single token, if no phrase starts there). */
export function after(scan: Scan, index: number): number {
  return index + (phraseAt(scan, index)?.length ?? 1);
}

/** Whether a token is one of these punctuation marks, given as one string (`",-|"`): no array per call. */
export function isPunct(token: Token | undefined, marks: string): boolean {
  return token?.kind === "punct" && marks.includes(token.text);
}

/** Whether a token is a number of `minDigits` to `maxDigits` digits. */
export function isNum(token: Token | undefined, maxDigits = 9, minDigits = 1): boolean {
  return token?.kind === "num" && token.text.length <= maxDigits && token.text.length >= minDigits;
}

/** A found value spanning `start`–`end` of the text. */
export function found<T>(scan: Scan, value: T, start: number, end: number): Found<T> {
  return { value, start, end, text: scan.text.slice(start, end) };
}

/** Whether a date or time has been read already (so a label now starts a second stamp). */
export function hasStamp(scan: Scan): boolean {
  return scan.gregorian.length > 0 || scan.bangla.length > 0 || scan.times.length > 0;
}

/**
 * A word the lexicon does not know, with nothing but spaces between it and a time (or a period of the day, which
 * is part of the time), could be what says which half of the day it is (`৮:০৫ রাত্রিবেলায়`): refused, never
 * read past. So is one after a comma or dash when the time's hour could be either half (`৮:০৫, রাত্তিরে`).
 * Throws for the first such word next to the time.
 */
export function refuseUnknownNextTo(scan: Scan, time: { start: number; end: number; text: string; eitherHalf?: true }): void {
  const inside = (t: Token | undefined) => t !== undefined && t.kind !== "punct" && t.start >= time.start && t.end <= time.end;
  const { tokens } = scan;
  for (const word of scan.unknown) {
    const touches = inside(tokens[word.index - 1]) || inside(tokens[word.index + 1]);
    const across = time.eitherHalf && ((isPunct(tokens[word.index - 1], ",-") && inside(tokens[word.index - 2])) || (isPunct(tokens[word.index + 1], ",-") && inside(tokens[word.index + 2])));
    if (!touches && !across) continue;
    throw new DateParseError(
      "date.unknown-word",
      word.start,
      word.text,
      "next to a time, only words that say when (a period of the day such as সকাল, বিকেল, রাত, রাত্রিবেলায়; AM/PM; a zone such as IST or GMT+6), or | between the time and other words",
      `"${word.text}" is not a word patrika knows, and next to the time "${time.text}" it could change which hour is meant`,
    );
  }
}
