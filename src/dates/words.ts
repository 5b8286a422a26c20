/**
 * The lexicon as a look-up: every name in lexicon.ts in matching form → what it means, and the longest phrase that
 * starts at a token. The tables themselves live in lexicon.ts; this file only indexes them.
 */
import { editDistance } from "./edit-distance.js";
import {
  AGO_WORDS, AM_WORDS, BANGLA_MONTHS, DATELINE_PLACES, DAY_PERIODS, DAY_WORDS, ERA_WORDS, FRAME_WORDS, GREGORIAN_MONTHS,
  HALF_HOUR_WORDS, HIJRI_MONTHS, HOUR_WORDS, JUST_NOW_WORDS, MINUTE_WORDS, MISSPELT_GREGORIAN_MONTHS, NEWSROOM_HOURS_WORDS,
  NIGHT_AFTER_WORDS, OFFSET_WORDS, ONE_WORDS, ORDINAL_SUFFIXES, PM_WORDS, QUARTER_WORDS, RELATIVE_DAYS, RELATIVE_UNITS, SECOND_WORDS,
  SPACED_ORDINAL_SUFFIXES, STAMP_LABELS, TIME_FILLER_WORDS, WEEKDAYS, ZONE_NAMES,
} from "./lexicon.js";
import { normaliseWord, type Token } from "./tokenise.js";

/** The kinds of word the lexicon holds. */
export type EntryType =
  | "gmonth" | "bmonth" | "hmonth" | "weekday" | "day-word" | "era" | "frame" | "place" | "label" | "ordinal" | "spaced-ordinal"
  | "hour-word" | "minute-word" | "second-word" | "newsroom-hours" | "filler" | "am" | "pm" | "period" | "quarter" | "half-hour"
  | "night-after" | "unit" | "one" | "ago" | "just-now" | "rel-day" | "offset" | "zone";

/**
 * What one lexicon name means. `value` is the month (1–12), weekday (0 = Sunday), day, quarter's minutes, the
 * relative day, or the index of the row in its lexicon table; 0 for words that carry none.
 */
export interface Entry {
  type: EntryType;
  value: number;
  /** A misspelling that is read, with a note. */
  misspelt?: true;
}

/** A month name's entry, in any of the three calendars. */
export type MonthEntry = Entry & { type: "gmonth" | "bmonth" | "hmonth" };

const LEXICON = new Map<string, Entry[]>();
function add(names: readonly string[], type: EntryType, value = 0, misspelt = false): void {
  for (const name of names) {
    const key = normaliseWord(name).replace(/-/g, " ");
    const list = LEXICON.get(key) ?? [];
    const entry: Entry = misspelt ? { type, value, misspelt } : { type, value };
    if (!list.some((e) => e.type === type && e.value === value)) list.push(entry);
    LEXICON.set(key, list);
  }
}
GREGORIAN_MONTHS.forEach((names, i) => add(names, "gmonth", i + 1));
MISSPELT_GREGORIAN_MONTHS.forEach((names, i) => add(names, "gmonth", i + 1, true));
BANGLA_MONTHS.forEach((names, i) => add(names, "bmonth", i + 1));
HIJRI_MONTHS.forEach((names, i) => add(names, "hmonth", i + 1));
WEEKDAYS.forEach((names, i) => add(names, "weekday", i));
DAY_WORDS.forEach((row) => add(row.names, "day-word", row.day));
ERA_WORDS.forEach((row, i) => add(row.names, "era", i));
add(FRAME_WORDS, "frame");
add(DATELINE_PLACES, "place");
add(STAMP_LABELS, "label");
add(ORDINAL_SUFFIXES, "ordinal");
add(SPACED_ORDINAL_SUFFIXES, "spaced-ordinal");
add(HOUR_WORDS, "hour-word");
add(MINUTE_WORDS, "minute-word");
add(SECOND_WORDS, "second-word");
add(NEWSROOM_HOURS_WORDS, "newsroom-hours");
add(TIME_FILLER_WORDS, "filler");
add(AM_WORDS, "am");
add(PM_WORDS, "pm");
add(NIGHT_AFTER_WORDS, "night-after");
add(AGO_WORDS, "ago");
add(ONE_WORDS, "one", 1);
add(JUST_NOW_WORDS, "just-now");
add(OFFSET_WORDS, "offset");
ZONE_NAMES.forEach((row, i) => add(row.names, "zone", i));
DAY_PERIODS.forEach((period, i) => add(period.names, "period", i));
QUARTER_WORDS.forEach((quarter) => add(quarter.names, "quarter", quarter.minutes));
HALF_HOUR_WORDS.forEach((row, i) => add(row.names, "half-hour", i));
RELATIVE_UNITS.forEach((unit, i) => add(unit.names, "unit", i));
RELATIVE_DAYS.forEach((day) => add(day.names, "rel-day", day.days));

/** First words of the lexicon's phrases of more than one word (রবিউল আউয়াল, গত পরশু) → the most words such a phrase has. */
const PHRASE_STARTS = new Map<string, number>();
for (const key of LEXICON.keys()) {
  const words = key.split(" ");
  if (words.length > 1) PHRASE_STARTS.set(words[0]!, Math.max(PHRASE_STARTS.get(words[0]!) ?? 1, words.length));
}

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

/** Whether a word in matching form is an ordinal ending (ই, লা, রা, ঠা, শে, th …), joined to its number or not. */
export function isOrdinal(word: string, joined: boolean): boolean {
  return LEXICON.get(word)?.some((e) => e.type === (joined ? "ordinal" : "spaced-ordinal")) ?? false;
}

/** The longest lexicon phrase starting at token `index` (words may be joined by "-"). */
export function findPhrase(tokens: readonly Token[], text: string, index: number): Phrase | undefined {
  const first = tokens[index];
  if (first?.kind !== "word") return undefined;
  const most = PHRASE_STARTS.get(first.text);
  let best: Phrase | undefined;
  const single = LEXICON.get(first.text);
  if (single) best = { entries: single, length: 1, text: text.slice(first.start, first.end) };
  if (most === undefined) return best;
  // Grow the key word by word, keeping the longest phrase the lexicon knows.
  let key = first.text;
  let j = index + 1;
  for (let words = 2; words <= most; words++) {
    if (tokens[j]?.kind === "punct" && tokens[j]!.text === "-" && tokens[j + 1]?.kind === "word") j++;
    const next = tokens[j];
    if (next?.kind !== "word") break;
    key += ` ${next.text}`;
    j++;
    const entries = LEXICON.get(key);
    if (entries) best = { entries, length: j - index, text: text.slice(first.start, next.end) };
  }
  return best;
}

/**
 * Every month spelling in matching form, with the name to suggest for it: the first Bengali spelling for Bengali
 * forms, the full English name for English ones (so "Jly" suggests July, "জুলুই" জুলাই).
 */
const MONTH_HINTS: readonly { form: string; name: string }[] = [
  ...GREGORIAN_MONTHS.map((names, i) => [...names, ...MISSPELT_GREGORIAN_MONTHS[i]!]),
  ...BANGLA_MONTHS,
].flatMap((names) => {
  const english = names.find((n) => /^[a-z]+$/.test(n));
  const englishName = english && english[0]!.toUpperCase() + english.slice(1);
  return names.map((n) => ({ form: normaliseWord(n), name: /^[a-z]+$/.test(n) ? englishName! : names[0]! }));
});

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

/** Whether the lexicon knows a word (in matching form), alone or as the first word of a phrase. */
export function isKnownWord(word: string): boolean {
  return LEXICON.has(word) || PHRASE_STARTS.has(word);
}
