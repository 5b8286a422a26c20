import type { Diagnostic } from "../diagnostics.js";
import { findArticleFiles } from "./find.js";
import { readArticle, type RawArticle } from "./read.js";

export type { RawArticle } from "./read.js";

export interface LoadResult {
  /** False when the folder itself could not be listed (a usage problem, not an article problem). */
  ok: boolean;
  articles: RawArticle[];
  diagnostics: Diagnostic[];
  found: number;
}

export interface LoadOptions {
  /** Called as files are loaded: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every `*.md` article below `articlesDir`, in a stable order, collecting every problem: the library's view
 * of the raw articles (a build reads them through normaliseFiles, which keeps only normalised articles).
 */
export async function loadArticles(articlesDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const listing = await findArticleFiles(articlesDir);
  if (!listing.ok) return { ok: false, articles: [], diagnostics: listing.diagnostics, found: 0 };
  const articles: RawArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  // Sequential and synchronous: page-cached small files read fastest this way (see readArticle).
  listing.files.forEach((file, i) => {
    const result = readArticle(articlesDir, file);
    if (result.ok) articles.push(result.article);
    else diagnostics.push(...result.diagnostics);
    options.onProgress?.(i + 1, listing.files.length);
  });
  return { ok: true, articles, diagnostics, found: listing.files.length };
}
