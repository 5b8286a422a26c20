import { statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { findArticleFiles } from "./find.js";
import { readArticle, type RawArticle, type ReadResult } from "./read.js";
import type { FileStamp } from "./cache.js";

export type { RawArticle } from "./read.js";

export interface LoadResult {
  /** False when the folder itself could not be listed (a usage problem, not an article problem). */
  ok: boolean;
  articles: RawArticle[];
  diagnostics: Diagnostic[];
  found: number;
}

export interface LoadOptions {
  /** Called as files are loaded (the CLI draws a progress bar from it). */
  onProgress?: (done: number, total: number) => void;
}

/** Reads every `*.md` article below `articlesDir`, in a stable order, collecting every problem. */
export async function loadArticles(articlesDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const articles: RawArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  const visited = await visitArticles(articlesDir, {
    ...options,
    read: (_file, read) => {
      const result = read();
      if (result.ok) articles.push(result.article);
      else diagnostics.push(...result.diagnostics);
    },
  });
  if (!visited.ok) return { ok: false, articles: [], diagnostics: visited.diagnostics, found: 0 };
  return { ok: true, articles, diagnostics, found: visited.files.length };
}

export interface VisitOptions extends LoadOptions {
  /** Whether the visitor needs each file's stamp (size and times), to look it up in a cache. */
  stamps?: boolean;
  /**
   * Called once per file, in path order. `read` reads and parses the file; a visitor that has what it needs (from a
   * cache) does not call it, and the file is never opened.
   */
  read: (file: string, read: () => ReadResult, stamp: FileStamp | undefined) => void;
}

/**
 * Lists the articles and hands each to the visitor as it goes, so nothing about a file outlives its visit unless
 * the visitor keeps it (a build keeps only the normalised article, never the raw front matter).
 */
export async function visitArticles(articlesDir: string, options: VisitOptions): Promise<{ ok: true; files: string[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const listing = await findArticleFiles(articlesDir);
  if (!listing.ok) return listing;
  const total = listing.files.length;
  let done = 0;
  // Sequential and synchronous: page-cached small files read fastest this way (see readArticle).
  for (const file of listing.files) {
    let stamp: FileStamp | undefined;
    if (options.stamps) {
      const info = statSync(join(articlesDir, file), { throwIfNoEntry: false });
      if (info) stamp = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
    }
    options.read(file, () => readArticle(articlesDir, file), stamp);
    options.onProgress?.(++done, total);
  }
  return listing;
}
