import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { codeOf, exists, writeNewFile, type WriteIo } from "./io.js";
import { foldersOf, isOutputName } from "./manifest.js";

/**
 * The plan of one build's publish, written before its first change to the folder and removed after its last, so
 * that the next build can finish what a killed one started: roll the set forward (every rename done) or back (every
 * file as it was), never leave files of two builds.
 */
export const JOURNAL_FILE = ".patrika-journal.json";

/** One change of the set, in the order they are made. */
export interface Step {
  /** The path below the output folder. */
  name: string;
  /** `replace`: a staged file is renamed onto `name`; `drop`: `name` (written by an earlier build) is removed. */
  kind: "replace" | "drop";
  /** Whether `name` held a file before (then a hard link keeps it until the set is complete). */
  existed: boolean;
}

export interface Journal {
  format: 1;
  /**
   * `staging`: files are being written beside their targets, nothing published yet (undo: remove them);
   * `forward`: everything staged, renames under way (finish them); `back`: a rename failed (put everything back).
   */
  state: "staging" | "forward" | "back";
  /** Names this build's temporaries and backups apart from any other's. */
  token: string;
  generation: number;
  /** Folders this build created, outermost first (removed again if the set is rolled back). */
  folders: string[];
  steps: Step[];
}

/** The staged new content of step `i`, beside its target. */
export const temporaryOf = (outDir: string, journal: Pick<Journal, "token">, step: Step, i: number): string => beside(outDir, step.name, `${journal.token}-${i}.tmp`);
/** The previous file of step `i`, kept under a second name until the set is complete. */
export const backupOf = (outDir: string, journal: Pick<Journal, "token">, step: Step, i: number): string => beside(outDir, step.name, `${journal.token}-${i}.bak`);

function beside(outDir: string, name: string, suffix: string): string {
  const slash = name.lastIndexOf("/");
  return join(outDir, `${name.slice(0, slash + 1)}.${name.slice(slash + 1)}.${suffix}`);
}

/**
 * A temporary or backup beside the file named in group 1: this version's (`.rss.xml.<token>-<n>.tmp`, `.bak`, the
 * journal's `.patrika-journal.json.<token>.tmp`) and patrika 0.1's (`.rss.xml.<pid>-<n>.tmp`).
 */
export const STRAY = /^\.(.+)\.(?:[0-9a-f]{12}(?:-\d+)?\.(?:tmp|bak)|\d+(?:-\d+)?\.tmp)$/;

/** Writes the journal whole (temporary, flush, rename, flush the folder): it is either the old one or the new one. */
export async function writeJournal(io: WriteIo, outDir: string, journal: Journal): Promise<void> {
  const temporary = join(outDir, `.${JOURNAL_FILE}.${journal.token}.tmp`);
  try {
    await writeNewFile(io, temporary, `${JSON.stringify(journal)}\n`, true);
    await io.rename(temporary, join(outDir, JOURNAL_FILE));
  } catch (error) {
    await io.remove(temporary).catch(() => undefined);
    throw error;
  }
  await io.syncFolder(outDir);
}

/** The journal a killed build left; undefined when there is none. One patrika cannot read is an error: it is not ours to guess. */
export async function readJournal(outDir: string): Promise<Journal | undefined> {
  const path = join(outDir, JOURNAL_FILE);
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    if (codeOf(error) === "ENOENT") return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let journal: Partial<Journal> | undefined;
  try {
    journal = JSON.parse(text) as Partial<Journal>;
  } catch {
    journal = undefined;
  }
  if (!isJournal(journal)) throw new Error(`${path} is not a journal this version of patrika can finish; delete it once you have checked the folder`);
  return journal;
}

function isJournal(j: Partial<Journal> | undefined): j is Journal {
  return (
    j !== undefined && j !== null && j.format === 1 && (j.state === "staging" || j.state === "forward" || j.state === "back") &&
    typeof j.token === "string" && /^[0-9a-f]{12}$/.test(j.token) && Number.isSafeInteger(j.generation) &&
    Array.isArray(j.folders) && j.folders.every((f) => typeof f === "string" && isOutputName(f)) &&
    Array.isArray(j.steps) && j.steps.every((s) => typeof s?.name === "string" && isOutputName(s.name) && (s.kind === "replace" || s.kind === "drop") && typeof s.existed === "boolean")
  );
}

/**
 * Finishes what a killed build started, before this build changes anything: staging is undone, a publish under way
 * is completed, a rollback under way is completed. Afterwards the folder holds one build's whole set and no journal.
 */
export async function recover(io: WriteIo, outDir: string): Promise<{ journal?: Journal; leftovers: string[] }> {
  const journal = await readJournal(outDir);
  if (!journal) return { leftovers: [] };
  if (journal.state === "staging") await undoStaging(io, outDir, journal);
  else if (journal.state === "back") await rollBack(io, outDir, journal);
  else {
    await rollForward(io, outDir, journal);
    return { journal, leftovers: await cleanUp(io, outDir, journal) };
  }
  return { journal, leftovers: [] };
}

/** Removes every temporary and backup the journal names, the folders it created (if empty), and the journal. */
export async function undoStaging(io: WriteIo, outDir: string, journal: Journal): Promise<void> {
  await inParallel(journal.steps, async (step, i) => {
    if (step.kind !== "replace") return;
    await io.remove(temporaryOf(outDir, journal, step, i));
    if (step.existed) await io.remove(backupOf(outDir, journal, step, i));
  });
  const failed = await removeFolders(io, outDir, journal.folders, true);
  if (failed.length > 0) throw new Error(`could not remove ${failed.join(", ")}`);
  await io.remove(join(outDir, JOURNAL_FILE));
}

/** The renames of a killed publish that had not happened yet, in order (a temporary still there was not renamed). */
async function rollForward(io: WriteIo, outDir: string, journal: Journal): Promise<void> {
  for (const [i, step] of journal.steps.entries()) {
    const target = join(outDir, step.name);
    if (step.kind === "replace") {
      const temporary = temporaryOf(outDir, journal, step, i);
      if (await exists(temporary)) await io.rename(temporary, target);
    } else if ((await exists(target)) && !(await exists(backupOf(outDir, journal, step, i)))) {
      await io.rename(target, backupOf(outDir, journal, step, i));
    }
  }
  await syncFolders(io, outDir, journal.steps);
}

/**
 * Puts every file back as it was, last step first: a replaced file from its backup, a new file removed, a dropped
 * file renamed back; then the folders this build created and the journal go. Used on any failure before the set
 * is complete (staging or renaming) and by the next build when a rollback was killed, so each step checks what is
 * on disk.
 */
export async function rollBack(io: WriteIo, outDir: string, journal: Journal): Promise<void> {
  for (let i = journal.steps.length - 1; i >= 0; i--) {
    const step = journal.steps[i]!;
    const target = join(outDir, step.name);
    const temporary = temporaryOf(outDir, journal, step, i);
    const backup = backupOf(outDir, journal, step, i);
    if (step.kind === "drop") {
      if (await exists(backup)) await io.rename(backup, target);
    } else if (await exists(temporary)) {
      await io.remove(temporary); // never renamed: the target is the previous file still
      if (step.existed) await io.remove(backup);
    } else if (step.existed) {
      if (await exists(backup)) await io.rename(backup, target);
    } else {
      await io.remove(target);
    }
  }
  await syncFolders(io, outDir, journal.steps);
  const failed = await removeFolders(io, outDir, journal.folders, true);
  if (failed.length > 0) throw new Error(`could not remove ${failed.join(", ")}`);
  await io.remove(join(outDir, JOURNAL_FILE));
}

/**
 * After the set is complete: removes the backups, the folders dropped files leave empty, and the journal. The set
 * is published already, so a failure here is not the build's: it returns what it could not remove (the next build
 * removes it) and removes the journal only when nothing is left.
 */
export async function cleanUp(io: WriteIo, outDir: string, journal: Journal): Promise<string[]> {
  const leftovers: string[] = [];
  const removeOrNote = (path: string) => io.remove(path).catch(() => void leftovers.push(path));
  await inParallel(journal.steps, async (step, i) => {
    if (step.existed || step.kind === "drop") await removeOrNote(backupOf(outDir, journal, step, i));
  });
  const emptied = [...new Set(journal.steps.filter((s) => s.kind === "drop").flatMap((s) => foldersOf(s.name)))];
  leftovers.push(...(await removeFolders(io, outDir, emptied, false)));
  if (leftovers.length === 0) await removeOrNote(join(outDir, JOURNAL_FILE));
  return leftovers.sort();
}

/**
 * Removes the folders, innermost first; returns those it could not remove. A folder that holds anything stays, and
 * is a failure only when `mustBeEmpty` (a folder this build created holds nothing once its files are gone).
 */
export async function removeFolders(io: WriteIo, outDir: string, folders: readonly string[], mustBeEmpty: boolean): Promise<string[]> {
  const failed: string[] = [];
  for (const folder of [...folders].sort((a, b) => b.split("/").length - a.split("/").length)) {
    await io.rmdir(join(outDir, folder)).catch((error: unknown) => {
      const code = codeOf(error);
      if (code === "ENOENT" || (!mustBeEmpty && (code === "ENOTEMPTY" || code === "EEXIST"))) return;
      failed.push(join(outDir, folder));
    });
  }
  return failed;
}

/** Flushes every folder the steps touch (and the output folder), so their renames survive a power cut. */
export async function syncFolders(io: WriteIo, outDir: string, steps: readonly Step[]): Promise<void> {
  const folders = new Set(["", ...steps.flatMap((step) => foldersOf(step.name))]);
  await inParallel([...folders], (folder) =>
    io.syncFolder(join(outDir, folder)).catch((error: unknown) => {
      if (codeOf(error) !== "ENOENT") throw error; // a folder not (or no longer) there has nothing to flush
    }),
  );
}

/** At most this many file operations in flight: each write waits on its own fsync, and waiting in turn was most of the write time. */
export const CONCURRENCY = 8;

/** Runs `task` over every item, a few at a time; when one fails, waits for those in flight, then throws the first error. */
export async function inParallel<T>(items: readonly T[], task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        await task(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  if (failure) throw failure.error;
}
