/**
 * The scanner's state: the tokens, where it is, and every part found so far with its place in the text. The
 * scanning steps (scanner.ts, scan-dates.ts, scan-times.ts) each read at the cursor and record what they find;
 * resolve.ts then decides what the parts say together.
 */
import type { ClockTime, Found, Relative, Ymd } from "./reading.js";
import type { Token } from "./tokenise.js";
import { findPhrase, type Entry, type Phrase, type ValuedEntry } from "./words.js";

/** Everything found in one text, and the cursor. */
export interface Scan {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** The token being read. */
  i: number;
  readonly gregorian: Found<Ymd>[];
  readonly bangla: Found<Ymd>[];
  readonly hijri: Found<string>[];
  readonly times: Found<ClockTime>[];
  readonly relatives: Found<Relative>[];
  readonly weekdays: Found<number>[];
  /** Words the lexicon does not know, as written. */
  readonly ignored: string[];
  offsetMinutes: number | undefined;
  nightAfter: boolean;
  /** A period of the day (বিকেল) or quarter word (সাড়ে) waiting for the hour that follows it. */
  pendingPeriod: Found<number> | undefined;
  pendingQuarter: Found<number> | undefined;
  /** phraseAt's memo: undefined = not looked up yet, null = no phrase there. */
  readonly phrases: (Phrase | null | undefined)[];
}

/** A fresh scan of `text`, at its first token. */
export function startScan(text: string, tokens: readonly Token[]): Scan {
  return {
    text,
    tokens,
    i: 0,
    gregorian: [],
    bangla: [],
    hijri: [],
    times: [],
    relatives: [],
    weekdays: [],
    ignored: [],
    offsetMinutes: undefined,
    nightAfter: false,
    pendingPeriod: undefined,
    pendingQuarter: undefined,
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
export function entryAt(scan: Scan, index: number, type: Entry["type"]): Entry | undefined {
  return phraseAt(scan, index)?.entries.find((e) => e.type === type);
}

/** The value of the entry of the given type at `index`, if any. */
export function valueAt(scan: Scan, index: number, type: ValuedEntry["type"]): number | undefined {
  const entry = entryAt(scan, index, type);
  return entry && "value" in entry ? entry.value : undefined;
}

/** Whether token `index` starts a phrase with an entry of this type. */
export function wordIs(scan: Scan, index: number, type: Entry["type"]): boolean {
  return scan.tokens[index]?.kind === "word" && entryAt(scan, index, type) !== undefined;
}

/** Whether a token is one of these punctuation marks. */
export function isPunct(token: Token | undefined, ...chars: string[]): boolean {
  return token?.kind === "punct" && chars.includes(token.text);
}

/** Whether a token is a number of `minDigits` to `maxDigits` digits. */
export function isNum(token: Token | undefined, maxDigits = 9, minDigits = 1): boolean {
  return token?.kind === "num" && token.text.length <= maxDigits && token.text.length >= minDigits;
}

/** A found value spanning `start`–`end` of the text. */
export function found<T>(scan: Scan, value: T, start: number, end: number): Found<T> {
  return { value, start, end, text: scan.text.slice(start, end) };
}
