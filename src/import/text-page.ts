/**
 * The plain text of a saved news page → one article (docs/import.md, "Plain-text pages"). Pure: text in, fields out.
 * The page is read around its date stamp: the headline and byline sit next to it (above, or the headline below), the
 * image caption and the body follow, and the page chrome is dropped, each dropped line listed with its reason.
 */
import type { ParsedDate } from "../dates/index.js";
import type { DroppedLine, DropReason, ExtractResult, Guess, ImportedArticle, ImportedImage } from "./model.js";
import type { ImportRules } from "./rules.js";
import { findStamps, stampRank, type DateContext, type Stamp } from "./stamp.js";

/** One non-empty line of the page, trimmed, with its 1-based line number. */
interface Line {
  text: string;
  line: number;
}

/** Lines longer than this are body text, never chrome, however they start. */
const MAX_CHROME_LENGTH = 100;
/** How many related headlines an inline "আরও পড়ুন" block may list before the article resumes. */
const MAX_RELATED = 5;
/** A sentence ends with the dari or a question or exclamation mark; headlines do not end with the dari. */
const SENTENCE_END = /[।?!]["'”’)]*$/u;

/** Splits a page into trimmed, non-empty lines, keeping their numbers. */
export function pageLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|\n/)
    .map((raw, index) => ({ text: raw.replace(/[\u00A0\s]+/g, " ").trim(), line: index + 1 }))
    .filter((l) => l.text !== "");
}

const matches = (patterns: readonly RegExp[], text: string) => patterns.some((p) => p.test(text));

/** What kind of page furniture a line is, if any. */
function furniture(text: string, rules: ImportRules): DropReason | undefined {
  if (text.length > MAX_CHROME_LENGTH) return undefined;
  if (matches(rules.placeholders, text)) return "image placeholder";
  if (matches(rules.chromeLines, text) || matches(rules.liveMarkers, text) && text.split(" ").length <= 2) return "page chrome";
  return undefined;
}

const isByline = (text: string, rules: ImportRules) => text.length <= 60 && !SENTENCE_END.test(text) && matches(rules.bylines, text);

/** How much a line looks like a headline: 2 for three words or more, 1 for two, 0 for a sentence or a lone word. */
function headlineScore(text: string | undefined): number {
  if (text === undefined || text.length > 200 || /।["'”’]*$/u.test(text)) return 0;
  const words = text.split(" ").length;
  return words >= 3 ? 2 : words === 2 ? 1 : 0;
}

const sameText = (a: string, b: string) => a.replace(/[\s।.,:ঃ-]+$/u, "") === b.replace(/[\s।.,:ঃ-]+$/u, "");

/** Characters Markdown would read as markup at a line's start or inside it; page text is text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, "\\$&")
    .replace(/^(#{1,6}\s|[-+]\s|\d+[.)]\s|=+$|>)/, "\\$1");
}

/** The page state the extractor builds up while it walks the lines. */
interface Draft {
  dropped: DroppedLine[];
  guesses: Guess[];
  author?: string;
  /** The line the byline was read from, so it is not listed as dropped. */
  authorIndex?: number;
  image?: ImportedImage;
  /** The text the caption was taken from, given back when it turns out to be the story's only paragraph. */
  captionFrom?: { text: string; keepCredit: boolean };
  paragraphs: string[];
  /** Stamps printed inside the body (live-blog entries), for the latest update. */
  bodyDates: ParsedDate[];
}

/**
 * Reads the plain text of a saved news page: headline, byline, published and updated stamps, image caption and
 * credit, body; every line it leaves out is listed, and every field it had to guess is named.
 */
export function extractTextPage(text: string, rules: ImportRules, context: DateContext): ExtractResult {
  const lines = pageLines(text);
  const texts = lines.map((l) => l.text);
  const stamps = findStamps(texts, rules, context);
  const stamp = chooseStamp(stamps);
  if (!stamp) {
    return { ok: false, message: 'no date stamp was found (a line such as "প্রকাশ: ১৩ জুলাই ২০২৫, ১৭:২৮")', line: lines[0]?.line ?? 1 };
  }
  const draft: Draft = { dropped: [], guesses: [], paragraphs: [], bodyDates: [] };
  const stampLines = new Set(stamps.filter((s) => s !== stamp && s.end <= stamp.start).flatMap((s) => range(s.start, s.end)));

  const above = walkAbove(lines, stamp, stampLines, rules, draft);
  const below = walkBelow(lines, stamp.end, rules);
  const title = chooseHeadline(lines, above, below, draft);
  if (!title) {
    return { ok: false, message: "no headline was found next to the date stamp (a line of at least two words that is not a sentence)", line: lines[stamp.start]!.line };
  }
  dropAboveHeadline(lines, Math.min(title.index, stamp.start), stampLines, draft, rules);
  for (let j = title.index + 1; j < stamp.start; j++) {
    const line = lines[j]!;
    if (j !== draft.authorIndex) drop(draft, line, stampLines.has(j) ? "masthead date" : (furniture(line.text, rules) ?? "page chrome"));
  }
  readStampPrefix(stamp, lines, rules, draft);

  let bodyStart = stamp.end;
  if (title.index > stamp.start) {
    below.skipped.forEach((index, n) => {
      const text = lines[index]!.text;
      drop(draft, lines[index]!, furniture(text, rules) ?? (n === 0 && stamp.start === 0 ? "publication name" : "section label"));
    });
    bodyStart = title.index + 1;
    if (bodyStart < lines.length && isByline(lines[bodyStart]!.text, rules) && !draft.author) {
      draft.authorIndex = bodyStart;
      draft.author = lines[bodyStart++]!.text;
    }
  }
  const bodyStamps = new Map(stamps.filter((s) => s.start >= bodyStart).map((s) => [s.start, s]));
  readBody(lines, bodyStart, bodyStamps, rules, draft);

  const dates = readDates(stamp, draft, texts, rules, title.text);
  const article: ImportedArticle = {
    title: title.text,
    date: dates.published,
    authors: draft.author ? [draft.author] : [],
    tags: [],
    body: draft.paragraphs.map(escapeMarkdown).join("\n\n"),
    dropped: draft.dropped.sort((a, b) => a.line - b.line),
    guesses: draft.guesses,
  };
  if (dates.updated) article.updated = dates.updated;
  if (draft.image) article.image = draft.image;
  const headerEnd = Math.max(stamp.end, title.index + 1, (draft.authorIndex ?? 0) + 1);
  article.header = texts.slice(0, headerEnd);
  return { ok: true, article };
}

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);

function drop(draft: Draft, line: Line, reason: DropReason): void {
  draft.dropped.push({ line: line.line, text: line.text, reason });
}

/** The story's stamp: the first of the most telling kind (labelled, then with a time, then a day alone). */
function chooseStamp(stamps: readonly Stamp[]): Stamp | undefined {
  let best: Stamp | undefined;
  for (const stamp of stamps) if (!best || stampRank(stamp) > stampRank(best)) best = stamp;
  return best;
}

/** Above the stamp, nearest first: chrome and bylines are passed over; the first other line may be the headline. */
function walkAbove(lines: readonly Line[], stamp: Stamp, stampLines: Set<number>, rules: ImportRules, draft: Draft): number | undefined {
  for (let j = stamp.start - 1; j >= 0; j--) {
    const text = lines[j]!.text;
    if (stampLines.has(j) || furniture(text, rules)) continue;
    if (isByline(text, rules)) {
      if (draft.author === undefined) {
        draft.author = text;
        draft.authorIndex = j;
      }
      continue;
    }
    return j;
  }
  return undefined;
}

/**
 * Below the stamp: the first line that reads as a headline, past chrome and past short lines (the publication name
 * and section under a masthead date), which are passed over and listed.
 */
function walkBelow(lines: readonly Line[], from: number, rules: ImportRules): { index?: number; skipped: number[] } {
  const skipped: number[] = [];
  for (let j = from; j < lines.length && j < from + 4; j++) {
    const text = lines[j]!.text;
    if (furniture(text, rules) || (text.split(" ").length <= 2 && !SENTENCE_END.test(text) && !isByline(text, rules))) skipped.push(j);
    else return { index: j, skipped };
  }
  return { skipped };
}

/**
 * The headline: the line above the stamp when it reads as one (three words or more, not a sentence); else the line
 * below the stamp when that does (and something follows it); else a two-word line above, named as a guess.
 */
function chooseHeadline(lines: readonly Line[], above: number | undefined, below: { index?: number }, draft: Draft): { text: string; index: number } | undefined {
  const scoreAbove = headlineScore(above === undefined ? undefined : lines[above]!.text);
  const belowIndex = below.index;
  const scoreBelow = belowIndex !== undefined && belowIndex + 1 < lines.length ? headlineScore(lines[belowIndex]!.text) : 0;
  if (above !== undefined && scoreAbove === 2) return { text: lines[above]!.text, index: above };
  if (belowIndex !== undefined && scoreBelow === 2) {
    if (scoreAbove === 1) {
      draft.guesses.push({ field: "title", message: `the two-word line above the stamp ("${lines[above!]!.text}") was taken for a section label, and the line below the stamp for the headline` });
    }
    return { text: lines[belowIndex]!.text, index: belowIndex };
  }
  if (above !== undefined && scoreAbove === 1) {
    draft.guesses.push({ field: "title", message: "the headline is a line of only two words above the stamp" });
    return { text: lines[above]!.text, index: above };
  }
  return undefined;
}

/** Everything above the headline (or the stamp) is the page's masthead: publication name, section, the paper's date. */
function dropAboveHeadline(lines: readonly Line[], end: number, stampLines: Set<number>, draft: Draft, rules: ImportRules): void {
  let named = false;
  for (let j = 0; j < end; j++) {
    const line = lines[j]!;
    if (draft.authorIndex === j) continue;
    let reason: DropReason | undefined = stampLines.has(j) ? "masthead date" : furniture(line.text, rules);
    if (!reason) {
      reason = named ? "section label" : "publication name";
      named = true;
    }
    drop(draft, line, reason);
  }
}

/** Text before the stamp's label is its byline (or the outlet's name); text beside its dates is left out. */
function readStampPrefix(stamp: Stamp, lines: readonly Line[], rules: ImportRules, draft: Draft): void {
  const at = lines[stamp.start]!;
  if (stamp.prefix) {
    if (!draft.author && isByline(stamp.prefix, rules)) draft.author = stamp.prefix;
    else if (!draft.author && stamp.prefix.split(" ").length <= 5 && !/[0-9০-৯]/u.test(stamp.prefix)) {
      draft.author = stamp.prefix;
      draft.guesses.push({ field: "author", message: `the text before the stamp's label ("${stamp.prefix}") was taken for the byline` });
    } else draft.dropped.push({ line: at.line, text: stamp.prefix, reason: "text beside the stamp" });
  }
  for (const text of stamp.beside) draft.dropped.push({ line: at.line, text, reason: "text beside the stamp" });
  for (const message of stamp.doubts) draft.guesses.push({ field: "date", message });
}

/** The body: paragraphs up to the first end marker, with chrome, related headlines and the repeated caption left out. */
function readBody(lines: readonly Line[], start: number, bodyStamps: Map<number, Stamp>, rules: ImportRules, draft: Draft): void {
  let ended = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (ended) {
      drop(draft, line, "after the article");
      continue;
    }
    const reason = furniture(text, rules);
    if (text.length <= MAX_CHROME_LENGTH && matches(rules.chromeEnd, text)) {
      drop(draft, line, "page chrome");
      ended = true;
    } else if (text.length <= MAX_CHROME_LENGTH && matches(rules.readMore, text)) {
      i = skipRelated(lines, i, draft, rules);
      const next = lines[i + 1]?.text;
      ended = next !== undefined && !(SENTENCE_END.test(next) && next.length >= 40);
    } else if (reason) {
      drop(draft, line, reason);
    } else if (bodyStamps.has(i)) {
      const stamp = bodyStamps.get(i)!;
      draft.bodyDates.push(...stamp.parts.map((p) => p.date));
      for (let j = i; j < stamp.end; j++) draft.paragraphs.push(lines[j]!.text);
      i = stamp.end - 1;
    } else if (!readCaption(lines, i, start, draft, rules)) {
      if (draft.paragraphs.length === 0 && !draft.author && isByline(text, rules)) draft.author = text;
      else if (draft.paragraphs.length === 0 && !draft.author && isByline(text.split(/\s*[:ঃ]\s/u)[0]!, rules) && /[:ঃ]\s/u.test(text)) {
        draft.author = text.split(/\s*[:ঃ]\s/u)[0]!; // "নিজস্ব প্রতিবেদক, ঢাকা: …": the dateline byline stays in the text
        draft.paragraphs.push(text);
      } else draft.paragraphs.push(text);
    }
  }
  if (draft.paragraphs.length === 0 && draft.captionFrom) {
    // A story's only paragraph is never its caption.
    const { text, keepCredit } = draft.captionFrom;
    draft.paragraphs.push(text);
    if (keepCredit && draft.image?.credit) draft.image = { credit: draft.image.credit };
    else delete draft.image;
    delete draft.captionFrom;
    draft.guesses.push({ field: "image", message: "the only paragraph stands where a caption would; it was kept as the body, not taken as the caption" });
  }
}

/** "আরও পড়ুন" alone is followed by linked headlines: all are dropped; an inline one is a single line. */
function skipRelated(lines: readonly Line[], i: number, draft: Draft, rules: ImportRules): number {
  const heading = lines[i]!;
  drop(draft, heading, "page chrome");
  if (/[:ঃ]\s*\S/u.test(heading.text)) return i;
  let j = i + 1;
  for (; j < lines.length && j <= i + MAX_RELATED; j++) {
    const text = lines[j]!.text;
    if (headlineScore(text) === 0 || SENTENCE_END.test(text) || furniture(text, rules) || matches(rules.chromeEnd, text)) break;
    drop(draft, lines[j]!, "related headline");
  }
  return j - 1;
}

/**
 * The image caption, printed near the top: a line with a credit (`ছবি: …`) gives caption and credit; the alt text
 * printed just above it, and the caption printed again anywhere, are dropped as duplicates. Returns whether the line
 * was taken.
 */
function readCaption(lines: readonly Line[], i: number, start: number, draft: Draft, rules: ImportRules): boolean {
  const text = lines[i]!.text;
  if (draft.image?.caption && sameText(text, draft.image.caption)) {
    drop(draft, lines[i]!, "duplicate caption");
    return true;
  }
  const nearTop = !draft.image && draft.paragraphs.length <= 1 && i <= start + 3;
  if (!nearTop) return false;
  const credit = rules.credits.map((p) => p.exec(text)).find(Boolean);
  const previous = draft.paragraphs.at(-1);
  if (credit) {
    let caption = credit[1]!.trim().replace(/[\s।,.-]+$/u, "");
    draft.captionFrom = { text, keepCredit: false };
    if (!caption && previous !== undefined) {
      caption = draft.paragraphs.pop()!; // the line above a bare credit is the caption
      draft.captionFrom = { text: caption, keepCredit: true };
    } else if (previous !== undefined && caption && sameText(caption, previous)) {
      draft.paragraphs.pop();
      drop(draft, lines[i - 1]!, "duplicate caption");
    }
    draft.image = { ...(caption ? { caption } : {}), credit: credit[2]!.trim() };
    if (!caption) delete draft.captionFrom;
    return true;
  }
  if (previous !== undefined && draft.paragraphs.length === 1 && sameText(text, previous) && headlineScore(text) > 0) {
    draft.paragraphs.pop();
    drop(draft, lines[i - 1]!, "duplicate caption");
    draft.image = { caption: text };
    draft.captionFrom = { text, keepCredit: false };
    draft.guesses.push({ field: "image", message: "a line printed twice under the stamp was taken for the image caption (no credit was printed)" });
    return true;
  }
  return false;
}

/**
 * The published and updated times: the stamp's labelled parts; a live blog's latest entry is its update. A page that
 * prints only an update time, or dates the reader had remarks on, says so.
 */
function readDates(stamp: Stamp, draft: Draft, texts: readonly string[], rules: ImportRules, title: string): { published: ParsedDate; updated?: ParsedDate } {
  const byRole = (role: string) => stamp.parts.filter((p) => p.role === role).map((p) => p.date);
  const updates = byRole("updated");
  let published = byRole("published")[0] ?? byRole("unlabelled")[0];
  if (!published) {
    published = updates.shift()!;
    draft.guesses.push({ field: "date", message: "the page prints only an update time; it was taken as the publication time" });
  }
  if (!stamp.labelled && stampRank(stamp) === 0) {
    draft.guesses.push({ field: "date", message: "the page prints no time for the story, only a day; the day was taken as the publication date" });
  }
  const live = texts.some((t) => matches(rules.liveMarkers, t)) || matches(rules.liveMarkers, title) || draft.bodyDates.length >= 2;
  const candidates = live ? [...updates, ...draft.bodyDates] : updates;
  let updated = candidates.reduce<ParsedDate | undefined>((latest, d) => (!latest || d.instant > latest.instant ? d : latest), undefined);
  if (updated && updated.instant.getTime() < published.instant.getTime()) {
    draft.guesses.push({ field: "updated", message: `the update time ${updated.iso} is before the publication time and was left out` });
    updated = undefined;
  }
  if (updated && updated.instant.getTime() === published.instant.getTime()) updated = undefined;
  for (const note of published.notes) draft.guesses.push({ field: "date", message: note.message });
  for (const note of updated?.notes ?? []) draft.guesses.push({ field: "updated", message: note.message });
  return updated ? { published, updated } : { published };
}
