import type { Diagnostic } from "../diagnostics.js";
import type { ArticleResult } from "../normalise/article.js";
import type { Article, ArticleDate, SiteConfig } from "../model.js";

/** An ArticleDate as JSON: the instant as milliseconds beside its local ISO form. */
type StoredDate = { iso: string; ms: number; precision: ArticleDate["precision"] };
type StoredArticle = Omit<Article, "body" | "published" | "updated" | "expires"> & { published: StoredDate; updated?: StoredDate; expires?: StoredDate };

/**
 * What the build cache keeps per file: the normalised article (not the raw front matter), so an unchanged file is
 * neither read nor parsed nor validated again; its body stays in the file, named by the byte it starts at. Invalid
 * files are never stored.
 */
export type StoredResult =
  | { kind: "article"; article: StoredArticle; warnings: Diagnostic[]; bodyOffset: number; validFrom: number }
  | { kind: "draft"; file: string; warnings: Diagnostic[] }
  | { kind: "not-article"; reason: string };

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
  const article: StoredArticle = {
    file: a.file,
    relativePath: a.relativePath,
    id: a.id,
    idMinted: a.idMinted,
    title: a.title,
    slug: a.slug,
    url: a.url,
    published: storeDate(a.published),
    authors: a.authors,
    tags: a.tags,
  };
  if (a.category !== undefined) article.category = a.category;
  if (a.updated) article.updated = storeDate(a.updated);
  if (a.summary !== undefined) article.summary = a.summary;
  if (a.image) article.image = a.image;
  if (a.expires) article.expires = storeDate(a.expires);
  // Valid while no date lies more than maxFutureDays after now: for any now from this instant on.
  const latest = Math.max(a.published.instant.getTime(), a.updated?.instant.getTime() ?? -Infinity);
  // An update later than publication: between the two, the article is warned about, so the result holds from the update on.
  const updatedLater = a.updated && a.updated.instant.getTime() > a.published.instant.getTime() ? a.updated.instant.getTime() : -Infinity;
  return { kind: "article", article, warnings: result.warnings, bodyOffset, validFrom: Math.max(latest - config.maxFutureDays * 86_400_000, updatedLater) };
}

/**
 * The normalised result again, for a build at `now`; undefined when the stored one does not hold at that now.
 * `blob` is the git blob id of the bytes it was made from (BodySource).
 */
export function restoreResult(stored: StoredResult, path: string, now: Date, blob?: string): ArticleResult | undefined {
  if (stored.kind === "draft") return { kind: "draft", warnings: stored.warnings };
  if (stored.kind === "not-article") return stored;
  if (now.getTime() < stored.validFrom) return undefined;
  const a = stored.article;
  // Every article gets one shape, all keys in one order: objects of different shapes made later passes over
  // 100,000 restored articles measurably slower.
  const article: Article = {
    file: a.file,
    relativePath: a.relativePath,
    id: a.id,
    idMinted: a.idMinted,
    title: a.title,
    slug: a.slug,
    category: a.category,
    url: a.url,
    published: restoreDate(a.published),
    updated: a.updated && restoreDate(a.updated),
    authors: a.authors,
    tags: a.tags,
    summary: a.summary,
    image: a.image,
    expires: a.expires && restoreDate(a.expires),
    body: blob ? { path, offset: stored.bodyOffset, blob } : { path, offset: stored.bodyOffset },
  };
  return { kind: "article", article, warnings: stored.warnings };
}

const storeDate = (date: ArticleDate): StoredDate => ({ iso: date.iso, ms: date.instant.getTime(), precision: date.precision });
const restoreDate = (date: StoredDate): ArticleDate => ({ iso: date.iso, instant: new Date(date.ms), precision: date.precision });
