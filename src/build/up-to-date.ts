import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { CACHE_DIR, type FileStamp } from "./cache.js";
import type { BuildReport, OutputFile, SiteConfig } from "../model.js";
import { OUTPUTS } from "../outputs.js";
import { LAST_BUILD, unchangedDiff } from "../render/published.js";
import { renderReportDocument, restampReport, withGeneration } from "../render/report.js";
import { writeAtomically, type WriteIo } from "../write/atomic.js";

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

async function readRecord(root: string): Promise<BuildRecord | undefined> {
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
function recordHolds(record: BuildRecord, expected: { key: string; outDir: string; skipInvalid: boolean; inputs: string; now: Date }): boolean {
  const now = expected.now.getTime();
  if (record.key !== expected.key || record.outDir !== resolve(expected.outDir) || record.skipInvalid !== expected.skipInvalid) return false;
  if (record.inputs !== expected.inputs || now < record.from || now >= record.until) return false;
  const onDisk = statOutputs(expected.outDir, record.outputs.map((o) => o.name));
  return onDisk !== undefined && onDisk.every((o, i) => o.size === record.outputs[i]!.size && o.mtimeMs === record.outputs[i]!.mtimeMs);
}

/**
 * A build that would write what the last one wrote: nothing is read or rendered, and only patrika-report.json is
 * rewritten when now moved (it states now and the news window). Undefined when anything differs.
 */
export async function reuseLastBuild(input: {
  now: Date;
  config: SiteConfig;
  paths: BuildReport["paths"];
  expected: { key: string; skipInvalid: boolean; inputs: string };
  root: string;
  io?: WriteIo;
}): Promise<BuildReport | undefined> {
  const { now, config, paths, root } = input;
  const record = await readRecord(root);
  if (!record || !recordHolds(record, { ...input.expected, outDir: paths.outDir, now })) return undefined;
  let { files } = record.summary;
  if (record.nowMs !== now.getTime()) {
    const restamped = await restampReportFile(record, now, config, paths.outDir, input.io);
    if (!restamped) return undefined; // the full build reports the problem
    files = restamped.files;
    await writeRecord(root, restamped.record).catch(() => undefined);
  }
  const { articlesFound, diagnostics, skipped } = record.summary;
  return {
    status: "ok",
    upToDate: true,
    diagnostics,
    files,
    articlesFound,
    articlesFromCache: articlesFound,
    threads: 0,
    skipped,
    paths,
    stableNow: { from: record.from, until: record.until },
    publish: unchangedDiff(LAST_BUILD),
  };
}

/** Rewrites only the report, with the new now and news window; the record as it then stands. */
async function restampReportFile(record: BuildRecord, now: Date, config: SiteConfig, outDir: string, io: WriteIo | undefined): Promise<{ files: OutputFile[]; record: BuildRecord } | undefined> {
  const name = OUTPUTS.report.name;
  const restamped = restampReport(record.reportDocument, now, config.timeZone);
  let document = restamped;
  const others = record.outputs.map((o) => o.name).filter((other) => other !== name);
  try {
    const content = (generation: number) => renderReportDocument((document = withGeneration(restamped, generation)));
    await writeAtomically(outDir, [{ name, content }], { ...(io ? { io } : {}), keep: others });
  } catch {
    return undefined;
  }
  const content = renderReportDocument(document);
  const files = record.summary.files.map((f) => (f.name === name ? { ...f, bytes: Buffer.byteLength(content) } : f));
  const outputs = statOutputs(outDir, record.outputs.map((o) => o.name));
  if (!outputs) return undefined;
  return { files, record: { ...record, nowMs: now.getTime(), outputs, reportDocument: document, summary: { ...record.summary, files } } };
}
