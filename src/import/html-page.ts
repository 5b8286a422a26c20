/**
 * A saved HTML page → one article (docs/import.md, "HTML pages"). The page's own metadata (JSON-LD, Open Graph) is
 * trusted first; what it lacks is read from the visible text the way a plain-text page is; Mozilla's Readability
 * finds the article body, which becomes Markdown. Pure apart from loading the libraries.
 */
import { tryParseBengaliDate, type ParsedDate } from "../dates/index.js";
import { htmlLibraries, visibleText, type DomDocument } from "../load/html.js";
import { bodyToMarkdown } from "./html-body.js";
import { readMetadata, type PageMetadata } from "./metadata.js";
import type { ExtractResult, Guess, ImportedArticle } from "./model.js";
import type { ImportRules } from "./rules.js";
import type { DateContext } from "./stamp.js";
import { extractTextPage } from "./text-page.js";

/** Whether a file's text is an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(text.replace(/^\uFEFF/, ""));
}

/** Reads a saved HTML page: metadata first, then the visible stamp and byline, the body through Readability. */
export async function extractHtmlPage(html: string, rules: ImportRules, context: DateContext): Promise<ExtractResult> {
  const libs = await htmlLibraries();
  const document = libs.parse(html);
  const meta = readMetadata(document);
  const shown = extractTextPage(visibleText(document.body), rules, context); // before Readability changes the tree
  const guesses: Guess[] = [];
  if (meta.brokenJsonLd > 0) guesses.push({ field: "date", message: `${meta.brokenJsonLd} JSON-LD block(s) of the page are not valid JSON and were not read` });

  const leadCaption = meta.image ? captionOf(document, meta.image) : undefined;
  const reading = libs.readability(document);
  const title = headline(meta, reading?.title ?? undefined, shown.ok ? shown.article.title : undefined, guesses);
  if (!title) return { ok: false, message: "the page names no headline (no JSON-LD headline, og:title, <title> or headline line)", line: 1 };
  const dates = pageDates(meta, shown, context, guesses);
  if ("error" in dates) return { ok: false, message: dates.error, line: 1 };
  if (!reading) return { ok: false, message: "Readability found no article text in the page", line: 1 };

  const url = absoluteHttp(meta.url);
  if (meta.url && !url) guesses.push({ field: "body", message: `the page's address "${meta.url}" is not an absolute http(s) URL and was not kept` });
  const body = bodyToMarkdown(reading.content, libs, rules, {
    ...(url ? { baseUrl: url } : {}),
    ...(meta.image ? { leadImage: meta.image } : {}),
    ...(leadCaption ? { leadCaption } : {}),
    ...(shown.ok && shown.article.header ? { header: shown.article.header } : {}),
    title,
  });
  const article: ImportedArticle = {
    title,
    date: dates.published,
    authors: authors(meta, reading.byline, shown, guesses),
    tags: meta.tags,
    body: body.markdown,
    dropped: body.dropped,
    guesses,
  };
  if (dates.updated) article.updated = dates.updated;
  if (url) article.url = url;
  if (meta.description) article.summary = meta.description;
  if (body.image) article.image = body.image;
  return { ok: true, article };
}

/** The caption printed with the lead image anywhere in the page: its figure's caption, else its alt text. */
function captionOf(document: DomDocument, image: string): string | undefined {
  const name = (url: string) => url.split(/[?#]/)[0]!.split("/").pop()!.replace(/-\d+x\d+(?=\.\w+$)/, "").toLowerCase();
  const wanted = name(image);
  for (const img of Array.from(document.querySelectorAll("img"))) {
    const source = ["data-src", "data-lazy-src", "data-original", "src"].map((a) => img.getAttribute(a)).find((v) => v && !v.startsWith("data:"));
    if (!source || name(source) !== wanted) continue;
    const caption = img.closest("figure")?.querySelector("figcaption")?.textContent?.replace(/\s+/g, " ").trim();
    return caption || img.getAttribute("alt")?.trim() || undefined;
  }
  return undefined;
}

function absoluteHttp(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** JSON-LD headline or og:title (without a " | Site" tail), else Readability's title, else the headline line. */
function headline(meta: PageMetadata, readabilityTitle: string | undefined, shownTitle: string | undefined, guesses: Guess[]): string | undefined {
  const strip = (title: string) => {
    const site = meta.siteName?.trim();
    if (!site) return title.trim();
    const tail = new RegExp(`\\s*[|–—:-]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "u");
    return title.replace(tail, "").trim();
  };
  if (meta.title) return strip(meta.title);
  if (shownTitle) return shownTitle;
  if (readabilityTitle) {
    guesses.push({ field: "title", message: "the page has no headline metadata; the title was taken from its <title> element" });
    return strip(readabilityTitle);
  }
  return undefined;
}

function readMetaDate(text: string, context: DateContext, field: string, guesses: Guess[]): ParsedDate | undefined {
  const result = tryParseBengaliDate(text, context);
  if (!result.ok) {
    guesses.push({ field: field === "updated" ? "updated" : "date", message: `the page's ${field} metadata "${text}" could not be read (${result.error.reason})` });
    return undefined;
  }
  return result.value;
}

/** datePublished / article:published_time first, then the visible stamp; dateModified, or a live blog's latest update. */
function pageDates(meta: PageMetadata, shown: ExtractResult, context: DateContext, guesses: Guess[]): { published: ParsedDate; updated?: ParsedDate } | { error: string } {
  const fromText = shown.ok ? shown.article : undefined;
  const textGuesses = (field: "date" | "updated") => fromText?.guesses.filter((g) => g.field === field) ?? [];
  let published = meta.published ? readMetaDate(meta.published, context, "datePublished", guesses) : undefined;
  if (!published && fromText) {
    published = fromText.date;
    guesses.push(...textGuesses("date"));
  }
  if (!published) return { error: `no publication date: the page has no datePublished or article:published_time metadata, and ${shown.ok ? "" : shown.message.replace(/^no/, "no")}` };
  const modified = [meta.modified, ...meta.liveUpdates]
    .filter((t): t is string => t !== undefined)
    .map((t) => readMetaDate(t, context, "dateModified", guesses))
    .filter((d): d is ParsedDate => d !== undefined);
  if (modified.length === 0 && fromText?.updated) {
    modified.push(fromText.updated);
    guesses.push(...textGuesses("updated"));
  }
  const latest = modified.reduce<ParsedDate | undefined>((a, d) => (!a || d.instant > a.instant ? d : a), undefined);
  for (const note of published.notes) if (!guesses.some((g) => g.message === note.message)) guesses.push({ field: "date", message: note.message });
  if (!latest || latest.instant.getTime() <= published.instant.getTime()) return { published };
  return { published, updated: latest };
}

/** JSON-LD or meta authors, else the byline Readability found, else the byline line next to the stamp. */
function authors(meta: PageMetadata, byline: string | null, shown: ExtractResult, guesses: Guess[]): string[] {
  if (meta.authors.length > 0) return meta.authors;
  const line = byline?.replace(/\s+/g, " ").trim();
  if (line && line.length <= 60 && !/[0-9০-৯]/u.test(line)) return [line];
  if (shown.ok) {
    guesses.push(...shown.article.guesses.filter((g) => g.field === "author"));
    return shown.article.authors;
  }
  return [];
}
