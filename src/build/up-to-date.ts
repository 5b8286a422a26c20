import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { CACHE_DIR, writeCacheRecord, type FileStamp } from "./cache.js";
import { GIT_MIN_TOUCHED } from "./git.js";
import { hashedLines, sha256 } from "./hashed-lines.js";
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
  /** sha256 over every article file's path, size and blob id (`contentsFingerprint`), when all were known. */
  contents?: string;
  /** The parts `contents` is the digest of, so that a delta build hashes again only the parts its edits are in. */
  contentsParts?: string[];
  /** Each file's path and stamp as a 32-bit hash (`stampSet`): how many files changed is counted from it. */
  stampSet?: string;
  /** The articles folder's inode and change time: a hint only (a new one suggests a fresh clone), never trusted. */
  folder?: [ino: number, ctimeMs: number] | undefined;
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

const digests = new WeakMap<readonly string[], string>();
/**
 * sha256 of the listed names, NUL-separated (no path holds a NUL), once per listing: the inputs fingerprint and the
 * delta build's record both ask for it (joining 100,000 names is most of its 10-15 ms).
 */
export function namesDigest(files: readonly string[]): string {
  let digest = digests.get(files);
  if (digest === undefined) digests.set(files, (digest = sha256(files.join("\0"))));
  return digest;
}

/**
 * A fingerprint of the article files: any file added, removed, resized or touched changes it. The names' digest
 * and the stamps as raw doubles (no stamp: NaN), rather than a line of text per file: formatting 300,000 numbers as
 * text was most of its 30 ms at 100,000 files. The doubles are in this machine's byte order; on another, the
 * fingerprint differs and the build reads by contents or in full, as after any change.
 */
export function inputsFingerprint(files: readonly string[], stamps: readonly (FileStamp | undefined)[]): string {
  const values = new Float64Array(files.length * 3);
  for (let i = 0; i < files.length; i++) {
    const s = stamps[i];
    values[3 * i] = s ? s.size : NaN;
    values[3 * i + 1] = s ? s.mtimeMs : NaN;
    values[3 * i + 2] = s ? s.ctimeMs : NaN;
  }
  const hash = createHash("sha256").update(`${files.length}\0${namesDigest(files)}\0`);
  return hash.update(new Uint8Array(values.buffer)).digest("hex");
}

/**
 * Each article file's path and stamp as one 32-bit FNV-1a hash, in path order, as base64 (400 KB at 100,000
 * files): enough to count how many files were touched since, without the article cache.
 */
export function stampSet(files: readonly string[], stamps: readonly (FileStamp | undefined)[]): string {
  const hashes = new Uint32Array(files.length);
  files.forEach((file, i) => (hashes[i] = stampHash(file, stamps[i])));
  return Buffer.from(hashes.buffer).toString("base64");
}

/** A recorded stampSet with some files' stamps changed (the same files, in the same order): only those are hashed. */
export function patchStampSet(recorded: string, changed: Iterable<[index: number, file: string, stamp: FileStamp]>): string {
  const bytes = new Uint8Array(Buffer.from(recorded, "base64"));
  const hashes = new Uint32Array(bytes.buffer, 0, bytes.length >>> 2);
  for (const [i, file, stamp] of changed) hashes[i] = stampHash(file, stamp);
  return Buffer.from(hashes.buffer).toString("base64");
}

/** A stamp's three numbers as the six 32-bit words of their doubles, hashed as they are rather than as text. */
const stampNumbers = new Float64Array(3);
const stampWords = new Uint32Array(stampNumbers.buffer);

/**
 * FNV-1a over the path's characters, then the stamp's words (no stamp: one more word). Formatting the three numbers
 * as text was most of the 50 ms a stamp set took at 100,000 files.
 */
function stampHash(file: string, s: FileStamp | undefined): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < file.length; k++) hash = Math.imul(hash ^ file.charCodeAt(k), 0x01000193);
  if (!s) return Math.imul(hash ^ 0x2d, 0x01000193) >>> 0;
  stampNumbers[0] = s.size;
  stampNumbers[1] = s.mtimeMs;
  stampNumbers[2] = s.ctimeMs;
  for (let w = 0; w < 6; w++) hash = Math.imul(hash ^ stampWords[w]!, 0x01000193);
  return hash >>> 0;
}

/**
 * How many files were added, removed or touched between two stamp sets. A collision can only make the count
 * smaller; it decides nothing but whether git is worth asking.
 */
export function touchedFiles(recorded: string, current: string): number {
  // In the byte order stampSet wrote them (this machine's), copied so the words are aligned.
  const words = (set: string) => {
    const bytes = new Uint8Array(Buffer.from(set, "base64"));
    return new Uint32Array(bytes.buffer, 0, bytes.length >>> 2);
  };
  const before = words(recorded);
  const known = new Set(before);
  let kept = 0;
  let touched = 0;
  for (const hash of words(current)) {
    if (known.has(hash)) kept++;
    else touched++;
  }
  return touched + Math.max(0, before.length - kept);
}

/**
 * Files per part of the contents fingerprint: a delta build hashes again only the parts its edited files are in
 * (hashing all 100,000 lines again was 45 ms of a 0.8 s edit).
 */
const CONTENTS_PART = 1024;

/** A file's size and git blob id, by its index in the listing; undefined when unknown. */
export type ContentOf = (i: number) => readonly [size: number, id: string] | undefined;

/** The contents fingerprint (BuildRecord.contents) and the parts it is the digest of (BuildRecord.contentsParts). */
export interface Contents {
  digest: string;
  parts: string[];
}

/**
 * A fingerprint of the article files' contents: path, size and git blob id of each, in path order; undefined when
 * one is unknown. It matches after a fresh checkout, which changes every stamp and no byte. A hash of hashes: each
 * part's lines are hashed, then the parts' digests, so an edit changes one part (a Merkle tree of two levels, as
 * collision-resistant as the hash).
 */
export function contentsFingerprint(files: readonly string[], contentOf: ContentOf): Contents | undefined {
  const parts: string[] = [];
  for (let start = 0; start < files.length; start += CONTENTS_PART) {
    const part = contentsPart(files, contentOf, start);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return { digest: digestOfParts(parts), parts };
}

/**
 * The fingerprint once the files at `changed` have new contents, from the last one's parts: what
 * contentsFingerprint gives for these files, hashing only the parts they are in. The same listing is assumed (a
 * delta build's, which requires the same names).
 */
export function patchContents(previous: readonly string[] | undefined, files: readonly string[], contentOf: ContentOf, changed: Iterable<number>): Contents | undefined {
  if (!previous || previous.length !== Math.ceil(files.length / CONTENTS_PART)) return contentsFingerprint(files, contentOf);
  const parts = [...previous];
  for (const part of new Set([...changed].map((i) => Math.floor(i / CONTENTS_PART)))) {
    const digest = contentsPart(files, contentOf, part * CONTENTS_PART);
    if (digest === undefined) return undefined;
    parts[part] = digest;
  }
  return { digest: digestOfParts(parts), parts };
}

function contentsPart(files: readonly string[], contentOf: ContentOf, start: number): string | undefined {
  const lines = hashedLines();
  for (let i = start; i < Math.min(files.length, start + CONTENTS_PART); i++) {
    const c = contentOf(i);
    if (!c) return undefined;
    lines.add(`${files[i]}\t${c[0]}\t${c[1]}\n`);
  }
  return lines.digest();
}

const digestOfParts = (parts: readonly string[]) => createHash("sha256").update(parts.join("\n")).digest("hex");

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

/** The folder's inode and change time, for `BuildRecord.folder`. */
export function folderStamp(dir: string): [number, number] | undefined {
  const info = statSync(dir, { throwIfNoEntry: false });
  return info && [info.ino, info.ctimeMs];
}

/**
 * Whether the articles folder is not the one the last build saw (a fresh clone makes a new one): then git is worth
 * asking while the files are still being stat-ed. A guess that only moves work earlier; nothing is decided by it.
 */
export function folderReplaced(record: BuildRecord | undefined, articlesDir: string): boolean {
  const folder = record?.folder;
  const now = folderStamp(articlesDir);
  return folder !== undefined && now !== undefined && (folder[0] !== now[0] || folder[1] !== now[1]);
}

export async function readRecord(root: string): Promise<BuildRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(root, CACHE_DIR, RECORD_FILE), "utf8")) as BuildRecord;
  } catch {
    return undefined; // missing or damaged: a full build, which writes a new one
  }
}

export async function writeRecord(root: string, record: BuildRecord): Promise<void> {
  await writeCacheRecord(root, RECORD_FILE, record);
}

/** What a build expects of the record: its key and choices, the stamps' fingerprint and, asked only if the stamps differ, the contents'. */
export interface Expected {
  key: string;
  skipInvalid: boolean;
  inputs: string;
  folder?: [number, number] | undefined;
  contents?: () => Promise<string | undefined>;
  /**
   * The caller found every file's size and git blob id to be the ones the record was made from (a delta build's
   * check after a fresh checkout): the record holds by contents without asking git again.
   */
  contentsMatch?: boolean;
  /** This build's stampSet, made when asked. */
  stampSet?: () => string;
}

/**
 * Whether the record is this build's kind and its output is as it wrote it, whatever the inputs: same key, folders
 * and choices, now in its stable range, every output the size and time it had (the delta build asks this too).
 */
export function recordStands(record: BuildRecord, expected: { key: string; outDir: string; skipInvalid: boolean; now: Date }): boolean {
  const now = expected.now.getTime();
  if (record.key !== expected.key || record.outDir !== resolve(expected.outDir) || record.skipInvalid !== expected.skipInvalid) return false;
  if (now < record.from || now >= record.until) return false;
  const onDisk = statOutputs(expected.outDir, record.outputs.map((o) => o.name));
  return onDisk !== undefined && onDisk.every((o, i) => o.size === record.outputs[i]!.size && o.mtimeMs === record.outputs[i]!.mtimeMs);
}

/**
 * Whether the record still describes the output: same key and folders, now in range, outputs untouched, and the
 * same inputs: by stamps, or else by contents (git's blob ids after a fresh checkout). "stamps" or "contents" says which.
 */
async function recordHolds(record: BuildRecord, expected: Expected & { outDir: string; now: Date }): Promise<"stamps" | "contents" | undefined> {
  if (!recordStands(record, expected)) return undefined;
  if (record.inputs === expected.inputs) return "stamps";
  if (expected.contentsMatch) return "contents";
  if (record.contents === undefined || !expected.contents) return undefined;
  // Matching by contents needs git; after an edit of a few files, not a checkout, it cannot vouch for them anyway.
  if (record.stampSet && expected.stampSet && touchedFiles(record.stampSet, expected.stampSet()) < GIT_MIN_TOUCHED) return undefined;
  return (await expected.contents()) === record.contents ? "contents" : undefined;
}

/**
 * A build that would write what the last one wrote: nothing is read or rendered, and only patrika-report.json is
 * rewritten when now moved (it states now and the news window). Undefined when anything differs.
 */
export async function reuseLastBuild(input: {
  now: Date;
  config: SiteConfig;
  paths: BuildReport["paths"];
  expected: Expected;
  root: string;
  /** The last build's record as read at the start of this build (readRecord), once for all who ask. */
  record: BuildRecord | undefined;
  io?: WriteIo;
  /** Called when the record matched by contents, with the inputs it was made from: other records move to the new stamps too. */
  onContentsMatch?: (recordedInputs: string) => Promise<void>;
}): Promise<BuildReport | undefined> {
  const { now, config, paths, root, record } = input;
  const holds = record && (await recordHolds(record, { ...input.expected, outDir: paths.outDir, now }));
  if (!record || !holds) return undefined;
  let { files } = record.summary;
  // Matched by contents: the new stamps are recorded, so the next build matches by stamps without asking git.
  const { inputs, folder, stampSet: stampsNow } = input.expected;
  let next: BuildRecord | undefined = holds === "contents" ? { ...record, inputs, ...(folder ? { folder } : {}), ...(stampsNow ? { stampSet: stampsNow() } : {}) } : undefined;
  if (record.nowMs !== now.getTime()) {
    const restamped = await restampReportFile(next ?? record, now, config, paths.outDir, input.io);
    if (!restamped) return undefined; // the full build reports the problem
    files = restamped.files;
    next = restamped.record;
  }
  if (next) await writeRecord(root, next).catch(() => undefined);
  if (holds === "contents") await input.onContentsMatch?.(record.inputs).catch(() => undefined);
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
