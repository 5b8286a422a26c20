import { link, lstat, mkdir, open, rename, rm, rmdir } from "node:fs/promises";

/** A file being written: the steps that can each fail on their own (a full disk fails a write, a bad disk a sync). */
export interface WriteHandle {
  write(content: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every operation the writer uses to change the disk, one call each, so a test can fail any single step (a full disk
 * at the 40th write, a rename refused halfway) and prove the output folder is left as it was. Reads are not here:
 * they change nothing.
 */
export interface WriteIo {
  /** Creates one folder (its parent exists); fails with EEXIST when something is there. */
  mkdir(path: string): Promise<void>;
  /** Removes an empty folder. */
  rmdir(path: string): Promise<void>;
  /** Creates a new file; fails with EEXIST when something is there. */
  create(path: string): Promise<WriteHandle>;
  /** Flushes a folder's entries (the names created, renamed, removed in it) to disk. */
  syncFolder(path: string): Promise<void>;
  /** A second name for an existing file (a hard link); fails with EEXIST when `path` exists. */
  link(existing: string, path: string): Promise<void>;
  /** Renames in one step, replacing what `to` held. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a file that is not there is not an error. */
  remove(path: string): Promise<void>;
}

/** The real disk. */
export const nodeIo: WriteIo = {
  mkdir: (path) => mkdir(path),
  rmdir: (path) => rmdir(path),
  async create(path) {
    const handle = await open(path, "wx");
    return {
      write: (content) => handle.writeFile(content),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  async syncFolder(path) {
    const handle = await open(path, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  link,
  rename,
  remove: (path) => rm(path, { force: true }),
};

/**
 * Writes a new file through `io`, flushed to disk when `durable` (before a rename makes it visible, so a crash cannot
 * publish an empty file). A failed write leaves the file created: the caller removes what it created.
 */
export async function writeNewFile(io: WriteIo, path: string, content: string | Uint8Array, durable: boolean): Promise<void> {
  const handle = await io.create(path);
  try {
    await handle.write(content);
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined); // the write's error is the one to report
    throw error;
  }
  await handle.close();
}

/** Whether anything (a file, folder or link) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return false;
      throw error;
    },
  );
}

/** Errors of a file system that has no hard links. */
export const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK"]);

/** The error code of a failed file operation, if it has one. */
export const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;
