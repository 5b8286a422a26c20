/**
 * What the importers find in a page or an export post, field by field, before it becomes a Markdown file. One shape
 * for plain-text pages, HTML pages and WordPress posts, so writing, de-duplication and reporting are shared.
 */
import type { ParsedDate } from "../dates/index.js";

/** Why a line (or block) of the input was left out of the article. */
export type DropReason =
  | "publication name"
  | "section label"
  | "masthead date"
  | "text beside the stamp"
  | "duplicate caption"
  | "image placeholder"
  | "page chrome"
  | "related headline"
  | "after the article"
  | "shortcode"
  | "article header";

/** A line taken out of the article, with where it was and why. */
export interface DroppedLine {
  /** 1-based line in the input (plain text) or 0 where lines do not apply (HTML, WXR). */
  line: number;
  text: string;
  reason: DropReason;
}

/** A field the importer had to guess, or whose reading carries a remark: written as a comment and printed. */
export interface Guess {
  field: "title" | "date" | "updated" | "author" | "image" | "body" | "url";
  message: string;
}

/** An image as the page gives it: a URL when the page has one, and the caption and credit printed under it. */
export interface ImportedImage {
  url?: string;
  caption?: string;
  credit?: string;
}

/** One article as found in a page or export, ready to be written. */
export interface ImportedArticle {
  title: string;
  date: ParsedDate;
  updated?: ParsedDate;
  authors: string[];
  /** Category path from the export (WXR); `--category` overrides it. */
  category?: string;
  tags: string[];
  summary?: string;
  /** The slug the old site used (WXR `wp:post_name`, percent-decoded). */
  slug?: string;
  /** The page's real absolute URL (HTML canonical link or og:url, WXR `<link>`), so links survive migration. */
  url?: string;
  /** The permanent id the old feeds used (WXR `<guid>`), so readers do not see the story again as new. */
  id?: string;
  image?: ImportedImage;
  /** The body as Markdown. */
  body: string;
  dropped: DroppedLine[];
  guesses: Guess[];
  /** Lines a plain-text reading took as headline, byline, stamp or masthead (HTML: left out of the body too). */
  header?: string[];
}

/** The outcome of extracting one page: an article, or why there is none and where the extractor looked. */
export type ExtractResult = { ok: true; article: ImportedArticle } | { ok: false; message: string; line: number };
