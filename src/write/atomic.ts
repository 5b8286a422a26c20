import { randomBytes } from "node:crypto";
import { lstat, readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { codeOf, exists, NO_HARD_LINKS, nodeIo, writeNewFile, type WriteIo } from "./io.js";
import {
  backupOf, cleanUp, inParallel, JOURNAL_FILE, recover, rollBack, STRAY, syncFolders, temporaryOf, writeJournal,
  type Journal, type Step,
} from "./journal.js";
import { acquireLock, LOCK_FILE, OutputLockedError, type Lock } from "./lock.js";
import { findForeign, ForeignOutputError, foldersOf, isOutputName, MANIFEST_FILE, readManifest, renderManifest } from "./manifest.js";

export { nodeIo, type WriteHandle, type WriteIo } from "./io.js";
export { LOCK_FILE, OutputLockedError } from "./lock.js";
export { ForeignOutputError, MANIFEST_FILE } from "./manifest.js";
export { JOURNAL_FILE } from "./journal.js";

/** One rendered output, ready to be written (`name` may hold `/` for a file in a subfolder of the output). */
export interface RenderedFile {
  name: string;
  content: string;
}

/** An output to write: its text, or a function giving its text once the build's generation is known (the report states it). */
export interface OutputToWrite {
  name: string;
  content: string | ((generation: number) => string);
}

/** How to write. */
export interface WriteOptions {
  /** File operations (tests inject failures); default the real disk. */
  io?: WriteIo;
  /** Earlier outputs that stay as they are: not rewritten, not removed, still patrika's. */
  keep?: readonly string[];
  /** Replace existing files that patrika's manifest does not list (refused by default: they are another tool's). */
  replaceForeign?: boolean;
  /** This build's generation; default one more than the last build's in this folder. */
  generation?: number;
}

/** What a write did. */
export interface WriteResult {
  /** The generation of the set now published, as the manifest records it. */
  generation: number;
  /** A killed build's set this build found and finished first: rolled forward, rolled back, or its staging undone. */
  recovered?: Journal["state"];
  /** Hidden files (backups) the build could not remove after publishing: harmless, and the next build removes them. */
  leftovers: string[];
}

/**
 * The outputs could not be written. `restored` tells whether the folder is as it was before the build; the message
 * says the same, and nothing more than is known.
 */
export class OutputWriteError extends Error {
  constructor(
    readonly outDir: string,
    override readonly cause: unknown,
    readonly restored: boolean,
    message = restored
      ? `the output could not be written (${messageOf(cause)}); the previous output is untouched`
      : `the output could not be written (${messageOf(cause)}), and putting the previous output back failed too: ${outDir} may hold files of two builds until the next build into it, which finishes putting it back first`,
  ) {
    super(message);
    this.name = "OutputWriteError";
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Names patrika keeps for itself in an output folder. */
const OWN_FILES = new Set([MANIFEST_FILE, JOURNAL_FILE, LOCK_FILE]);

/**
 * Publishes `files` into `outDir` as one set, or changes nothing. Every file is written and flushed beside its target
 * under a temporary name; only then are they renamed into place, in the order given (a sitemap's parts before its
 * index), and files the last build wrote and this one does not are removed. Until the set is complete each replaced
 * file keeps a second name (a hard link), so a failure at any step puts every file and folder back as it was; a
 * journal written before the first change lets the next build finish what a killed one started. A lock keeps two
 * builds out of one folder, and an existing file patrika did not write is never replaced unless `replaceForeign`.
 * Throws OutputLockedError, ForeignOutputError (nothing written) or OutputWriteError.
 */
export async function writeAtomically(outDir: string, files: readonly OutputToWrite[], options: WriteOptions = {}): Promise<WriteResult> {
  checkNames(files.map((file) => file.name));
  if (options.generation !== undefined && !(Number.isSafeInteger(options.generation) && options.generation > 0)) {
    throw new TypeError(`writeAtomically: generation must be a positive integer, not ${options.generation}`);
  }
  const io = options.io ?? nodeIo;
  let made: string[] = [];
  let lock: Lock | undefined;
  let published = false;
  try {
    made = await makeOutputFolder(io, outDir);
    lock = await acquireLock(outDir, io);
    const recovered = await recover(io, outDir).catch((error: unknown) => {
      throw new OutputWriteError(outDir, error, false, `an earlier build into ${outDir} stopped while publishing, and finishing its set failed (${messageOf(error)}); this build wrote nothing`);
    });
    const manifest = await readManifest(outDir);
    await sweepStrays(io, outDir, [...files.map((file) => file.name), ...manifest.files, ...(options.keep ?? [])]);
    if (!options.replaceForeign) {
      const foreign = await findForeign(outDir, files.map((file) => file.name), manifest);
      if (foreign.length > 0) throw new ForeignOutputError(outDir, foreign);
    }
    const generation = options.generation ?? manifest.generation + 1;
    const { journal, contents } = await plan(outDir, files, options.keep ?? [], manifest.files, generation);
    const leftovers = await publish(io, outDir, journal, contents);
    published = true;
    return { generation, ...(recovered.journal ? { recovered: recovered.journal.state } : {}), leftovers: [...recovered.leftovers, ...leftovers] };
  } catch (error) {
    if (error instanceof OutputLockedError || error instanceof ForeignOutputError || error instanceof OutputWriteError) throw error;
    throw new OutputWriteError(outDir, error, true);
  } finally {
    await lock?.release().catch(() => undefined);
    if (!published) for (const folder of made.reverse()) await io.rmdir(folder).catch(() => undefined);
  }
}

function checkNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!isOutputName(name) || OWN_FILES.has(name) || seen.has(name)) throw new TypeError(`writeAtomically: ${JSON.stringify(name)} is not a name an output can have (or is given twice)`);
    seen.add(name);
  }
}

/** Creates the output folder and any missing parent; returns those it created, outermost first. */
async function makeOutputFolder(io: WriteIo, outDir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let folder = resolve(outDir); !(await exists(folder)) && dirname(folder) !== folder; folder = dirname(folder)) missing.unshift(folder);
  const made: string[] = [];
  try {
    for (const folder of missing) {
      await io.mkdir(folder);
      made.push(folder);
    }
  } catch (error) {
    for (const folder of made.reverse()) await io.rmdir(folder).catch(() => undefined);
    throw error;
  }
  return made;
}

/** The steps of this build's set: every output in the order given, then the files it drops, then the manifest. */
async function plan(outDir: string, files: readonly OutputToWrite[], keep: readonly string[], owned: readonly string[], generation: number) {
  const names = files.map((file) => file.name);
  const current = new Set(names);
  const ownedSet = new Set(owned);
  const kept = keep.filter((name) => ownedSet.has(name) && !current.has(name));
  const keptSet = new Set(kept);
  const isFile = async (name: string) => (await lstat(join(outDir, name)).catch(() => undefined))?.isDirectory() === false;
  const dropped = owned.filter((name) => !current.has(name) && !keptSet.has(name) && !OWN_FILES.has(name));
  const [existed, droppedThere, manifestThere] = await Promise.all([Promise.all(names.map(isFile)), Promise.all(dropped.map(isFile)), isFile(MANIFEST_FILE)]);
  const steps: Step[] = [
    ...names.map((name, i): Step => ({ name, kind: "replace", existed: existed[i]! })),
    ...dropped.filter((_, i) => droppedThere[i]).map((name): Step => ({ name, kind: "drop", existed: true })),
    { name: MANIFEST_FILE, kind: "replace", existed: manifestThere },
  ];
  const wanted = [...new Set(names.flatMap(foldersOf))];
  const there = await Promise.all(wanted.map((folder) => exists(join(outDir, folder))));
  const journal: Journal = { format: 1, state: "staging", token: randomBytes(6).toString("hex"), generation, folders: wanted.filter((_, i) => !there[i]), steps };
  const manifest = renderManifest({ generation, files: [...names, ...kept] });
  const contents = (i: number): string => {
    const content = i < files.length ? files[i]!.content : manifest;
    return typeof content === "function" ? content(generation) : content;
  };
  return { journal, contents };
}

/**
 * Stages, then renames, then cleans up; any failure before the set is complete puts the folder back as it was (and
 * throws). Returns the hidden files it could not remove after the set was complete.
 */
async function publish(io: WriteIo, outDir: string, journal: Journal, contentOf: (i: number) => string): Promise<string[]> {
  let mayReadForward = false;
  try {
    await writeJournal(io, outDir, journal);
    for (const folder of journal.folders) await io.mkdir(join(outDir, folder));
    await inParallel(journal.steps, async (step, i) => {
      if (step.kind !== "replace") return;
      await writeNewFile(io, temporaryOf(outDir, journal, step, i), contentOf(i), true);
      if (step.existed) await keepPrevious(io, join(outDir, step.name), backupOf(outDir, journal, step, i));
    });
    await syncFolders(io, outDir, journal.steps); // the staged names are on disk before the journal says "forward"
    mayReadForward = true;
    await writeJournal(io, outDir, { ...journal, state: "forward" });
    for (const [i, step] of journal.steps.entries()) {
      const target = join(outDir, step.name);
      if (step.kind === "replace") await io.rename(temporaryOf(outDir, journal, step, i), target);
      else await io.rename(target, backupOf(outDir, journal, step, i));
    }
    await syncFolders(io, outDir, journal.steps);
  } catch (error) {
    // A killed rollback must be finished as a rollback: say so first (if even that fails, roll back all the same).
    if (mayReadForward) await writeJournal(io, outDir, { ...journal, state: "back" }).catch(() => undefined);
    try {
      await rollBack(io, outDir, journal);
    } catch {
      throw new OutputWriteError(outDir, error, false);
    }
    throw error;
  }
  return cleanUp(io, outDir, journal);
}

/** A second name for the file a rename will replace; where the folder has no hard links, a copy. */
async function keepPrevious(io: WriteIo, target: string, backup: string): Promise<void> {
  try {
    await io.link(target, backup);
  } catch (error) {
    if (!NO_HARD_LINKS.has(codeOf(error) ?? "")) throw error;
    await writeNewFile(io, backup, await readFile(target), true);
  }
}

/**
 * Temporaries and backups left by builds that wrote no journal (killed before writing one, or patrika 0.1), in every
 * folder involved. Only names derived from a file patrika writes or wrote there are touched: `.rss.xml.<pid>-<n>.tmp`
 * is ours when rss.xml is; another tool's temporary is not.
 */
async function sweepStrays(io: WriteIo, outDir: string, names: readonly string[]): Promise<void> {
  const ours = new Map<string, Set<string>>([["", new Set([MANIFEST_FILE, JOURNAL_FILE])]]);
  for (const name of names) {
    const slash = name.lastIndexOf("/");
    const folder = name.slice(0, Math.max(0, slash));
    if (!ours.has(folder)) ours.set(folder, new Set());
    ours.get(folder)!.add(name.slice(slash + 1));
  }
  for (const [folder, files] of ours) {
    const entries = await readdir(join(outDir, folder)).catch(() => [] as string[]);
    for (const entry of entries) {
      const base = STRAY.exec(entry)?.[1];
      if (base !== undefined && files.has(base)) await io.remove(join(outDir, folder, entry));
    }
  }
}
