import type { Diagnostic } from "../diagnostics.js";
import type { ArticleResult } from "../normalise/article.js";
import type { Article, ArticleDate, ArticleImage, SiteConfig } from "../model.js";

/** An ArticleDate as JSON: its local ISO form, the instant as milliseconds, its precision. */
export type StoredDate = [iso: string, ms: number, precision: ArticleDate["precision"]];

/**
 * A valid article as the cache keeps it: positional, not an object with named fields. Every edited build parses
 * every stored article, and the names were a quarter of the journal's text (at 100,000 articles 101M characters
 * against 74M; parsed in 0.51 s against 0.41 s). The body stays in the file, named by the byte it starts at.
 */
type StoredArticle = [
  kind: "article",
  file: string,
  relativePath: string,
  id: string,
  idMinted: boolean,
  title: string,
  slug: string,
  category: string | null,
  url: string,
  published: StoredDate,
  updated: StoredDate | null,
  authors: string[],
  tags: string[],
  summary: string | null,
  image: ArticleImage | null,
  expires: StoredDate | null,
  warnings: Diagnostic[],
  bodyOffset: number,
  /** The earliest now at which the result holds (see storeResult). */
  validFrom: number,
];

/**
 * What the build cache keeps per file: the normalised article (not the raw front matter), so an unchanged file is
 * neither read nor parsed nor validated again. Invalid files are never stored.
 */
export type StoredResult = StoredArticle | { kind: "draft"; file: string; warnings: Diagnostic[] } | { kind: "not-article"; reason: string };

/**
 * The plain-data form of a valid result: what the cache keeps and what a worker thread sends back. An invalid
 * result has none (its problems are re-checked every time).
 */
export function storeResult(result: ArticleResult, file: string, bodyOffset: number, config: SiteConfig): StoredResult | undefined {
  if (result.kind === "draft") return { kind: "draft", file, warnings: result.warnings };
  if (result.kind === "not-article") return result;
  if (result.kind === "invalid") return undefined;
  // A warning that holds only until now passes a date (updated after now) is not kept: the next build says it afresh.
  if (result.warnings.some((w) => w.code === "article.updated-after-now")) return undefined;
  const a = result.article;
  // Valid while no date lies more than maxFutureDays after now: for any now from this instant on.
  const latest = Math.max(a.published.instant.getTime(), a.updated?.instant.getTime() ?? -Infinity);
  // An update later than publication: between the two, the article is warned about, so the result holds from the update on.
  const updatedLater = a.updated && a.updated.instant.getTime() > a.published.instant.getTime() ? a.updated.instant.getTime() : -Infinity;
  const validFrom = Math.max(latest - config.maxFutureDays * 86_400_000, updatedLater);
  const date = (d: ArticleDate | undefined) => (d ? storeDate(d) : null);
  return ["article", a.file, a.relativePath, a.id, a.idMinted, a.title, a.slug, a.category ?? null, a.url, storeDate(a.published), date(a.updated), a.authors, a.tags, a.summary ?? null, a.image ?? null, date(a.expires), result.warnings, bodyOffset, validFrom];
}

/** The warnings a stored result carries (a not-article carries none). */
export function storedWarnings(stored: StoredResult): Diagnostic[] {
  if (Array.isArray(stored)) return stored[16];
  return "warnings" in stored ? stored.warnings : [];
}

/** A stored result with other warnings, the rest as it was (a not-article has none to replace). */
export function withStoredWarnings(stored: StoredResult, warnings: Diagnostic[]): StoredResult {
  if (Array.isArray(stored)) return [...stored.slice(0, 16), warnings, ...stored.slice(17)] as StoredArticle;
  return "warnings" in stored ? { ...stored, warnings } : stored;
}

/**
 * The normalised result again, for a build at `now`; undefined when the stored one does not hold at that now.
 * `blob` is the git blob id of the bytes it was made from (BodySource).
 */
export function restoreResult(stored: StoredResult, path: string, now: Date, blob?: string): ArticleResult | undefined {
  if (!Array.isArray(stored)) return stored.kind === "draft" ? { kind: "draft", warnings: stored.warnings } : stored;
  const [, file, relativePath, id, idMinted, title, slug, category, url, published, updated, authors, tags, summary, image, expires, warnings, bodyOffset, validFrom] = stored;
  if (now.getTime() < validFrom) return undefined;
  // Every article gets one shape, all keys in one order: objects of different shapes made later passes over
  // 100,000 restored articles measurably slower.
  const article: Article = {
    file,
    relativePath,
    id,
    idMinted,
    title,
    slug,
    category: category ?? undefined,
    url,
    published: restoreDate(published),
    updated: updated ? restoreDate(updated) : undefined,
    authors,
    tags,
    summary: summary ?? undefined,
    image: image ?? undefined,
    expires: expires ? restoreDate(expires) : undefined,
    body: blob ? { path, offset: bodyOffset, blob } : { path, offset: bodyOffset },
  };
  return { kind: "article", article, warnings };
}

export const storeDate = (date: ArticleDate): StoredDate => [date.iso, date.instant.getTime(), date.precision];
export const restoreDate = ([iso, ms, precision]: StoredDate): ArticleDate => ({ iso, instant: new Date(ms), precision });
