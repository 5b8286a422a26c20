import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/** One rendered output, ready to be written. */
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

/**
 * Writes every file beside its target under a temporary name, then renames each into place only once all were
 * written. A failure before the renames leaves every previous output exactly as it was; a rename replaces a file
 * in one step, so a reader sees either the old file or the new one, never a part.
 */
export async function writeAtomically(outDir: string, files: readonly RenderedFile[], io: WriteIo = nodeIo): Promise<void> {
  await io.mkdir(outDir);
  const staged: { temporary: string; target: string }[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const target = join(outDir, file.name);
      const temporary = join(outDir, `.${file.name}.${process.pid}-${index}.tmp`);
      staged.push({ temporary, target });
      await io.writeFileDurably(temporary, file.content);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => io.remove(temporary).catch(() => undefined)));
    throw error;
  }
  for (const { temporary, target } of staged) await io.rename(temporary, target);
}
