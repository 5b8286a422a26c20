import { statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { findArticleFiles } from "../load/find.js";
import type { ArticleResult } from "../normalise/article.js";
import type { SiteConfig } from "../model.js";
import { BuildCache, type FileStamp } from "./cache.js";
import { GIT_MIN_TOUCHED, type VouchedIds } from "./git.js";
import { restoreResult, type StoredResult } from "./stored.js";
import { normaliseFile, normaliseFiles, type FileOutcome } from "./workers.js";

/** The article files and, when a cache is in use, their stamps: listed once per build. */
export interface Scan {
  files: string[];
  stamps: (FileStamp | undefined)[];
  /** What the listing skipped and says so (symbolic links). */
  warnings?: Diagnostic[];
}

/** Lists the article files, and stats each when the cache needs its stamp. */
export async function scanArticles(articlesDir: string, withStamps: boolean): Promise<{ ok: true; scan: Scan } | { ok: false; diagnostics: Diagnostic[] }> {
  const listing = await findArticleFiles(articlesDir);
  if (!listing.ok) return listing;
  const stamps = listing.files.map((file) => {
    if (!withStamps) return undefined;
    const info = statSync(join(articlesDir, file), { throwIfNoEntry: false });
    return info ? { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs } : undefined;
  });
  return { ok: true, scan: { files: listing.files, stamps, warnings: listing.warnings } };
}

export interface NormalisedFiles {
  /** One result per listed file, in path order. */
  results: ArticleResult[];
  /** Files whose result came from the cache without being parsed. */
  fromCache: number;
  /** Threads that normalised the others. */
  threads: number;
}

/**
 * Every listed file as a normalised result: from the cache when its stamp (or, after a checkout, its bytes) is
 * unchanged, else read and normalised, on every core for large sets, each as soon as it is read so raw front matter
 * dies young. `cache` is updated in memory; saving it is the caller's choice (`check` never writes).
 */
export async function normaliseScan(
  articlesDir: string,
  scan: Scan,
  config: SiteConfig,
  now: Date,
  cache: BuildCache<StoredResult> | undefined,
  onProgress?: (done: number, total: number) => void,
  gitIds?: () => Promise<VouchedIds | undefined>,
): Promise<NormalisedFiles> {
  const { files, stamps } = scan;
  const results = new Array<ArticleResult | undefined>(files.length);
  const pathOf = files.map((file) => join(articlesDir, file)); // joined once: it was 2% of a cached build
  let done = 0;
  const progressed = () => onProgress?.(++done, files.length);
  let misses: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const stored = cache && stamps[i] ? cache.get(files[i]!, stamps[i]!) : undefined;
    results[i] = stored ? restoreResult(stored, pathOf[i]!, now, cache!.blobOf(files[i]!)) : undefined;
    if (results[i]) progressed();
    else misses.push(i);
  }
  // A touched file whose recorded blob id git's index vouches for (and whose size is the same) is not read at all.
  // Only files the cache has a blob id for can be vouched for: a first build never asks.
  const candidates = cache ? misses.filter((i) => stamps[i] && cache.sha1Of(files[i]!, stamps[i]!.size) !== undefined).length : 0;
  const vouched = candidates >= GIT_MIN_TOUCHED ? await gitIds?.() : undefined;
  if (vouched) {
    const ids = vouched.of(files);
    misses = misses.filter((i) => {
      results[i] = byGit(cache!, ids[i], files[i]!, stamps[i], pathOf[i]!, now);
      if (results[i]) progressed();
      return !results[i];
    });
  }
  let fromCache = files.length - misses.length;
  // A touched file of the same size may hold the same bytes (a fresh clone or checkout sets every mtime): it is
  // hashed, on the worker threads too, and parsed only if its bytes changed.
  const unless = misses.map((i) => (cache && stamps[i] ? (cache.sha1Of(files[i]!, stamps[i]!.size) ?? null) : null));
  const { outcomes, threads } = await normaliseFiles(articlesDir, misses.map((i) => files[i]!), config, now, cache !== undefined, unless, progressed);
  outcomes.forEach((outcome, k) => {
    const i = misses[k]!;
    const kept = outcome.kind === "same" ? restamped(cache!, files[i]!, stamps[i]!, pathOf[i]!, now) : undefined;
    if (kept) fromCache++;
    results[i] = kept ?? fresh(outcome.kind === "same" ? normaliseFile(articlesDir, files[i]!, config, now, "both", true) : outcome, files[i]!, stamps[i], pathOf[i]!, now, cache);
  });
  return { results: results as ArticleResult[], fromCache, threads };
}

/** A touched file from the cache under its new stamp, when git's index has the blob id its entry was made from. */
function byGit(cache: BuildCache<StoredResult>, vouched: string | undefined, file: string, stamp: FileStamp | undefined, path: string, now: Date): ArticleResult | undefined {
  const id = stamp && cache.sha1Of(file, stamp.size);
  return id !== undefined && vouched === id ? restamped(cache, file, stamp!, path, now) : undefined;
}

/** A file whose bytes are unchanged, from the cache under its new stamp; undefined when its dates no longer hold at this now. */
function restamped(cache: BuildCache<StoredResult>, file: string, stamp: FileStamp, path: string, now: Date): ArticleResult | undefined {
  const kept = cache.restamp(file, stamp);
  return kept && restoreResult(kept, path, now, cache.blobOf(file));
}

/** A freshly read file's result, remembered in the cache when it is valid. */
function fresh(outcome: FileOutcome, file: string, stamp: FileStamp | undefined, path: string, now: Date, cache: BuildCache<StoredResult> | undefined): ArticleResult {
  if (outcome.kind === "same") throw new Error("normaliseFile without a hash to compare never says the bytes are the same");
  if (outcome.kind === "invalid") {
    cache?.delete(file);
    return { kind: "invalid", diagnostics: outcome.diagnostics };
  }
  if (cache && stamp && outcome.value && outcome.sha1 && outcome.head) cache.set(file, stamp, outcome.sha1, outcome.value, outcome.head);
  else cache?.delete(file);
  // A worker's outcome is plain data, valid at this now by construction.
  return outcome.result ?? restoreResult(outcome.value!, path, now, outcome.sha1)!;
}
