/**
 * Date stamps in the text of a page: "প্রকাশ: … | আপডেট: …" on one line or on consecutive lines, a label alone with
 * the date below it, byline or outlet text before the label, non-date text after the date. The dates themselves are
 * read only by the date reader (src/dates); this module only finds where a stamp is and which part is which.
 */
import { tryParseBengaliDate, type ParsedDate, type ParseDateOptions } from "../dates/index.js";
import type { ImportRules } from "./rules.js";

/** The zone and calendar that dates without an offset are read in (the config's, or --tz / --calendar). */
export type DateContext = Pick<ParseDateOptions, "timeZone" | "calendar">;

/** One date of a stamp, and what its label says it is. */
export interface StampPart {
  role: "published" | "updated" | "unlabelled";
  date: ParsedDate;
}

/** A stamp block: one or more consecutive lines holding the story's dates. */
export interface Stamp {
  /** Index of its first line and one past its last, in the page's line list. */
  start: number;
  end: number;
  parts: StampPart[];
  labelled: boolean;
  /** Text printed before the first label on the same line (a byline or the outlet's name). */
  prefix?: string;
  /** Text printed beside the dates that is not part of them (`অনলাইন সংস্করণ`), left out. */
  beside: string[];
  /** Remarks that make the reading uncertain: text with digits that was set aside, a part that could not be read. */
  doubts: string[];
}

/** The longest line that can be a stamp: anything longer is a sentence that mentions a date. */
const MAX_STAMP_LENGTH = 160;
/** Separators sites print between a date and the text beside it. */
const PIECE_SEPARATOR = /\s*[|•·]\s*|\s+[–—-]\s+/u;
const TRIM_SEPARATORS = /^[\s|•·,;।:ঃ–—-]+|[\s|•·,;।–—-]+$/gu;
const HAS_DIGIT = /[0-9০-৯]/u;

/** A date reading with the words the reader set aside: those make it doubtful. */
function isClean(date: ParsedDate): boolean {
  return !date.notes.some((note) => /ignored|unknown/.test(note.code));
}

function read(text: string, context: DateContext): ParsedDate | undefined {
  const result = tryParseBengaliDate(text, context);
  return result.ok ? result.value : undefined;
}

/**
 * Reads the date in a piece of stamp text. When the reader sets words aside, the text beside the date is split off
 * at the separators sites print (`|`, `•`, ` - `) or, for a masthead, the place names before the first comma, and
 * the rest is read again; what was split off is returned so it can be listed.
 */
export function readStampText(text: string, context: DateContext): { date: ParsedDate; beside: string[]; doubts: string[] } | undefined {
  if (text.length === 0 || text.length > MAX_STAMP_LENGTH) return undefined;
  const whole = read(text, context);
  if (whole && isClean(whole)) return { date: whole, beside: [], doubts: [] };
  const pieces = text.split(PIECE_SEPARATOR).filter(Boolean);
  for (let i = 0; pieces.length > 1 && i < pieces.length; i++) {
    const date = read(pieces[i]!, context);
    if (date && isClean(date)) return withBeside(date, pieces.filter((_, j) => j !== i));
  }
  const commas = text.split(/\s*,\s*/u);
  for (let k = 1; k < commas.length && !HAS_DIGIT.test(commas[k - 1]!); k++) {
    const date = read(commas.slice(k).join(", "), context);
    if (date && isClean(date)) return withBeside(date, [commas.slice(0, k).join(", ")]);
  }
  return whole ? { date: whole, beside: [], doubts: [] } : undefined;
}

function withBeside(date: ParsedDate, beside: string[]) {
  const doubts = beside.filter((text) => HAS_DIGIT.test(text)).map((text) => `the text "${text}" beside the date holds digits and was left out`);
  return { date, beside, doubts };
}

interface LabelHit {
  index: number;
  end: number;
  updated: boolean;
}

const LABEL_PATTERNS = new WeakMap<ImportRules, RegExp | undefined>();

/** One pattern for all labels, longest first, compiled once per rule set. */
function labelPattern(rules: ImportRules): RegExp | undefined {
  if (!LABEL_PATTERNS.has(rules)) {
    const alternatives = rules.labels.map((label) => label.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    LABEL_PATTERNS.set(rules, alternatives ? new RegExp(`(?<=^|[\\s|,;।(•])(${alternatives})(?:\\s*[:ঃ]\\s*|\\s+(?=[0-9০-৯])|\\s*$)`, "giu") : undefined);
  }
  return LABEL_PATTERNS.get(rules);
}

/** Every stamp label in a line, left to right; a label counts when a colon, a digit or the line's end follows it. */
function findLabels(line: string, rules: ImportRules): LabelHit[] {
  const pattern = labelPattern(rules);
  if (!pattern) return [];
  pattern.lastIndex = 0;
  const hits: LabelHit[] = [];
  for (const match of line.matchAll(pattern)) {
    const text = match[1]!.toLowerCase();
    const label = rules.labels.find((l) => l.text.toLowerCase() === text);
    hits.push({ index: match.index, end: match.index + match[0].length, updated: label?.updated ?? false });
  }
  return hits;
}

/** Reads a stamp that starts at line `i`: a labelled line (its date may be on the next line) or a line that is a date. */
function stampAt(lines: readonly string[], i: number, rules: ImportRules, context: DateContext): Stamp | undefined {
  const line = lines[i]!;
  const labels = findLabels(line, rules);
  if (labels.length === 0) {
    const reading = readStampText(line.replace(TRIM_SEPARATORS, ""), context);
    if (!reading) return undefined;
    return { start: i, end: i + 1, parts: [{ role: "unlabelled", date: reading.date }], labelled: false, beside: reading.beside, doubts: reading.doubts };
  }
  if (labels[0]!.index > 40) return undefined; // a label deep inside a sentence is not a stamp
  const stamp: Stamp = { start: i, end: i + 1, parts: [], labelled: true, beside: [], doubts: [] };
  const prefix = line.slice(0, labels[0]!.index).replace(TRIM_SEPARATORS, "");
  if (prefix) stamp.prefix = prefix;
  labels.forEach((label, n) => {
    let text = line.slice(label.end, labels[n + 1]?.index ?? line.length).replace(TRIM_SEPARATORS, "");
    if (!text && n === labels.length - 1 && i + 1 < lines.length) {
      text = lines[i + 1]!; // the label alone on its line, the date below it
      stamp.end = i + 2;
    }
    const reading = readStampText(text, context);
    if (!reading) {
      if (text) stamp.beside.push(text);
      if (text && HAS_DIGIT.test(text)) stamp.doubts.push(`the ${label.updated ? "update" : "publication"} stamp "${text}" could not be read as a date`);
      return;
    }
    stamp.parts.push({ role: label.updated ? "updated" : "published", date: reading.date });
    stamp.beside.push(...reading.beside);
    stamp.doubts.push(...reading.doubts);
  });
  return stamp.parts.length > 0 ? stamp : undefined;
}

/** Every stamp block in the page, in order: consecutive stamp lines form one block. */
export function findStamps(lines: readonly string[], rules: ImportRules, context: DateContext): Stamp[] {
  const stamps: Stamp[] = [];
  for (let i = 0; i < lines.length; ) {
    const stamp = stampAt(lines, i, rules, context);
    if (!stamp) {
      i++;
      continue;
    }
    const previous = stamps.at(-1);
    if (previous && previous.end === stamp.start && previous.labelled === stamp.labelled) {
      previous.end = stamp.end;
      previous.parts.push(...stamp.parts);
      previous.beside.push(...stamp.beside);
      previous.doubts.push(...stamp.doubts);
      previous.prefix ??= stamp.prefix;
    } else {
      stamps.push(stamp);
    }
    i = stamp.end;
  }
  return stamps;
}

/** How much a stamp says: a labelled one beats a bare date, a date with a time beats a day alone. */
export function stampRank(stamp: Stamp): number {
  const timed = stamp.parts.some((part) => part.date.precision !== "day");
  return (stamp.labelled ? 2 : 0) + (timed ? 1 : 0);
}
