import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where the build cache lives, in the working directory (git-ignored, safe to delete). */
export const CACHE_DIR = ".patrika-cache";
const CACHE_FILE = "articles.jsonl";

/** What a file looked like when it was read: a change to any of these means it is read again. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

type Stamp = [size: number, mtimeMs: number, ctimeMs: number];
/** One line of the journal: a file's stamp and value, or null when the file is gone. */
type Line = [file: string, entry: [Stamp, unknown] | null];

/**
 * A per-file cache kept as a journal of checksummed blocks: one build's changes are appended as one block (a single
 * edited article costs one short append, not a rewrite of 100,000 entries), and the file is rewritten whole when
 * stale lines outnumber live ones. It is trusted only whole: a wrong key (tool version, config, folder), a block
 * whose checksum fails or a block cut short by a crash discards all of it.
 *
 * Layout: a header line `{"key": ...}`, then blocks of JSON lines, each block closed by `#<sha256 of its lines>`.
 */
export class BuildCache<T> {
  private readonly entries = new Map<string, [Stamp, T]>();
  private readonly pending = new Map<string, [Stamp, T] | null>();
  /** Lines in the file (live or stale); -1 when the file must be rewritten whole. */
  private lines = -1;

  private constructor(
    private readonly path: string,
    private readonly key: string,
  ) {}

  /** Opens the cache in `root`/.patrika-cache for `key`; a missing, foreign or damaged cache starts empty. */
  static async open<T>(root: string, key: string): Promise<BuildCache<T>> {
    const cache = new BuildCache<T>(join(root, CACHE_DIR, CACHE_FILE), key);
    const text = await readFile(cache.path, "utf8").catch(() => "");
    try {
      cache.load(text);
    } catch {
      cache.entries.clear(); // unreadable: start over rather than trust any of it
      cache.lines = -1;
    }
    return cache;
  }

  private load(text: string): void {
    const newline = text.indexOf("\n");
    if (newline < 0 || (JSON.parse(text.slice(0, newline)) as { key?: string }).key !== this.key) return;
    let lines = 0;
    let start = newline + 1;
    while (start < text.length) {
      const trailer = text.indexOf("\n#", start - 1);
      if (trailer < 0) throw new Error("a block without its checksum (cut short)");
      const block = text.slice(start, trailer + 1);
      const end = text.indexOf("\n", trailer + 1);
      const checksum = text.slice(trailer + 2, end < 0 ? text.length : end);
      if (checksum !== sha256(block)) throw new Error("a block whose checksum fails");
      for (const [file, entry] of JSON.parse(`[${block.slice(0, -1).replaceAll("\n", ",")}]`) as Line[]) {
        if (entry) this.entries.set(file, entry as [Stamp, T]);
        else this.entries.delete(file);
        lines++;
      }
      start = end < 0 ? text.length : end + 1;
    }
    this.lines = lines;
  }

  /** The value cached for a file, if the file is unchanged since (same size, modification and change times). */
  get(file: string, stamp: FileStamp): T | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry[0][0] !== stamp.size || entry[0][1] !== stamp.mtimeMs || entry[0][2] !== stamp.ctimeMs) return undefined;
    return entry[1];
  }

  /** Records a file's value (it must survive JSON). */
  set(file: string, stamp: FileStamp, value: T): void {
    const entry: [Stamp, T] = [[stamp.size, stamp.mtimeMs, stamp.ctimeMs], value];
    this.entries.set(file, entry);
    this.pending.set(file, entry);
  }

  /** Forgets a file (gone, or no longer cacheable). */
  delete(file: string): void {
    if (this.entries.delete(file)) this.pending.set(file, null);
  }

  /** Forgets files that are gone, so the cache does not grow forever. */
  keepOnly(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of this.entries.keys()) if (!keep.has(file)) this.delete(file);
  }

  /** Appends this build's changes as one block, or rewrites the file when it is new, foreign or mostly stale. */
  async save(): Promise<void> {
    if (this.pending.size === 0 && this.lines >= 0) return;
    await mkdir(join(this.path, ".."), { recursive: true });
    const rewrite = this.lines < 0 || this.lines + this.pending.size > 2 * this.entries.size + 1000;
    if (!rewrite) {
      await appendFile(this.path, block([...this.pending].map(([file, entry]) => [file, entry] as Line)));
      this.lines += this.pending.size;
    } else {
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ key: this.key })}\n${block([...this.entries].map(([file, entry]) => [file, entry] as Line))}`);
      await rename(temporary, this.path);
      this.lines = this.entries.size;
    }
    this.pending.clear();
  }
}

function block(lines: Line[]): string {
  const text = lines.map((line) => `${JSON.stringify(line)}\n`).join("");
  return `${text}#${sha256(text)}\n`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
