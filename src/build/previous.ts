import { readdir, readFile, rm, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { readOutputState, readPreviousFeed } from "../load/previous.js";
import type { PublishedState } from "../model.js";
import { LAST_BUILD } from "../render/published.js";
import { readManifest } from "../write/manifest.js";
import { CACHE_DIR, writeCacheRecord } from "./cache.js";

/** One record per output folder: the cache folder is shared by every site built from the same working directory. */
const recordFile = (outDir: string) => `published-${createHash("sha256").update(resolve(outDir)).digest("hex").slice(0, 16)}.json`;

/** What the last build published and where that was learnt, or nothing to compare with. */
export type Previous = { state: PublishedState; source: string } | undefined;

/**
 * The previous publish, from the first source that has one: the build cache's record of the last build (when the
 * cache is used), the feeds in the output folder, or the feed named by `--previous` (a file or URL; in CI the live
 * feed). An unreadable --previous is an error: ids cannot then be checked.
 */
export async function previousPublish(input: { cacheRoot?: string; outDir: string; previous?: string }): Promise<{ ok: true; previous: Previous } | { ok: false; diagnostic: Diagnostic }> {
  if (input.cacheRoot !== undefined) {
    const state = await readRecord(input.cacheRoot, input.outDir);
    if (state) return { ok: true, previous: { state, source: LAST_BUILD } };
  }
  const output = await readOutputState(input.outDir, (await readManifest(input.outDir)).files);
  if (output) return { ok: true, previous: { state: output, source: `the feeds in ${input.outDir}` } };
  if (input.previous === undefined) return { ok: true, previous: undefined };
  const feed = await readPreviousFeed(input.previous);
  if (!feed.ok) return feed;
  return { ok: true, previous: feed.state && { state: feed.state, source: `--previous ${input.previous}` } };
}

/** The record of the last publish into `outDir`, as its text (build/delta.ts compares it whole). */
export async function publishedRecordText(root: string, outDir: string): Promise<string | undefined> {
  return readFile(join(root, CACHE_DIR, recordFile(outDir)), "utf8").catch(() => undefined);
}

async function readRecord(root: string, outDir: string): Promise<PublishedState | undefined> {
  try {
    const state = JSON.parse(await readFile(join(root, CACHE_DIR, recordFile(outDir)), "utf8")) as PublishedState;
    return typeof state.feeds === "object" && Array.isArray(state.news) ? state : undefined;
  } catch {
    return undefined; // missing or damaged: the output folder is asked next
  }
}

/**
 * Keeps what this build published for the next one to compare with (only with the cache; a failure costs nothing),
 * and forgets all but the newest KEPT_RECORDS - 1 other folders' records: one is written per output folder ever built
 * from this working directory, and nothing else removed them (a test run left 60). A folder whose record is gone
 * is compared with the feeds in it, as without the cache.
 */
export async function recordPublish(root: string, outDir: string, state: PublishedState): Promise<void> {
  await writeCacheRecord(root, recordFile(outDir), state);
  const folder = join(root, CACHE_DIR);
  const others = (await readdir(folder)).filter((name) => /^published-[0-9a-f]{16}\.json$/.test(name) && name !== recordFile(outDir));
  if (others.length < KEPT_RECORDS) return;
  const dated = await Promise.all(others.map(async (name) => ({ name, mtimeMs: (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : 1));
  await Promise.all(dated.slice(KEPT_RECORDS - 1).map(({ name }) => rm(join(folder, name), { force: true })));
}

/** Output folders whose last publish the cache remembers (the newest written). */
export const KEPT_RECORDS = 16;
