/**
 * The lexicon as a look-up: every name in lexicon.ts in matching form → what it means, and the longest phrase that
 * starts at a token. The tables themselves live in lexicon.ts; this file only indexes them.
 */
import { editDistance } from "./edit-distance.js";
import {
  AGO_WORDS, AM_WORDS, BANGLA_MONTHS, DAY_PERIODS, FRAME_WORDS, GREGORIAN_MONTHS, HIJRI_MONTHS, HOUR_WORDS,
  JUST_NOW_WORDS, MINUTE_WORDS, NIGHT_AFTER_WORDS, OFFSET_WORDS, ORDINAL_SUFFIXES, PM_WORDS, QUARTER_WORDS,
  RELATIVE_DAYS, RELATIVE_UNITS, TIME_FILLER_WORDS, WEEKDAYS,
} from "./lexicon.js";
import { normaliseWord, type Token } from "./tokenise.js";

/** What one lexicon name means; `value` indexes the table the name comes from (or is the number it names). */
export type Entry =
  | { type: "gmonth" | "bmonth" | "hmonth" | "weekday"; value: number }
  | { type: "frame" | "ordinal" | "hour-word" | "minute-word" | "filler" | "am" | "pm" | "night-after" | "ago" | "just-now" | "offset" }
  | { type: "period"; value: number }
  | { type: "quarter"; value: number }
  | { type: "unit"; value: number }
  | { type: "rel-day"; value: number };

/** An entry that carries a value. */
export type ValuedEntry = Extract<Entry, { value: number }>;
/** A month name's entry, in any of the three calendars. */
export type MonthEntry = { type: "gmonth" | "bmonth" | "hmonth"; value: number };

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

/** A lexicon phrase found in the tokens. */
export interface Phrase {
  entries: Entry[];
  /** Tokens the phrase spans, counting any "-" between its words. */
  length: number;
  /** The phrase as written in the input. */
  text: string;
}

/** The entries of one word in matching form, if the lexicon knows it. */
export function lookUp(word: string): Entry[] | undefined {
  return LEXICON.get(word);
}

/** Whether a word in matching form is an ordinal ending (ই, লা, রা, ঠা, শে, th …). */
export function isOrdinal(word: string): boolean {
  return LEXICON.get(word)?.some((e) => e.type === "ordinal") ?? false;
}

/** The longest lexicon phrase starting at token `index` (words may be joined by "-"). */
export function findPhrase(tokens: readonly Token[], text: string, index: number): Phrase | undefined {
  const first = tokens[index];
  if (first?.kind !== "word") return undefined;
  if (!PHRASE_STARTS.has(first.text)) {
    const entries = LEXICON.get(first.text);
    return entries && { entries, length: 1, text: text.slice(first.start, first.end) };
  }
  for (let words = longestPhrase; words >= 1; words--) {
    const parts: string[] = [];
    let j = index;
    while (parts.length < words && tokens[j]?.kind === "word") {
      parts.push(tokens[j]!.text);
      j++;
      if (parts.length < words && tokens[j]?.kind === "punct" && tokens[j]!.text === "-" && tokens[j + 1]?.kind === "word") j++;
    }
    if (parts.length !== words) continue;
    const entries = LEXICON.get(parts.join(" "));
    if (entries) return { entries, length: j - index, text: text.slice(first.start, tokens[j - 1]!.end) };
  }
  return undefined;
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

/** The month name nearest to a normalised word by edit distance, written as a reader would look it up. */
export function nearestMonth(word: string): { name: string; distance: number } {
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
export function nearMissDistance(word: string): number {
  return word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
}
