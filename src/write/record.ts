import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { FileStamp } from "../load/cache.js";
import { CACHE_DIR } from "../load/cache.js";
import type { OutputFile } from "../model.js";

const RECORD_FILE = "last-build.json";

/**
 * What the last successful build read and wrote, so the next one can tell, from file stamps alone, that it would
 * write the same bytes: then it writes nothing (or only the report, whose `now` moved) and reads no article.
 */
export interface BuildRecord {
  /** The cache key (tool version, config, articles folder) and the other choices that shape the output. */
  key: string;
  outDir: string;
  skipInvalid: boolean;
  /** sha256 over every article file's path and stamp, in path order. */
  inputs: string;
  /** The now it was built at, and the range of nows that give the same output (only the report's now differs). */
  nowMs: number;
  from: number;
  until: number;
  /** Each output as written: a file changed or removed since means a full build. */
  outputs: { name: string; size: number; mtimeMs: number }[];
  /** What the build reported, for the summary of a build that changes nothing. */
  summary: { files: OutputFile[]; articlesFound: number; diagnostics: Diagnostic[]; skipped: string[] };
  /** patrika-report.json as written, to restamp with a new now. */
  reportDocument: Record<string, unknown>;
}

/** A fingerprint of the article files: any file added, removed, resized or touched changes it. */
export function inputsFingerprint(files: readonly string[], stamps: readonly (FileStamp | undefined)[]): string {
  const hash = createHash("sha256");
  files.forEach((file, i) => {
    const s = stamps[i];
    hash.update(`${file}\t${s ? `${s.size}\t${s.mtimeMs}\t${s.ctimeMs}` : "-"}\n`);
  });
  return hash.digest("hex");
}

/** Each output's size and modification time as it is now on disk; undefined when one is missing. */
export function statOutputs(outDir: string, names: readonly string[]): BuildRecord["outputs"] | undefined {
  const outputs: BuildRecord["outputs"] = [];
  for (const name of names) {
    const info = statSync(join(outDir, name), { throwIfNoEntry: false });
    if (!info) return undefined;
    outputs.push({ name, size: info.size, mtimeMs: info.mtimeMs });
  }
  return outputs;
}

export async function readRecord(root: string): Promise<BuildRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(root, CACHE_DIR, RECORD_FILE), "utf8")) as BuildRecord;
  } catch {
    return undefined; // missing or damaged: a full build, which writes a new one
  }
}

export async function writeRecord(root: string, record: BuildRecord): Promise<void> {
  const path = join(root, CACHE_DIR, RECORD_FILE);
  await mkdir(join(root, CACHE_DIR), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(record));
  await rename(temporary, path);
}

/** Whether the record still describes the output: same key and folders, now in range, outputs untouched. */
export function recordHolds(record: BuildRecord, expected: { key: string; outDir: string; skipInvalid: boolean; inputs: string; now: Date }): boolean {
  const now = expected.now.getTime();
  if (record.key !== expected.key || record.outDir !== resolve(expected.outDir) || record.skipInvalid !== expected.skipInvalid) return false;
  if (record.inputs !== expected.inputs || now < record.from || now >= record.until) return false;
  const onDisk = statOutputs(expected.outDir, record.outputs.map((o) => o.name));
  return onDisk !== undefined && onDisk.every((o, i) => o.size === record.outputs[i]!.size && o.mtimeMs === record.outputs[i]!.mtimeMs);
}
