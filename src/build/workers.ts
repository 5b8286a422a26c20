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
  | { kind: "valid"; result?: ArticleResult; value?: StoredResult; sha1?: string };

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
  return { kind: "valid", ...(form === "plain" ? {} : { result }), ...(value ? { value } : {}), ...(raw.article.sha1 ? { sha1: raw.article.sha1 } : {}) };
}

/** A result with the source adapter's warnings (an alias set beside its field) before the normaliser's own. */
function withWarnings(result: ArticleResult, warnings: Diagnostic[]): ArticleResult {
  if (warnings.length === 0 || result.kind === "not-article") return result;
  return result.kind === "invalid" ? { ...result, diagnostics: [...warnings, ...result.diagnostics] } : { ...result, warnings: [...warnings, ...result.warnings] };
}

/** Below this many files, starting a worker (~0.1 s to load its modules) costs more than it saves. */
const PARALLEL_MIN_FILES = 2000;

/** Outcomes a worker sends per message: small enough that neither thread holds a share's worth of serialised copies. */
export const WORKER_BATCH = 1000;

/** The message a worker gets: its share of the files and everything normalising needs (no clock, no cwd). */
export interface WorkerTask {
  articlesDir: string;
  files: string[];
  config: SiteConfig;
  nowMs: number;
  /** Whether to hash each file's bytes (only a build with the cache needs it). */
  sha1: boolean;
  /** Per file, the sha1 its bytes had when cached, if its size is unchanged (null otherwise). */
  unless: (string | null)[];
}

/**
 * Normalises files in path order, on every core: worker threads take contiguous shares, this thread the first one
 * unless the set is large, and the results are joined in order. `plain`: also the plain-data form and the bytes' sha1, for the cache. Falls back to this
 * thread alone for small sets, on one core, when PATRIKA_WORKERS=0, when the worker script is not there (tests run
 * the TypeScript sources) or, for its share, when a worker fails.
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
  const inline = (share: readonly string[], each = onEach, offset = 0) =>
    share.map((file, i) => {
      const outcome = normaliseFile(articlesDir, file, config, now, plain ? "both" : "live", plain, unless[offset + i]);
      each?.();
      return outcome;
    });
  const script = new URL("./worker.js", import.meta.url);
  // From MAIN_IDLE_MIN_FILES on, this thread parses nothing itself: parsing beside the growing set of results made
  // its heap (and its collections) the build's largest. At 100,000 articles on two cores, two workers took 5.4 s and
  // 560 MB where this thread and one worker took 6.7 s and 633 MB; at 10,000 the extra worker cost more (1.6 s
  // against 1.5 s).
  const idle = files.length >= MAIN_IDLE_MIN_FILES;
  const workers = workerCount(idle);
  if (files.length < PARALLEL_MIN_FILES || workers < 1 || !existsSync(fileURLToPath(script))) return { outcomes: inline(files), threads: 1 };

  const share = Math.ceil(files.length / (idle ? workers : workers + 1));
  const mine = idle ? 0 : share;
  let threads = idle ? 0 : 1;
  let reported = 0;
  const progressed = (count: number) => {
    for (let k = 0; k < count && reported < files.length; k++, reported++) onEach?.();
  };
  const running = Array.from({ length: workers }, (_, w) => {
    const [start, end] = [mine + w * share, mine + (w + 1) * share];
    const slice = files.slice(start, end);
    return runWorker(script, { articlesDir, files: slice, config, nowMs: now.getTime(), sha1: plain, unless: unless.slice(start, end) }, progressed).then(
      (outcomes) => (threads++, outcomes),
      () => inline(slice, () => undefined, start), // a worker that fails costs time, never a result
    );
  });
  // While this thread works it cannot hear from the workers, so its own progress stands for theirs meanwhile.
  let done = 0;
  const own = inline(files.slice(0, mine), () => progressed(Math.floor((++done * files.length) / mine) - reported));
  const outcomes = own.concat(...(await Promise.all(running)));
  progressed(files.length);
  return { outcomes, threads: Math.max(threads, 1) };
}

/** From this many files on, worker threads do all the parsing (see normaliseFiles). */
const MAIN_IDLE_MIN_FILES = 50_000;

/** Worker threads to start: PATRIKA_WORKERS, else one per core besides this thread's (all of them when it is `idle`); at most 8. */
function workerCount(idle: boolean): number {
  const cores = availableParallelism();
  const wanted = process.env.PATRIKA_WORKERS === undefined ? (idle && cores > 1 ? cores : cores - 1) : Number(process.env.PATRIKA_WORKERS);
  return Math.min(Number.isInteger(wanted) ? wanted : 0, 8);
}

function runWorker(script: URL, task: WorkerTask, progressed: (count: number) => void): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    const outcomes: FileOutcome[] = [];
    worker.on("message", (batch: FileOutcome[]) => {
      for (const outcome of batch) outcomes.push(outcome);
      progressed(batch.length);
      if (outcomes.length < task.files.length) return;
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`worker exited with code ${code}`)));
  });
}
