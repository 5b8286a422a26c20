import { tryParseBengaliDate, type ParsedDate } from "../dates/index.js";

/** The rules of rules.json (and a newsroom's additions), compiled. */
export interface ImportRules {
  bylines: RegExp[];
  dateLabels: string[];
  updatedLabels: string[];
  credits: RegExp[];
  chromeEnd: RegExp[];
  chromeLines: RegExp[];
}

export interface RulesFile {
  bylines?: string[];
  dateLabels?: string[];
  updatedLabels?: string[];
  credits?: string[];
  chromeEnd?: string[];
  chromeLines?: string[];
}

/** Compiles rule files, later ones adding to earlier ones. */
export function compileRules(...files: RulesFile[]): ImportRules {
  const patterns = (key: "bylines" | "credits" | "chromeEnd" | "chromeLines") => files.flatMap((f) => f[key] ?? []).map((p) => new RegExp(p, "iu"));
  return {
    bylines: patterns("bylines"),
    credits: patterns("credits"),
    chromeEnd: patterns("chromeEnd"),
    chromeLines: patterns("chromeLines"),
    dateLabels: files.flatMap((f) => f.dateLabels ?? []),
    updatedLabels: files.flatMap((f) => f.updatedLabels ?? []),
  };
}

/** A line taken out of the article, with why. */
export interface DroppedLine {
  line: number;
  text: string;
  reason: "publication name" | "section label" | "duplicate caption" | "page chrome" | "after the article";
}

/** What a saved page says, field by field. */
export interface ExtractedArticle {
  title: string;
  date: ParsedDate;
  updated?: ParsedDate;
  author?: string;
  image?: { caption?: string; credit?: string };
  paragraphs: string[];
  dropped: DroppedLine[];
}

export type ExtractResult = { ok: true; article: ExtractedArticle } | { ok: false; message: string; line: number };

const LABEL_SPLIT = (labels: string[]) => new RegExp(`(?=(?:${labels.map(escape).sort((a, b) => b.length - a.length).join("|")})\\s*[:ঃ])`, "u");
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Reads the plain text of a saved news page: the publication line, the headline, the byline, the date line
 * (published and updated when both are printed), the image caption and credit (often printed twice), the body,
 * and the page chrome after it. Pure: the caller reads and writes files.
 */
export function extractArticle(text: string, rules: ImportRules, timeZone: string): ExtractResult {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((raw, index) => ({ text: raw.replace(/[\u00A0\s]+/g, " ").trim(), line: index + 1 }))
    .filter((l) => l.text !== "");
  const dateIndex = lines.findIndex((l) => isDateLine(l.text, rules, timeZone));
  if (dateIndex < 0) {
    return { ok: false, message: "no date line was found (a line such as \"প্রকাশ: ১৩ জুলাই ২০২৫, ১৭:২৮\")", line: lines[0]?.line ?? 1 };
  }
  const dates = readDates(lines[dateIndex]!.text, rules, timeZone);
  if (!dates) return { ok: false, message: "the date line could not be read", line: lines[dateIndex]!.line };

  const dropped: DroppedLine[] = [];
  let cursor = dateIndex - 1;
  let author: string | undefined;
  if (cursor >= 0 && rules.bylines.some((p) => p.test(lines[cursor]!.text))) author = lines[cursor--]!.text;
  const headline = cursor >= 1 || (cursor === 0 && !author) ? lines[cursor] : undefined;
  if (!headline || headline.text.split(" ").length < 2) {
    return {
      ok: false,
      message: `no headline was found before the ${author ? "byline" : "date line"} (a line of at least two words)`,
      line: (headline ?? lines[dateIndex]!).line,
    };
  }
  lines.slice(0, cursor).forEach((l, i) => dropped.push({ ...l, reason: i === 0 ? "publication name" : "section label" }));

  // After the date line: the image's alt text and caption with its credit, then the body until the chrome.
  let image: ExtractedArticle["image"];
  const paragraphs: string[] = [];
  let ended = false;
  for (let i = dateIndex + 1; i < lines.length; i++) {
    const { text: line, line: number } = lines[i]!;
    if (ended) {
      dropped.push({ text: line, line: number, reason: "after the article" });
      continue;
    }
    if (rules.chromeEnd.some((p) => p.test(line))) {
      ended = true;
      dropped.push({ text: line, line: number, reason: "page chrome" });
      continue;
    }
    if (rules.chromeLines.some((p) => p.test(line))) {
      dropped.push({ text: line, line: number, reason: "page chrome" });
      continue;
    }
    // The caption comes right after the date line, alone or after the image's alt text.
    const nearTop = !image && paragraphs.length <= 1 && i <= dateIndex + 3;
    const credit = nearTop ? rules.credits.map((p) => p.exec(line)).find(Boolean) : undefined;
    if (credit) {
      const caption = credit[1]!.trim().replace(/[\s।,.-]+$/, "");
      image = { ...(caption ? { caption } : {}), credit: credit[2]!.trim() };
      // The alt text printed just above the caption repeats it.
      const previous = paragraphs.at(-1);
      if (previous !== undefined && caption && caption.replace(/[।.]$/, "") === previous.replace(/[।.]$/, "")) {
        paragraphs.pop();
        dropped.push({ text: previous, line: lines[i - 1]!.line, reason: "duplicate caption" });
      }
      continue;
    }
    if (image?.caption && line === image.caption) {
      dropped.push({ text: line, line: number, reason: "duplicate caption" });
      continue;
    }
    paragraphs.push(line);
  }
  const article: ExtractedArticle = { title: headline.text, date: dates.published, paragraphs, dropped: dropped.sort((a, b) => a.line - b.line) };
  if (dates.updated) article.updated = dates.updated;
  if (author) article.author = author;
  if (image) article.image = image;
  return { ok: true, article };
}

function isDateLine(line: string, rules: ImportRules, timeZone: string): boolean {
  if (line.length > 160) return false;
  return readDates(line, rules, timeZone) !== undefined;
}

/** "প্রকাশ: … | আপডেট: …": each labelled part read on its own; an unlabelled line is the publication time. */
function readDates(line: string, rules: ImportRules, timeZone: string): { published: ParsedDate; updated?: ParsedDate } | undefined {
  const parts = line.split(LABEL_SPLIT(rules.dateLabels)).map((p) => p.replace(/^[\s|।,-]+|[\s|।,-]+$/g, "")).filter(Boolean);
  let published: ParsedDate | undefined;
  let updated: ParsedDate | undefined;
  for (const part of parts) {
    const result = tryParseBengaliDate(part, { timeZone });
    if (!result.ok || result.value.notes.some((n) => n.code === "date.ignored-text")) return undefined;
    const isUpdate = rules.updatedLabels.some((label) => part.startsWith(label));
    if (isUpdate && parts.length > 1) updated = result.value;
    else published ??= result.value;
  }
  if (!published) published = updated;
  if (!published) return undefined;
  return updated && updated !== published ? { published, updated } : { published };
}
