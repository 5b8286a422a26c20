import { mkdir, open, readdir, readFile, rename, rm, rmdir } from "node:fs/promises";
import { join } from "node:path";

/** One rendered output, ready to be written (`name` may hold `/` for a file in a subfolder of the output). */
export interface RenderedFile {
  name: string;
  content: string;
}

/** The file operations the writer needs; tests pass failing ones to prove nothing is left half-written. */
export interface WriteIo {
  mkdir(path: string): Promise<void>;
  writeFileDurably(path: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const nodeIo: WriteIo = {
  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },
  async writeFileDurably(path, content) {
    const handle = await open(path, "wx");
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync(); // on disk before the rename makes it visible: a crash cannot publish an empty file
    } finally {
      await handle.close();
    }
  },
  rename,
  async remove(path) {
    await rm(path, { force: true });
  },
};

/** Files written (and fsynced) at once. */
const WRITE_CONCURRENCY = 8;

/** The lock file a build holds in its output folder while it writes. */
export const LOCK_FILE = ".patrika.lock";
const TEMPORARY = /^\..+\.\d+(-\d+)?\.tmp$/;

/** Another build holds the output folder. */
export class OutputLockedError extends Error {
  constructor(
    readonly outDir: string,
    readonly pid: number,
  ) {
    super(`another patrika build (process ${pid}) is writing ${outDir}; wait for it to finish, or delete ${join(outDir, LOCK_FILE)} if no build is running`);
    this.name = "OutputLockedError";
  }
}

/**
 * Writes every file beside its target under a temporary name, then renames each into place only once all were
 * written. A failure before the renames leaves every previous output exactly as it was; a rename replaces a file
 * in one step, so a reader sees either the old file or the new one, never a part. A lock file keeps two builds
 * from interleaving their renames in the same folder. `keep` names earlier outputs that stay as they are.
 */
export async function writeAtomically(outDir: string, files: readonly RenderedFile[], io: WriteIo = nodeIo, keep: readonly string[] = []): Promise<void> {
  await io.mkdir(outDir);
  const release = await acquireLock(outDir);
  try {
    await removeStaleTemporaries(outDir, files);
    const staged: { index: number; temporary: string; target: string }[] = [];
    const folders = new Set(files.map((file) => file.name.slice(0, Math.max(0, file.name.lastIndexOf("/")))).filter(Boolean));
    try {
      for (const folder of [...folders].sort()) await io.mkdir(join(outDir, folder));
      const stage = async (index: number) => {
        const file = files[index]!;
        const slash = file.name.lastIndexOf("/");
        const temporary = join(outDir, `${file.name.slice(0, slash + 1)}.${file.name.slice(slash + 1)}.${process.pid}-${index}.tmp`);
        staged.push({ index, temporary, target: join(outDir, file.name) });
        await io.writeFileDurably(temporary, file.content);
      };
      // Several files in flight at once: each waits on its own fsync, and waiting one after another was most of
      // the write time (about 120 ms for 43 files here).
      let next = 0;
      const worker = async () => {
        while (next < files.length) await stage(next++);
      };
      const results = await Promise.allSettled(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, worker));
      const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
      if (failed) throw failed.reason;
    } catch (error) {
      await Promise.all(staged.map(({ temporary }) => io.remove(temporary).catch(() => undefined)));
      throw error;
    }
    staged.sort((a, b) => a.index - b.index); // renamed in the order given: a sitemap's parts before its index
    for (const { temporary, target } of staged) await io.rename(temporary, target);
    await removeDropped(outDir, [...files.map((f) => f.name), ...keep], io);
  } finally {
    await release();
  }
}

/** The list of files the last build wrote, so the next one can remove those it no longer writes. */
export const MANIFEST_FILE = ".patrika-manifest.json";

/**
 * Removes files an earlier build wrote and this one did not (a sitemap part no longer needed, a category that
 * has no articles left), so stale files are never served. Only names from our own manifest are touched.
 */
async function removeDropped(outDir: string, names: readonly string[], io: WriteIo): Promise<void> {
  const current = new Set(names);
  const previous: unknown = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), "utf8").catch(() => "[]"));
  const dropped = (Array.isArray(previous) ? previous : []).filter(
    (name): name is string => typeof name === "string" && !current.has(name) && !name.split("/").some((s) => s === ".." || s === ""),
  );
  for (const name of dropped) {
    await io.remove(join(outDir, name));
    // Remove the category folders that are now empty, innermost first.
    for (let folder = name.slice(0, name.lastIndexOf("/")); folder; folder = folder.slice(0, Math.max(0, folder.lastIndexOf("/")))) {
      await rmdir(join(outDir, folder)).catch(() => undefined);
    }
  }
  const temporary = join(outDir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  await io.writeFileDurably(temporary, `${JSON.stringify([...current].sort(), null, 1)}\n`);
  await io.rename(temporary, join(outDir, MANIFEST_FILE));
}

/** Takes the folder's lock, or throws OutputLockedError naming the build that holds it. A dead holder's lock is taken over. */
async function acquireLock(outDir: string): Promise<() => Promise<void>> {
  const path = join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new OutputLockedError(outDir, pid);
      await rm(path, { force: true }); // left by a build that was killed: nobody holds it
    }
  }
  throw new Error(`could not take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Temporary files left by a killed build (we hold the lock, so no live build owns any). */
async function removeStaleTemporaries(outDir: string, files: readonly RenderedFile[]): Promise<void> {
  const folders = new Set(["", ...files.map((f) => f.name.slice(0, f.name.lastIndexOf("/") + 1))]);
  for (const folder of folders) {
    const entries = await readdir(join(outDir, folder)).catch(() => [] as string[]);
    await Promise.all(entries.filter((name) => TEMPORARY.test(name)).map((name) => rm(join(outDir, folder, name), { force: true })));
  }
}
