import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { fileSha1, readArticle } from "../load/read.js";
import type { SiteConfig } from "../model.js";
import { normaliseArticle, type ArticleResult } from "../normalise/article.js";
import { adaptSource } from "../sources/index.js";
import { storeResult, type StoredResult } from "./stored.js";

/**
 * What reading and normalising one file gives. `value` is the plain-data form (it crosses a thread boundary and
 * goes into the cache), made only when asked for; `result` is the live form, only in the thread that made it.
 */
export type FileOutcome =
  | { kind: "invalid"; diagnostics: Diagnostic[] }
  /** The bytes still have the sha1 the cache holds: nothing was parsed. */
  | { kind: "same" }
  | { kind: "valid"; result?: ArticleResult; value?: StoredResult; sha1?: string; head?: string };

/**
 * Reads, parses and normalises one article file (`sha1`: also hash its bytes, for the cache), unless its bytes
 * still hash to `unlessSha1`. Pure but for reading the file.
 */
export function normaliseFile(
  articlesDir: string,
  relativePath: string,
  config: SiteConfig,
  now: Date,
  form: "live" | "plain" | "both",
  sha1: boolean,
  unlessSha1?: string | null,
): FileOutcome {
  // A changed file is read twice this way, an unchanged one once: after a checkout nearly all are unchanged.
  if (unlessSha1 && fileSha1(join(articlesDir, relativePath)) === unlessSha1) return { kind: "same" };
  const raw = readArticle(articlesDir, relativePath, sha1);
  if (!raw.ok) return { kind: "invalid", diagnostics: raw.diagnostics };
  const adapted = adaptSource(raw.article);
  const result: ArticleResult = adapted.kind === "not-article" ? adapted : withWarnings(normaliseArticle(adapted.raw, { config, now }), adapted.warnings);
  if (result.kind === "invalid") return { kind: "invalid", diagnostics: result.diagnostics };
  const value = form === "live" ? undefined : storeResult(result, raw.article.file, raw.article.bodyOffset, config)!;
  return { kind: "valid", ...(form === "plain" ? {} : { result }), ...(value ? { value } : {}), ...(raw.article.sha1 ? { sha1: raw.article.sha1, head: raw.article.head! } : {}) };
}

/** A result with the source adapter's warnings (an alias set beside its field) before the normaliser's own. */
function withWarnings(result: ArticleResult, warnings: Diagnostic[]): ArticleResult {
  if (warnings.length === 0 || result.kind === "not-article") return result;
  return result.kind === "invalid" ? { ...result, diagnostics: [...warnings, ...result.diagnostics] } : { ...result, warnings: [...warnings, ...result.warnings] };
}

/** Below this many files, starting a worker (~0.1 s to load its modules) costs more than it saves. */
const PARALLEL_MIN_FILES = 2000;

/**
 * Files a thread claims at a time from the shared counter. Small enough that no thread is left idle at the end
 * while another finishes a long share, large enough that a claim and its message cost nothing beside parsing.
 */
export const CLAIM_FILES = 64;

/**
 * The message a worker gets: the whole list, the shared counter it claims files from, and everything normalising
 * needs (no clock, no cwd).
 */
export interface WorkerTask {
  articlesDir: string;
  files: readonly string[];
  config: SiteConfig;
  nowMs: number;
  /** Whether to hash each file's bytes (only a build with the cache needs it). */
  sha1: boolean;
  /** Per file, the sha1 its bytes had when cached, if its size is unchanged (null otherwise). */
  unless: readonly (string | null)[];
  /** One Int32: the index of the next unclaimed file. Every thread adds CLAIM_FILES to take the files before it. */
  next: Int32Array;
}

/**
 * The files a thread claims from the shared counter, CLAIM_FILES at a time, as [start, end) ranges until none is
 * left: the one claiming rule of this thread and the workers.
 */
export function* claims(next: Int32Array, total: number): Generator<[start: number, end: number]> {
  for (let start = Atomics.add(next, 0, CLAIM_FILES); start < total; start = Atomics.add(next, 0, CLAIM_FILES)) {
    yield [start, Math.min(start + CLAIM_FILES, total)];
  }
}

/** What a worker sends: the outcomes of the files from `start` on, or that it has claimed its last files. */
export type WorkerMessage = { start: number; outcomes: FileOutcome[] } | { done: true };

/**
 * Normalises files in path order, on every core. The threads claim files a few at a time from one shared counter
 * (work sharing, not fixed shares): a worker starts ~0.1 s late and its results cost this thread time to take in,
 * so with fixed halves this thread waited idle for a third of a 10,000-article build. Outcomes are placed by index,
 * so the result does not depend on which thread read which file. `plain`: also the plain-data form and the bytes'
 * sha1, for the cache. Falls back to this thread alone for small sets, on one core, when PATRIKA_WORKERS=0, when
 * the worker script is not there (tests run the TypeScript sources); files a failed worker claimed are read here.
 */
export async function normaliseFiles(
  articlesDir: string,
  files: readonly string[],
  config: SiteConfig,
  now: Date,
  plain: boolean,
  unless: readonly (string | null)[],
  onEach?: () => void,
): Promise<{ outcomes: FileOutcome[]; threads: number }> {
  const one = (i: number) => normaliseFile(articlesDir, files[i]!, config, now, plain ? "both" : "live", plain, unless[i]);
  const script = new URL("./worker.js", import.meta.url);
  // From MAIN_IDLE_MIN_FILES on, this thread parses nothing itself: parsing beside the growing set of results made
  // its heap (and its collections) the build's largest. At 100,000 articles on two cores, two workers took 5.4 s and
  // 560 MB where this thread and one worker took 6.7 s and 633 MB.
  const idle = files.length >= MAIN_IDLE_MIN_FILES;
  const workers = workerCount(idle);
  if (files.length < PARALLEL_MIN_FILES || workers < 1 || !existsSync(fileURLToPath(script))) {
    return { outcomes: files.map((_, i) => (onEach?.(), one(i))), threads: 1 };
  }

  const outcomes = new Array<FileOutcome | undefined>(files.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  let reported = 0;
  const progressed = (upTo: number) => {
    for (; reported < Math.min(upTo, files.length); reported++) onEach?.();
  };
  let placed = 0;
  const task: WorkerTask = { articlesDir, files, config, nowMs: now.getTime(), sha1: plain, unless, next };
  const running = Array.from({ length: workers }, () =>
    runWorker(script, task, ({ start, outcomes: batch }) => {
      batch.forEach((outcome, k) => (outcomes[start + k] = outcome));
      progressed((placed += batch.length));
    }).then(
      () => 1,
      () => 0, // a worker that fails costs time, never a result: what it claimed is read below
    ),
  );
  if (!idle) {
    // While this thread works it cannot hear from the workers: the files claimed so far stand for their progress.
    for (const [start, end] of claims(next, files.length)) {
      for (let i = start; i < end; i++) outcomes[i] = one(i);
      progressed(Atomics.load(next, 0) - (workers + 1) * CLAIM_FILES);
    }
  }
  const started = (await Promise.all(running)).reduce((sum: number, ran) => sum + ran, idle ? 0 : 1);
  for (let i = 0; i < files.length; i++) outcomes[i] ??= one(i);
  progressed(files.length);
  return { outcomes: outcomes as FileOutcome[], threads: Math.max(started, 1) };
}

/** From this many files on, worker threads do all the parsing (see normaliseFiles). */
const MAIN_IDLE_MIN_FILES = 50_000;

/** The most worker threads a build starts, whatever PATRIKA_WORKERS asks for. */
export const MAX_WORKERS = 8;

/**
 * PATRIKA_WORKERS as a count of worker threads: a whole number (0 turns them off), or undefined when unset (one
 * per core). Anything else is refused with what would be accepted; the CLI stops on it (exit 2), the library
 * then uses the default.
 */
export function readWorkerCount(value: string | undefined): { ok: true; count: number | undefined } | { ok: false; message: string } {
  if (value === undefined || value.trim() === "") return { ok: true, count: undefined };
  if (/^\s*\d+\s*$/.test(value)) return { ok: true, count: Math.min(Number(value), MAX_WORKERS) };
  return { ok: false, message: `PATRIKA_WORKERS=${JSON.stringify(value)} is not a number of worker threads: use a whole number from 0 (none) to ${MAX_WORKERS}, or leave it unset for one per core` };
}

/** Worker threads to start: PATRIKA_WORKERS, else one per core besides this thread's (all of them when it is `idle`). */
function workerCount(idle: boolean): number {
  const cores = availableParallelism();
  const set = readWorkerCount(process.env.PATRIKA_WORKERS);
  return set.ok && set.count !== undefined ? set.count : Math.min(idle && cores > 1 ? cores : cores - 1, MAX_WORKERS);
}

function runWorker(script: URL, task: WorkerTask, take: (batch: { start: number; outcomes: FileOutcome[] }) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    worker.on("message", (message: WorkerMessage) => {
      if (!("done" in message)) return take(message);
      resolve();
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`worker exited with code ${code}`)));
  });
}
