/**
 * The shapes newsrooms print, read in two steps: normalise and tokenise the text (keeping each token's offset in
 * the original), then scan the tokens for a date, a time, an offset or a relative form. The tables live in
 * lexicon.ts; this file holds only the rules for putting their words together.
 */
import { BANGLA_LONGEST_MONTHS, banglaToGregorian, gregorianToBangla } from "./bangla-calendar.js";
import { toBengaliDigits } from "./digits.js";
import { editDistance } from "./edit-distance.js";
import { utcWall } from "./zone.js";
import { DateParseError, type DateNote } from "./errors.js";
import {
  AGO_WORDS, AM_WORDS, BANGLA_MONTHS, DAY_PERIODS, FRAME_WORDS, GREGORIAN_MONTHS, HIJRI_MONTHS, HOUR_WORDS,
  JUST_NOW_WORDS, MINUTE_WORDS, NIGHT_AFTER_WORDS, OFFSET_WORDS, ORDINAL_SUFFIXES, PM_WORDS, QUARTER_WORDS,
  RELATIVE_DAYS, RELATIVE_UNITS, TIME_FILLER_WORDS, WEEKDAYS,
} from "./lexicon.js";

// ---------------------------------------------------------------------------------------------- tokens

export interface Token {
  kind: "num" | "word" | "punct";
  /** Normalised text: ASCII digits, canonical decomposition, lower case. */
  text: string;
  /** Offsets of the token in the original input. */
  start: number;
  end: number;
}

const DASHES = /[\u2010-\u2015\u2212]/;
const LETTER = /[\p{L}\p{M}']/u;
const decomposed = new Map<string, string>();

/** One character as matched: NFD (so য় typed precomposed or with a nukta reads alike) and lower case. */
function normaliseChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Hot path: Bengali letters and marks are already in matching form, except ো ৌ ড় ঢ় য়, which decompose.
  if (code >= 0x0980 && code <= 0x09ff && code !== 0x09cb && code !== 0x09cc && code !== 0x09dc && code !== 0x09dd && code !== 0x09df) return ch;
  let out = decomposed.get(ch);
  if (out === undefined) {
    out = ch.normalize("NFD").toLowerCase().replace(/[’`]/g, "'");
    decomposed.set(ch, out);
  }
  return out;
}

/** A lexicon word in matching form. */
export function normaliseWord(word: string): string {
  return [...word].map(normaliseChar).join("").replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6));
}

function isLetter(code: number): boolean {
  if (code >= 0x0980 && code <= 0x09ff) return code !== 0x0983 && code !== 0x09e4 && code !== 0x09e5; // Bengali block, less ঃ । ॥
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return true;
  return code > 0x7f && LETTER.test(String.fromCodePoint(code));
}

/** JavaScript's `\s`, without a regular expression per character. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** Whether a character of a word is already in matching form (so the word's text can be sliced, not rebuilt). */
function isPlainLetter(code: number): boolean {
  if (code >= 0x0980 && code <= 0x09ff) return code !== 0x09cb && code !== 0x09cc && code !== 0x09dc && code !== 0x09dd && code !== 0x09df;
  return code >= 0x61 && code <= 0x7a;
}

/** The matching form of a stretch of one word or number in the input, dropping zero-width characters. */
function rebuild(text: string, start: number, end: number, kind: "num" | "word"): string {
  let out = "";
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    i += ch.length;
    if (isZeroWidth(code)) continue;
    out += kind === "word" ? normaliseChar(ch) : code >= 0x09e6 && code <= 0x09ef ? String(code - 0x09e6) : ch;
  }
  return out;
}

function isZeroWidth(code: number): boolean {
  return code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/**
 * Splits text into numbers, words and punctuation; zero-width characters vanish, any space separates.
 * Written as one loop without closures: it runs on every character of every date the full scanner reads.
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  // The token being built: its kind, where it starts and ends, and whether its text can be sliced as it stands.
  let kind: "num" | "word" | undefined;
  let start = 0;
  let end = 0;
  let plain = true;
  for (let i = 0; i <= text.length; ) {
    let code = i < text.length ? text.charCodeAt(i) : 0x20; // a space past the end flushes the last token
    let next = i + 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(i)!;
      next = i + (code > 0xffff ? 2 : 1);
    }
    if (isZeroWidth(code)) {
      plain = false;
      i = next;
      continue;
    }
    const digit = (code >= 0x30 && code <= 0x39) || (code >= 0x09e6 && code <= 0x09ef);
    const letter = !digit && code !== 0x0983 && (code === 0x27 ? kind === "word" : isLetter(code));
    const continues = kind === "num" ? digit : kind === "word" ? letter : false;
    if (!continues && kind) {
      tokens.push({ kind, text: plain ? text.slice(start, end) : rebuild(text, start, end, kind), start, end });
      kind = undefined;
    }
    if (digit || letter) {
      if (!kind) {
        kind = digit ? "num" : "word";
        start = i;
        plain = true;
      }
      if (digit ? code > 0x39 : !isPlainLetter(code)) plain = false;
      end = next;
    } else if (code === 0x0983) {
      // The Bengali visarga (ঃ) is typed as a colon in date lines: "প্রকাশঃ ১৩ জুলাই".
      tokens.push({ kind: "punct", text: ":", start: i, end: next });
    } else if (i < text.length && !isSpace(code)) {
      const ch = text.slice(i, next);
      tokens.push({ kind: "punct", text: DASHES.test(ch) ? "-" : ch === "।" || ch === "॥" ? "|" : ch, start: i, end: next });
    }
    i = next;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------- lexicon

type Entry =
  | { type: "gmonth" | "bmonth" | "hmonth" | "weekday"; value: number }
  | { type: "frame" | "ordinal" | "hour-word" | "minute-word" | "filler" | "am" | "pm" | "night-after" | "ago" | "just-now" | "offset" }
  | { type: "period"; value: number }
  | { type: "quarter"; value: number }
  | { type: "unit"; value: number }
  | { type: "rel-day"; value: number };

const LEXICON = new Map<string, Entry[]>();
let longestPhrase = 1;
function add(names: readonly string[], entry: Entry): void {
  for (const name of names) {
    const key = normaliseWord(name).replace(/-/g, " ");
    longestPhrase = Math.max(longestPhrase, key.split(" ").length);
    const list = LEXICON.get(key) ?? [];
    list.push(entry);
    LEXICON.set(key, list);
  }
}
GREGORIAN_MONTHS.forEach((names, i) => add(names, { type: "gmonth", value: i + 1 }));
BANGLA_MONTHS.forEach((names, i) => add(names, { type: "bmonth", value: i + 1 }));
HIJRI_MONTHS.forEach((names, i) => add(names, { type: "hmonth", value: i + 1 }));
WEEKDAYS.forEach((names, i) => add(names, { type: "weekday", value: i }));
add(FRAME_WORDS, { type: "frame" });
add(ORDINAL_SUFFIXES, { type: "ordinal" });
add(HOUR_WORDS, { type: "hour-word" });
add(MINUTE_WORDS, { type: "minute-word" });
add(TIME_FILLER_WORDS, { type: "filler" });
add(AM_WORDS, { type: "am" });
add(PM_WORDS, { type: "pm" });
add(NIGHT_AFTER_WORDS, { type: "night-after" });
add(AGO_WORDS, { type: "ago" });
add(JUST_NOW_WORDS, { type: "just-now" });
add(OFFSET_WORDS, { type: "offset" });
DAY_PERIODS.forEach((period, i) => add(period.names, { type: "period", value: i }));
QUARTER_WORDS.forEach((quarter) => add(quarter.names, { type: "quarter", value: quarter.minutes }));
RELATIVE_UNITS.forEach((unit, i) => add(unit.names, { type: "unit", value: i }));
RELATIVE_DAYS.forEach((day) => add(day.names, { type: "rel-day", value: day.days }));

/** First words of the lexicon's phrases of more than one word (রবিউল আউয়াল, গত পরশু, এই মাত্র). */
const PHRASE_STARTS = new Set([...LEXICON.keys()].filter((key) => key.includes(" ")).map((key) => key.split(" ")[0]!));

interface Phrase {
  entries: Entry[];
  /** Tokens the phrase spans, counting any "-" between its words. */
  length: number;
  /** The phrase as written in the input. */
  text: string;
}

/**
 * Every month spelling in matching form, with the name to suggest for it: the first Bengali spelling for Bengali
 * forms, the full English name for English ones (so "Jly" suggests July, "জুলুই" জুলাই).
 */
const MONTH_HINTS: readonly { form: string; name: string }[] = [GREGORIAN_MONTHS, BANGLA_MONTHS].flatMap((table) =>
  table.flatMap((names) => {
    const english = names.find((n) => /^[a-z]+$/.test(n));
    return names.map((n) => ({ form: normaliseWord(n), name: /^[a-z]+$/.test(n) ? english![0]!.toUpperCase() + english!.slice(1) : names[0]! }));
  }),
);

/** Gregorian month lengths in a leap year: the most days each month can have. */
const GREGORIAN_LONGEST_MONTHS: readonly number[] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// ---------------------------------------------------------------------------------------------- reading

/** What a text says, before zone conversion. */
export interface Reading {
  /** Gregorian calendar date, from the text or converted from a Bangla date. */
  date?: { year: number; month: number; day: number };
  calendar: "gregorian" | "bangla";
  time?: { hour: number; minute: number; second?: number; millisecond?: number };
  offsetMinutes?: number;
  relative?: { kind: "ago"; amountMs: number; precision: "second" | "minute" | "day" } | { kind: "day"; days: number } | { kind: "now" };
  /** Where the relative form is in the input, for errors found when it is resolved against now. */
  relativeAt?: { start: number; text: string };
  /** The small hours belong to the day after the printed date ("দিবাগত রাত"). */
  nightAfter: boolean;
  notes: DateNote[];
}

interface Found<T> {
  value: T;
  start: number;
  end: number;
  text: string;
}

const ACCEPTED = "a date such as ১৩ জুলাই ২০২৫, ২৯ আষাঢ় ১৪৩২, 13 July 2025 or 2025-07-13, optionally with a time such as ১৭:২৮ or বিকেল ৫টা ২৮ মিনিট";
const ISO_CHARACTERS = /^[\s\d০-৯:Tt+\-.,Zz]+$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?: ?(z|[+-]\d{2}(?::?\d{2})?))?$/;

// Fast paths for the two shapes that make up most archives (measured in bench/dates.mjs): plain ISO 8601, and
// "[label] ১৩ জুলাই ২০২৫, ১৭:২৮". Anything else, or anything these would get wrong, goes to the full scanner.
const RAW_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?: ?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
const FAST_MONTHS = new Map<string, number>();
GREGORIAN_MONTHS.forEach((names, i) => {
  for (const name of names) {
    if (!/^[a-z]+$/.test(name)) for (const form of [name, name.normalize("NFC"), name.normalize("NFD")]) FAST_MONTHS.set(form, i + 1);
  }
});
const FAST_LABELS = ["আপডেট", "প্রকাশ", "প্রকাশিত", "হালনাগাদ"].flatMap((l) => [l, l.normalize("NFD")]);
// The month is any run of non-space, non-digit, non-comma characters, looked up in FAST_MONTHS afterwards: one
// character class is far cheaper for the regular expression engine than an alternation of forty names.
const FAST_BENGALI = new RegExp(`^(?:(?:${FAST_LABELS.join("|")}) ?: ?)?([০-৯]{1,2}) ([^\\s\\d০-৯,]+) ([০-৯]{4})(?:, ?([০-৯]{2}): ?([০-৯]{2}))?$`);
const bengaliNumber = (digits: string) => {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 0x09e6);
  return value;
};

/** Reads a date text into its parts, or throws a DateParseError saying where and why it cannot. */
export function readDate(text: string): Reading {
  const raw = RAW_ISO.exec(text);
  if (raw) return readIso(raw, text);
  const fast = FAST_BENGALI.exec(text);
  const fastMonth = fast && FAST_MONTHS.get(fast[2]!);
  if (fast && fastMonth) {
    const date = { year: bengaliNumber(fast[3]!), month: fastMonth, day: bengaliNumber(fast[1]!) };
    const time = fast[4] === undefined ? undefined : { hour: bengaliNumber(fast[4]), minute: bengaliNumber(fast[5]!) };
    // An impossible date or time takes the full path, which says exactly where the problem is.
    if (date.day >= 1 && date.day <= daysInMonth(date.year, date.month) && (!time || (time.hour < 24 && time.minute < 60))) {
      return time ? { calendar: "gregorian", nightAfter: false, notes: [], date, time } : { calendar: "gregorian", nightAfter: false, notes: [], date };
    }
  }
  if (text.trim() === "" || tokenise(text).length === 0) {
    throw new DateParseError("date.empty", 0, "", ACCEPTED, "the text is empty");
  }
  if (ISO_CHARACTERS.test(text)) {
    const iso = ISO.exec(normaliseWord(text.trim()));
    if (iso) return readIso(iso, text, text.length - text.trimStart().length);
  }
  return new Scanner(text).read();
}

/** The full scanner alone, without the fast paths (tests check that both read alike). */
export function scanDate(text: string): Reading {
  return new Scanner(text).read();
}

/** A match of RAW_ISO or ISO as a Reading; `base` is where the match starts in `text` (after leading spaces). */
function readIso(match: RegExpExecArray, text: string, base = 0): Reading {
  const date = { year: +match[1]!, month: +match[2]!, day: +match[3]! };
  checkGregorian(date, text, base, base + 10);
  const reading: Reading = { calendar: "gregorian", nightAfter: false, notes: [], date };
  if (match[4] !== undefined) {
    const time: NonNullable<Reading["time"]> = { hour: +match[4], minute: +match[5]! };
    if (match[6] !== undefined) time.second = +match[6];
    if (match[7] !== undefined) time.millisecond = Math.floor(Number(`0.${match[7]}`) * 1000);
    checkTime(time, text, base + 11, base + 11 + match[0].slice(11).search(/ ?[zZ+-]|$/));
    reading.time = time;
  }
  if (match[8] !== undefined) {
    const at = base + match[0].length - match[8].length;
    reading.offsetMinutes = parseOffset(match[8], at, text.slice(at, at + match[8].length));
  }
  return reading;
}

/** "Z", "+06", "+0600" or "+06:00" (ASCII digits) → minutes east of UTC; `at` and `found` locate it in the input. */
function parseOffset(offset: string, at: number, found: string): number {
  if (offset === "z" || offset === "Z") return 0;
  const sign = offset.charCodeAt(0) === 0x2d ? -1 : 1;
  const digit = (i: number) => offset.charCodeAt(i) - 0x30;
  const hours = digit(1) * 10 + digit(2);
  const m = offset.length === 6 ? 4 : 3; // "+06:00" or "+0600"; "+06" has no minutes
  const minutes = offset.length > 3 ? digit(m) * 10 + digit(m + 1) : 0;
  if (hours > (sign < 0 ? 12 : 14) || minutes > 59 || (hours === (sign < 0 ? 12 : 14) && minutes > 0)) {
    throw new DateParseError("date.invalid-offset", at, found, "an offset from -12:00 to +14:00", "no such UTC offset");
  }
  return sign * (hours * 60 + minutes);
}

const isPunct = (token: Token | undefined, ...chars: string[]) => token?.kind === "punct" && chars.includes(token.text);
const isNum = (token: Token | undefined, maxDigits = 9, minDigits = 1) =>
  token?.kind === "num" && token.text.length <= maxDigits && token.text.length >= minDigits;

class Scanner {
  private readonly tokens: Token[];
  private i = 0;
  private readonly gregorian: Found<{ year: number; month: number; day: number }>[] = [];
  private readonly bangla: Found<{ year: number; month: number; day: number }>[] = [];
  private readonly hijri: Found<string>[] = [];
  private readonly times: Found<NonNullable<Reading["time"]>>[] = [];
  private readonly relatives: Found<NonNullable<Reading["relative"]>>[] = [];
  private readonly weekdays: Found<number>[] = [];
  private readonly ignored: string[] = [];
  private offsetMinutes: number | undefined;
  private nightAfter = false;
  private pendingPeriod: Found<number> | undefined;
  private pendingQuarter: Found<number> | undefined;

  /** phraseAt's memo: undefined = not looked up yet, null = no phrase there. */
  private readonly phrases: (Phrase | null | undefined)[] = [];

  constructor(private readonly text: string) {
    this.tokens = tokenise(text);
  }

  read(): Reading {
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i]!;
      if (token.kind === "punct") this.i++;
      else if (token.kind === "num") this.readNumber(token);
      else this.readWord(token);
    }
    if (this.pendingPeriod || this.pendingQuarter) {
      const dangling = (this.pendingQuarter ?? this.pendingPeriod)!;
      throw new DateParseError("date.invalid-time", dangling.start, dangling.text, "a time after it, such as বিকেল ৫টা", `"${dangling.text}" is not followed by a time`);
    }
    return this.resolve();
  }

  // -- words

  /** The longest lexicon phrase starting at token `index` (words may be joined by "-"), memoised per index. */
  private phraseAt(index: number): Phrase | undefined {
    const cached = this.phrases[index];
    if (cached !== undefined) return cached ?? undefined;
    const phrase = this.findPhrase(index);
    this.phrases[index] = phrase ?? null;
    return phrase;
  }

  private findPhrase(index: number): Phrase | undefined {
    const first = this.tokens[index];
    if (first?.kind !== "word") return undefined;
    if (!PHRASE_STARTS.has(first.text)) {
      const entries = LEXICON.get(first.text);
      return entries && { entries, length: 1, text: this.text.slice(first.start, first.end) };
    }
    for (let words = longestPhrase; words >= 1; words--) {
      const parts: string[] = [];
      let j = index;
      while (parts.length < words && this.tokens[j]?.kind === "word") {
        parts.push(this.tokens[j]!.text);
        j++;
        if (parts.length < words && isPunct(this.tokens[j], "-") && this.tokens[j + 1]?.kind === "word") j++;
      }
      if (parts.length !== words) continue;
      const entries = LEXICON.get(parts.join(" "));
      if (entries) return { entries, length: j - index, text: this.text.slice(first.start, this.tokens[j - 1]!.end) };
    }
    return undefined;
  }

  private readWord(token: Token): void {
    const phrase = this.phraseAt(this.i);
    const entry = (type: Entry["type"]) => phrase?.entries.find((e) => e.type === type);
    const phraseEnd = this.tokens[this.i + (phrase?.length ?? 1) - 1]!.end;
    const found = <T>(value: T): Found<T> => ({ value, start: token.start, end: phraseEnd, text: phrase?.text ?? token.text });
    const lastTime = this.times[this.times.length - 1];
    if (token.text === "z" && lastTime?.end === token.start) {
      // "17:28:00Z": UTC, never an ignorable letter.
      this.setOffset(0, token);
      this.i++;
      return;
    }
    if (token.text === "t" && this.gregorian[this.gregorian.length - 1]?.end === token.start) {
      this.i++; // the ISO 8601 date/time separator
      return;
    }
    if (!phrase) {
      this.ignored.push(this.text.slice(token.start, token.end));
      this.i++;
      return;
    }
    const month = entry("gmonth");
    if (month && "value" in month && this.readMonthFirst(month.value, phrase.length)) return;
    this.i += phrase.length;
    const weekday = entry("weekday");
    const period = entry("period");
    const quarter = entry("quarter");
    const relDay = entry("rel-day");
    if (weekday && "value" in weekday) this.weekdays.push(found(weekday.value));
    else if (period && "value" in period) this.pendingPeriod = found(period.value);
    else if (quarter && "value" in quarter) this.pendingQuarter = found(quarter.value);
    else if (relDay && "value" in relDay) this.relatives.push(found({ kind: "day", days: relDay.value }));
    else if (entry("just-now")) this.relatives.push(found({ kind: "now" }));
    else if (entry("night-after")) this.nightAfter = true;
    else if (entry("offset")) this.readOffsetAfterWord();
    else if (entry("am") || entry("pm")) {
      throw new DateParseError("date.invalid-time", token.start, phrase.text, "AM/PM right after a time such as ৫:২৮", `"${phrase.text}" is not after a time`);
    } else if (month || entry("bmonth") || entry("hmonth")) {
      throw new DateParseError("date.no-day", token.start, phrase.text, "a day number before the month, e.g. ১৩ জুলাই ২০২৫", `the month "${phrase.text}" has no day`);
    }
    // frame words, ordinals, fillers and unit words outside a relative form frame the date and change nothing
  }

  /** "July 13, 2025" / "Jul. 13 2025". */
  private readMonthFirst(month: number, wordCount: number): boolean {
    let j = this.i + wordCount;
    if (isPunct(this.tokens[j], ".")) j++;
    const day = this.tokens[j];
    if (!isNum(day, 2)) return false;
    j++;
    if (this.tokens[j]?.kind === "word" && LEXICON.get(this.tokens[j]!.text)?.some((e) => e.type === "ordinal")) j++;
    if (isPunct(this.tokens[j], ",")) j++;
    const year = this.tokens[j];
    if (!isNum(year, 4, 4)) return false;
    const start = this.tokens[this.i]!.start;
    this.addGregorian({ year: +year!.text, month, day: +day!.text }, start, year!.end);
    this.i = j + 1;
    return true;
  }

  private readOffsetAfterWord(): void {
    const sign = this.tokens[this.i];
    if (!isPunct(sign, "+", "-")) {
      this.setOffset(0, sign);
      return;
    }
    const hours = this.tokens[this.i + 1];
    if (!isNum(hours, 4)) throw new DateParseError("date.invalid-offset", sign!.start, sign!.text, "an offset such as GMT+6 or UTC+06:00", "the offset has no hours");
    let text = hours!.text.length > 2 ? hours!.text : hours!.text.padStart(2, "0");
    let end = this.i + 2;
    if (isPunct(this.tokens[end], ":") && isNum(this.tokens[end + 1], 2, 2)) {
      text += this.tokens[end + 1]!.text;
      end += 2;
    }
    this.setOffset(parseOffset(`${sign!.text}${text}`, sign!.start, this.text.slice(sign!.start, this.tokens[end - 1]!.end)), sign);
    this.i = end;
  }

  private setOffset(minutes: number, at: Token | undefined): void {
    if (this.offsetMinutes !== undefined && this.offsetMinutes !== minutes) {
      throw new DateParseError("date.conflict", at?.start ?? 0, at?.text ?? "", "one UTC offset", "the text gives two different UTC offsets");
    }
    this.offsetMinutes = minutes;
  }

  // -- numbers

  private readNumber(token: Token): void {
    const sign = this.tokens[this.i - 1];
    const lastTime = this.times[this.times.length - 1];
    if (isPunct(sign, "+", "-") && sign!.end === token.start && lastTime && this.tokens[this.i - 2]?.end === lastTime.end) {
      // "১৭:২৮ +০৬:০০" or "17:28:00+0600": an offset right after a time.
      this.i--;
      this.readOffsetAfterWord();
      return;
    }
    if (this.readNumericDate(token) || this.readDayMonthYear(token) || this.readRelativeAgo(token) || this.readTime(token)) return;
    throw new DateParseError(
      "date.unrecognised-number",
      token.start,
      this.text.slice(token.start, token.end),
      ACCEPTED,
      "this number is not part of a date or time patrika can read",
    );
  }

  /** 2025-07-13, 2025/07/13, and Bangladesh's day-first 13/07/2025, 13-07-2025, 13.07.2025 (never month-first). */
  private readNumericDate(token: Token): boolean {
    const [a, s1, b, s2, c] = this.tokens.slice(this.i, this.i + 5);
    if (!isPunct(s1, "-", "/", ".") || !isPunct(s2, s1!.text) || !isNum(b, 2) || !isNum(c)) return false;
    let date: { year: number; month: number; day: number };
    if (isNum(a, 4, 4) && isNum(c, 2)) date = { year: +a!.text, month: +b!.text, day: +c!.text };
    else if (isNum(a, 2) && isNum(c, 4, 4)) date = { year: +c!.text, month: +b!.text, day: +a!.text };
    else return false;
    this.addGregorian(date, token.start, c!.end);
    this.i += 5;
    return true;
  }

  /** ১৩ জুলাই ২০২৫, ১৩ই জুলাই, ২০২৫, ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭, 13 Jul 2025, 13-Jul-2025. */
  private readDayMonthYear(token: Token): boolean {
    if (!isNum(token, 2)) return false;
    let j = this.i + 1;
    if (this.tokens[j]?.kind === "word" && this.tokens[j]!.start === token.end && LEXICON.get(this.tokens[j]!.text)?.some((e) => e.type === "ordinal")) j++;
    if (isPunct(this.tokens[j], "-", ".", ",")) j++;
    if (this.tokens[j]?.kind !== "word") return false;
    const phrase = this.phraseAt(j);
    const monthEntry = phrase?.entries.find((e) => e.type === "gmonth" || e.type === "bmonth" || e.type === "hmonth");
    let k = j + (phrase?.length ?? 1);
    if (isPunct(this.tokens[k], ".")) k++;
    if (isPunct(this.tokens[k], ",", "-", "|")) k++;
    const year = this.tokens[k];
    if (!monthEntry || !("value" in monthEntry)) {
      // A word of a time or a relative form after a number: ৫টা, ২ ঘণ্টা আগে, ৫ পিএম.
      if (phrase && phrase.entries.some((e) => ["hour-word", "minute-word", "unit", "am", "pm"].includes(e.type))) return false;
      const word = this.text.slice(this.tokens[j]!.start, this.tokens[j]!.end);
      const suggestion = nearestMonth(this.tokens[j]!.text);
      // Between a day and a year any word stands where a month should; without a year, only an unknown near miss.
      if (!isNum(year, 4, 4) && (phrase || suggestion.distance > nearMissDistance(this.tokens[j]!.text))) return false;
      throw new DateParseError(
        "date.unknown-month",
        this.tokens[j]!.start,
        word,
        `a month name (did you mean ${suggestion.name}?): জানুয়ারি … ডিসেম্বর, বৈশাখ … চৈত্র, or January … December`,
        `"${word}" is not a month name`,
      );
    }
    if (!isNum(year, 4, 4)) {
      const day = +token.text;
      const longest = (monthEntry.type === "bmonth" ? BANGLA_LONGEST_MONTHS : monthEntry.type === "gmonth" ? GREGORIAN_LONGEST_MONTHS : undefined)?.[monthEntry.value - 1];
      if (longest !== undefined && (day < 1 || day > longest)) {
        // ৩১ এপ্রিল is impossible in any year: say that, rather than ask for a year that would not help.
        throw new DateParseError(
          "date.impossible-date",
          token.start,
          this.text.slice(token.start, this.tokens[j + phrase!.length - 1]!.end),
          `a day from 1 to ${longest} in that month`,
          "no such day in the calendar, in any year",
        );
      }
      throw new DateParseError(
        "date.no-year",
        token.start,
        this.text.slice(token.start, this.tokens[k - 1]!.end),
        "a four-digit year after the month, e.g. ১৩ জুলাই ২০২৫ (patrika never guesses the year)",
        "the date has no year",
      );
    }
    const date = { year: +year!.text, month: monthEntry.value, day: +token.text };
    if (monthEntry.type === "gmonth") this.addGregorian(date, token.start, year!.end);
    else if (monthEntry.type === "bmonth") this.addBangla(date, token.start, year!.end);
    else this.hijri.push({ value: this.text.slice(token.start, year!.end), start: token.start, end: year!.end, text: "" });
    this.i = k + 1;
    return true;
  }

  /** "২ ঘণ্টা আগে", "5 minutes ago". */
  private readRelativeAgo(token: Token): boolean {
    const unit = this.phraseAt(this.i + 1);
    const unitEntry = unit?.entries.find((e) => e.type === "unit");
    if (!unit || !unitEntry || !("value" in unitEntry)) return false;
    const ago = this.phraseAt(this.i + 1 + unit.length);
    if (!ago?.entries.some((e) => e.type === "ago")) return false;
    const spec = RELATIVE_UNITS[unitEntry.value]!;
    const end = this.tokens[this.i + unit.length + ago.length]!.end;
    this.relatives.push({
      value: { kind: "ago", amountMs: +token.text * spec.ms, precision: spec.precision },
      start: token.start,
      end,
      text: this.text.slice(token.start, end),
    });
    this.i += 1 + unit.length + ago.length;
    return true;
  }

  /** ১৭:২৮, ১৭: ২৮, ১৭.২৮, ৫:২৮ পিএম, বিকেল ৫টা ২৮ মিনিট, সাড়ে ৫টা, 5 PM, ১৭:২৮:০৫. */
  private readTime(token: Token): boolean {
    if (!isNum(token, 2)) return false;
    let j = this.i + 1;
    let minute: number | undefined;
    let second: number | undefined;
    let millisecond: number | undefined;
    let spoken = false;
    const next = this.tokens[j];
    if (isPunct(next, ":", ".") && isNum(this.tokens[j + 1], 2, 2)) {
      minute = +this.tokens[j + 1]!.text;
      j += 2;
      if (isPunct(this.tokens[j], ":") && isNum(this.tokens[j + 1], 2, 2)) {
        second = +this.tokens[j + 1]!.text;
        j += 2;
        if (isPunct(this.tokens[j], ".") && isNum(this.tokens[j + 1], 9)) {
          millisecond = Math.floor(Number(`0.${this.tokens[j + 1]!.text}`) * 1000);
          j += 2;
        }
      }
    } else if (this.wordIs(j, "hour-word")) {
      spoken = true;
      j += this.phraseAt(j)!.length;
      if (isNum(this.tokens[j], 2) && this.wordIs(j + 1, "minute-word")) {
        minute = +this.tokens[j]!.text;
        j += 1 + this.phraseAt(j + 1)!.length;
      }
    }
    let meridiem: "am" | "pm" | undefined;
    // "a.m." / "p.m." arrive as word, dot, word.
    if (this.wordIs(j, "am") || this.wordIs(j, "pm")) {
      meridiem = this.wordIs(j, "am") ? "am" : "pm";
      j += this.phraseAt(j)!.length;
    } else if (["a", "p", "এ", "পি"].includes(this.tokens[j]?.text ?? "") && isPunct(this.tokens[j + 1], ".") && ["m", "এম"].includes(this.tokens[j + 2]?.text ?? "")) {
      meridiem = ["a", "এ"].includes(this.tokens[j]!.text) ? "am" : "pm";
      j += 3;
      if (isPunct(this.tokens[j], ".")) j++;
    }
    if (minute === undefined && !spoken && !meridiem && !this.pendingPeriod && !this.pendingQuarter) return false;
    // A period of the day may also follow the time ("১২:৩০ দুপুর", "৫টা বিকেলে"), unless it starts a time of its own.
    let period = this.pendingPeriod;
    if (!period && !meridiem && this.wordIs(j, "period")) {
      const trailing = this.phraseAt(j)!;
      const after = j + trailing.length;
      const entry = trailing.entries.find((e) => e.type === "period");
      if (entry && "value" in entry && this.tokens[after]?.kind !== "num" && !this.wordIs(after, "quarter")) {
        period = { value: entry.value, start: this.tokens[j]!.start, end: this.tokens[after - 1]!.end, text: trailing.text };
        j = after;
      }
    }
    while (this.wordIs(j, "filler")) j++;

    const start = (this.pendingQuarter ?? this.pendingPeriod)?.start ?? token.start;
    const end = this.tokens[j - 1]!.end;
    const found = { start, end, text: this.text.slice(start, end) };
    const written = +token.text;
    let hour = written;
    let minutes = minute ?? 0;
    if (minutes > 59 || (second ?? 0) > 59) {
      throw new DateParseError("date.invalid-time", token.start, found.text, "minutes and seconds from ০০ to ৫৯", "no such time of day");
    }
    if ((spoken || this.pendingQuarter) && !meridiem && !period && written >= 1 && written <= 12) {
      // "৫টা" alone is five in the morning or in the evening; patrika does not guess which.
      throw new DateParseError(
        "date.ambiguous-time",
        start,
        found.text,
        "a period of the day (সকাল ৫টা, বিকেল ৫টা), AM/PM, or a 24-hour time (১৭:০০)",
        `"${found.text}" does not say whether it is before or after noon`,
      );
    }
    if (this.pendingQuarter) {
      if (minute !== undefined) throw new DateParseError("date.invalid-time", start, found.text, "সাড়ে/সোয়া/পৌনে with a whole hour, e.g. সাড়ে ৫টা", "a quarter word cannot take minutes");
      minutes = this.pendingQuarter.value;
      if (minutes < 0) {
        hour -= 1;
        minutes += 60;
      }
    }
    if (meridiem) {
      if (hour < 1 || hour > 12) {
        throw new DateParseError("date.invalid-time", token.start, found.text, "an hour from 1 to 12 with AM/PM", `${hour} ${meridiem.toUpperCase()} is not a time`);
      }
      hour = meridiem === "am" ? hour % 12 : (hour % 12) + 12;
    }
    if (period) {
      const rules = DAY_PERIODS[period.value]!;
      const spokenHour = hour === 0 ? 12 : hour > 12 ? hour - 12 : hour;
      // A 24-hour time or AM/PM fixes the hour already: the period must agree with it (সকাল ৫টা পিএম does not).
      const fixed = meridiem !== undefined || hour > 12;
      const named = rules.hours.includes(spokenHour);
      if (!named || (fixed && rules.to24(spokenHour) !== hour)) {
        throw new DateParseError(
          "date.invalid-time",
          start,
          found.text,
          named
            ? `a period of the day that agrees with ${meridiem ? meridiem.toUpperCase() : "the 24-hour time"}`
            : `an hour that "${period.text}" can name (${rules.hours.join(", ")})`,
          `"${found.text}" names no time of day`,
        );
      }
      hour = rules.to24(spokenHour);
    }
    if (hour > 23) throw new DateParseError("date.invalid-time", token.start, found.text, "a time from 00:00 to 23:59", "no such time of day");
    const time: NonNullable<Reading["time"]> = { hour, minute: minutes };
    if (second !== undefined) time.second = second;
    if (millisecond !== undefined) time.millisecond = millisecond;
    this.times.push({ value: time, ...found });
    this.pendingPeriod = undefined;
    this.pendingQuarter = undefined;
    this.i = j;
    return true;
  }

  private wordIs(index: number, type: Entry["type"]): boolean {
    return this.tokens[index]?.kind === "word" && (this.phraseAt(index)?.entries.some((e) => e.type === type) ?? false);
  }

  // -- collecting

  private addGregorian(date: { year: number; month: number; day: number }, start: number, end: number): void {
    checkGregorian(date, this.text, start, end);
    this.gregorian.push({ value: date, start, end, text: this.text.slice(start, end) });
  }

  private addBangla(date: { year: number; month: number; day: number }, start: number, end: number): void {
    const found = { value: date, start, end, text: this.text.slice(start, end) };
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
    this.bangla.push(found);
  }

  private resolve(): Reading {
    const reading: Reading = { calendar: "gregorian", nightAfter: this.nightAfter, notes: [] };
    const conflict = (list: Found<unknown>[], what: string) => {
      const second = list.find((f) => !sameValue(f.value, list[0]!.value));
      if (second) throw new DateParseError("date.conflict", second.start, second.text, `one ${what}`, `the text gives two different ${what}s`);
    };
    conflict(this.gregorian, "date");
    conflict(this.bangla, "Bangla date");
    conflict(this.times, "time");
    conflict(this.relatives, "relative date");

    const gregorian = this.gregorian[0];
    const bangla = this.bangla[0];
    if (gregorian) {
      reading.date = gregorian.value;
      if (bangla) {
        const expected = gregorianToBangla(gregorian.value.year, gregorian.value.month, gregorian.value.day);
        const b = bangla.value;
        if (expected.year !== b.year || expected.month !== b.month || expected.day !== b.day) {
          reading.notes.push({
            code: "date.bangla-mismatch",
            message: `the Bangla date "${bangla.text}" is not the Gregorian date "${gregorian.text}" in the Bangladesh calendar (which gives ${toBengaliDigits(String(expected.day))} ${BANGLA_MONTHS[expected.month - 1]![0]} ${toBengaliDigits(String(expected.year))}); the Gregorian date is used`,
          });
        }
      }
    } else if (bangla) {
      reading.date = banglaToGregorian(bangla.value.year, bangla.value.month, bangla.value.day)!;
      reading.calendar = "bangla";
    }
    if (this.hijri.length > 0) {
      reading.notes.push({ code: "date.hijri-ignored", message: `the Hijri date "${this.hijri[0]!.value}" was not checked (its day depends on moon sighting)` });
    }
    const relative = this.relatives[0];
    if (relative) {
      if (reading.date) {
        throw new DateParseError("date.conflict", relative.start, relative.text, "either a date or a relative form such as গতকাল, not both", "the text gives both a date and a relative day");
      }
      reading.relative = relative.value;
      reading.relativeAt = { start: relative.start, text: relative.text };
      if (relative.value.kind !== "day" && this.times.length > 0) {
        throw new DateParseError("date.conflict", this.times[0]!.start, this.times[0]!.text, "a time only with a date or আজ/গতকাল", "the text gives both a relative time and a clock time");
      }
    }
    if (!reading.date && !reading.relative) {
      const time = this.times[0];
      throw new DateParseError(
        "date.no-date",
        time?.start ?? 0,
        time?.text ?? this.text.trim().slice(0, 40),
        ACCEPTED,
        time ? "a time without a date (patrika never assumes the day)" : "no date was found",
      );
    }
    if (this.times[0]) reading.time = this.times[0].value;
    if (this.offsetMinutes !== undefined) reading.offsetMinutes = this.offsetMinutes;
    if (reading.date && this.weekdays[0]) {
      const weekday = new Date(utcWall(reading.date.year, reading.date.month, reading.date.day)).getUTCDay();
      if (weekday !== this.weekdays[0].value) {
        reading.notes.push({
          code: "date.weekday-mismatch",
          message: `"${this.weekdays[0].text}" is not the weekday of that date (${WEEKDAYS[weekday]![0]}); the date is used`,
        });
      }
    }
    if (this.ignored.length > 0) {
      reading.notes.push({ code: "date.ignored-text", message: `words that are not part of a date were ignored: ${this.ignored.map((w) => `"${w}"`).join(", ")}` });
    }
    return reading;
  }
}

/** Whether two read values (flat records of numbers and strings) say the same thing. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => x[key] === y[key]);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function checkGregorian(date: { year: number; month: number; day: number }, text: string, start: number, end: number): void {
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

function checkTime(time: { hour: number; minute: number; second?: number }, text: string, start: number, end: number): void {
  if (time.hour > 23 || time.minute > 59 || (time.second ?? 0) > 59) {
    throw new DateParseError("date.invalid-time", start, text.slice(start, end), "a time from 00:00:00 to 23:59:59", "no such time of day");
  }
}

/** The month name nearest to a normalised word by edit distance, written as a reader would look it up. */
function nearestMonth(word: string): { name: string; distance: number } {
  let best = MONTH_HINTS[0]!;
  let bestDistance = Infinity;
  for (const hint of MONTH_HINTS) {
    const distance = editDistance(word, hint.form);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = hint;
    }
  }
  return { name: best.name, distance: bestDistance };
}

/** How far a word may be from a month name and still be taken for a misspelt one. */
function nearMissDistance(word: string): number {
  return word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
}
