import type { Diagnostic } from "../diagnostics.js";
import { findArticleFiles } from "./find.js";
import { readArticle, type RawArticle } from "./read.js";

export type { RawArticle } from "./read.js";

/** How many files are read at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const READ_CONCURRENCY = 64;

export interface LoadResult {
  /** False when the folder itself could not be listed (a usage problem, not an article problem). */
  ok: boolean;
  articles: RawArticle[];
  diagnostics: Diagnostic[];
  found: number;
}

/** Reads every `*.md` article below `articlesDir`, in a stable order, collecting every problem. */
export async function loadArticles(articlesDir: string): Promise<LoadResult> {
  const listing = await findArticleFiles(articlesDir);
  if (!listing.ok) return { ok: false, articles: [], diagnostics: listing.diagnostics, found: 0 };
  const results = await mapConcurrently(listing.files, READ_CONCURRENCY, (file) => readArticle(articlesDir, file));
  const articles: RawArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const result of results) {
    if (result.ok) articles.push(result.article);
    else diagnostics.push(...result.diagnostics);
  }
  return { ok: true, articles, diagnostics, found: listing.files.length };
}

/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
