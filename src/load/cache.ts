import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { GENERATOR } from "../version.js";
import { bodyFromDisk, type RawArticle, type ReadResult } from "./read.js";

/** Where the build cache lives, in the working directory (git-ignored, safe to delete). */
export const CACHE_DIR = ".patrika-cache";
const CACHE_FILE = "articles.jsonl";
/** Bumped whenever what is cached changes shape; with the tool version, it keys the whole cache. */
const FORMAT = 1;

/** What a file looked like when it was read: a change to any of these means it is read again. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

type CachedResult = { ok: true; article: Omit<RawArticle, "body"> } | { ok: false; diagnostics: Diagnostic[] };
interface Entry {
  stamp: FileStamp;
  result: CachedResult;
}

/**
 * The parsed front matter of every article, keyed by file and stamp, so an unchanged file is never read or parsed
 * again. The cache is trusted only whole: a wrong tool version, format, articles folder or checksum (a truncated or
 * edited file) discards all of it.
 */
export class ArticleCache {
  private readonly entries = new Map<string, Entry>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly key: string,
  ) {}

  /** Opens the cache for an articles folder; a missing or untrustworthy cache starts empty. */
  static async open(articlesDir: string, cwd = process.cwd()): Promise<ArticleCache> {
    const key = `${GENERATOR.name} ${GENERATOR.version} format ${FORMAT} ${resolve(cwd, articlesDir)}`;
    const cache = new ArticleCache(join(cwd, CACHE_DIR, CACHE_FILE), key);
    const text = await readFile(cache.path, "utf8").catch(() => "");
    const newline = text.indexOf("\n");
    if (newline < 0) return cache;
    try {
      const header = JSON.parse(text.slice(0, newline)) as { key?: string; sha256?: string };
      const body = text.slice(newline + 1);
      if (header.key !== key || header.sha256 !== createHash("sha256").update(body).digest("hex")) return cache;
      for (const [file, entry] of Object.entries(JSON.parse(body) as Record<string, Entry>)) cache.entries.set(file, entry);
    } catch {
      cache.entries.clear(); // unreadable: start over rather than trust any of it
    }
    return cache;
  }

  /** The cached result for a file, if the file is unchanged since. */
  get(relativePath: string, stamp: FileStamp, articlesDir: string): ReadResult | undefined {
    const entry = this.entries.get(relativePath);
    if (!entry || entry.stamp.size !== stamp.size || entry.stamp.mtimeMs !== stamp.mtimeMs || entry.stamp.ctimeMs !== stamp.ctimeMs) return undefined;
    if (!entry.result.ok) return entry.result;
    // Only the bodies a feed renders are ever read, from where the front matter ends.
    return { ok: true, article: bodyFromDisk({ ...entry.result.article } as RawArticle, join(articlesDir, relativePath)) };
  }

  /** Records what a file read gave. */
  set(relativePath: string, stamp: FileStamp, result: ReadResult): void {
    const cached: CachedResult = result.ok
      ? { ok: true, article: { file: result.article.file, relativePath: result.article.relativePath, data: result.article.data, fields: result.article.fields, bodyLine: result.article.bodyLine, bodyOffset: result.article.bodyOffset } }
      : result;
    this.entries.set(relativePath, { stamp, result: cached });
    this.changed = true;
  }

  /** Forgets files that are gone, so the cache does not grow forever. */
  keepOnly(relativePaths: readonly string[]): void {
    const keep = new Set(relativePaths);
    for (const file of this.entries.keys()) {
      if (!keep.has(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
  }

  /** Writes the cache (temporary file, then rename) when anything changed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const body = JSON.stringify(Object.fromEntries(this.entries));
    const header = JSON.stringify({ key: this.key, sha256: createHash("sha256").update(body).digest("hex") });
    await mkdir(join(this.path, ".."), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${header}\n${body}`);
    await rename(temporary, this.path);
  }
}
