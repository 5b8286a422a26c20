import { statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { ArticleCache } from "./cache.js";
import { findArticleFiles } from "./find.js";
import { readArticle, type RawArticle } from "./read.js";

export type { RawArticle } from "./read.js";

export interface LoadResult {
  /** False when the folder itself could not be listed (a usage problem, not an article problem). */
  ok: boolean;
  articles: RawArticle[];
  diagnostics: Diagnostic[];
  found: number;
  /** How many articles came from the build cache without being read. */
  fromCache: number;
}

export interface LoadOptions {
  /** Use the build cache in .patrika-cache/ (read and write it); default false. */
  cache?: boolean;
  /** Folder that holds .patrika-cache/; default the working directory. */
  cacheRoot?: string;
  /** Called as files are loaded (the CLI draws a progress bar from it). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every `*.md` article below `articlesDir`, in a stable order, collecting every problem. With the cache, a
 * file whose size and times are unchanged is not read again: its parsed front matter comes from the cache.
 */
export async function loadArticles(articlesDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const listing = await findArticleFiles(articlesDir);
  if (!listing.ok) return { ok: false, articles: [], diagnostics: listing.diagnostics, found: 0, fromCache: 0 };
  const cache = options.cache ? await ArticleCache.open(articlesDir, options.cacheRoot) : undefined;
  let fromCache = 0;
  let done = 0;
  const total = listing.files.length;
  const progress = options.onProgress;
  // Sequential and synchronous: page-cached small files read fastest this way (see readArticle).
  const results = listing.files.map((file) => {
    const result = loadOne(file);
    progress?.(++done, total);
    return result;
  });
  function loadOne(file: string) {
    if (!cache) return readArticle(articlesDir, file);
    const info = statSync(join(articlesDir, file), { throwIfNoEntry: false });
    const stamp = info ? { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs } : undefined;
    const cached = stamp ? cache.get(file, stamp, articlesDir) : undefined;
    if (cached) {
      fromCache++;
      return cached;
    }
    const result = readArticle(articlesDir, file);
    if (stamp) cache.set(file, stamp, result);
    return result;
  }
  if (cache) {
    cache.keepOnly(listing.files);
    await cache.save().catch(() => undefined); // a cache that cannot be written only costs speed next time
  }
  const articles: RawArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const result of results) {
    if (result.ok) articles.push(result.article);
    else diagnostics.push(...result.diagnostics);
  }
  return { ok: true, articles, diagnostics, found: listing.files.length, fromCache };
}
