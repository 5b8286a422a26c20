import { createHash } from "node:crypto";
import type { FileStamp } from "./cache.js";

/**
 * The delta record's table of files (docs/adr/0011-delta-builds.md): a fixed row per listed file, in listing order,
 * of its stamp (size, mtime and ctime as float64), git blob id and head id (20 bytes each). Fixed rows let a delta
 * build write back only the rows it changed, in place, instead of the whole table (6.4 MB at 100,000 files, 25 ms
 * of a 0.7 s edit). Each block of rows has its own sha1 in the record's header: a row written without the header
 * (a build stopped between the two) or damaged shows as a block that does not match, and the record is not used.
 */
const ROW = 64;
const BLOB_AT = 24;
const HEAD_AT = 44;
const ID_BYTES = 20;
/** Rows per checksummed block: 64 KB. */
const BLOCK_ROWS = 1024;


export class FileTable {
  /** Which rows were set since the table was made or read, a byte each (a Set of 100,000 rows cost 25 ms). */
  private readonly changed: Uint8Array;
  /** The same bytes as float64s, for the stamps: reading them through the Buffer cost a build at 100,000 files 10 ms. */
  private readonly numbers: Float64Array;

  private constructor(
    readonly bytes: Buffer,
    readonly count: number,
  ) {
    this.numbers = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
    this.changed = new Uint8Array(count);
  }

  static empty(count: number): FileTable {
    return new FileTable(Buffer.alloc(ROW * count), count);
  }

  /** The table in `bytes` when every block matches its checksum; undefined otherwise. */
  static verified(bytes: Buffer, count: number, checksums: readonly string[]): FileTable | undefined {
    if (bytes.length !== ROW * count || checksums.length !== blocksOf(count)) return undefined;
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes).buffer); // float64s align
    const table = new FileTable(aligned, count);
    return checksums.every((checksum, block) => table.blockChecksum(block) === checksum) ? table : undefined;
  }

  size(i: number): number {
    return this.numbers[(ROW / 8) * i]!;
  }

  sameStamp(i: number, stamp: FileStamp): boolean {
    const at = (ROW / 8) * i;
    const n = this.numbers;
    return stamp.size === n[at] && stamp.mtimeMs === n[at + 1] && stamp.ctimeMs === n[at + 2];
  }

  setStamp(i: number, stamp: FileStamp): void {
    const at = (ROW / 8) * i;
    this.numbers[at] = stamp.size;
    this.numbers[at + 1] = stamp.mtimeMs;
    this.numbers[at + 2] = stamp.ctimeMs;
    this.changed[i] = 1;
  }

  /** File i's git blob id, hex. */
  blob(i: number): string {
    return this.bytes.toString("hex", ROW * i + BLOB_AT, ROW * i + BLOB_AT + ID_BYTES);
  }

  /** File i's head id (sha1 of the bytes before its body), hex. */
  head(i: number): string {
    return this.bytes.toString("hex", ROW * i + HEAD_AT, ROW * i + HEAD_AT + ID_BYTES);
  }

  setBlob(i: number, id: string): void {
    this.bytes.write(id, ROW * i + BLOB_AT, ID_BYTES, "hex");
    this.changed[i] = 1;
  }

  setHead(i: number, id: string): void {
    this.bytes.write(id, ROW * i + HEAD_AT, ID_BYTES, "hex");
    this.changed[i] = 1;
  }

  /** Where file i's blob id starts in `bytes` (20 bytes), for comparing it in place. */
  blobAt(i: number): number {
    return ROW * i + BLOB_AT;
  }

  /** Every block's sha1, for a table written whole. */
  checksums(): string[] {
    return Array.from({ length: blocksOf(this.count) }, (_, block) => this.blockChecksum(block));
  }

  /** The checksums after the rows changed since `previous` was taken: only their blocks are hashed again. */
  patchedChecksums(previous: readonly string[]): string[] {
    return previous.map((checksum, block) => {
      const rows = this.changed.subarray(BLOCK_ROWS * block, BLOCK_ROWS * (block + 1));
      return rows.includes(1) ? this.blockChecksum(block) : checksum;
    });
  }

  /** The rows changed since the table was read, as runs of bytes and where they go, for writing them in place. */
  changedRows(): { position: number; bytes: Buffer }[] {
    const runs: { from: number; to: number }[] = [];
    for (let i = this.changed.indexOf(1); i >= 0; i = this.changed.indexOf(1, i + 1)) {
      const last = runs.at(-1);
      if (last && last.to === i) last.to = i + 1;
      else runs.push({ from: i, to: i + 1 }); // after a fresh clone every row changed: one run, one write
    }
    return runs.map(({ from, to }) => ({ position: ROW * from, bytes: this.bytes.subarray(ROW * from, ROW * to) }));
  }

  private blockChecksum(block: number): string {
    return createHash("sha1")
      .update(this.bytes.subarray(ROW * BLOCK_ROWS * block, ROW * Math.min(this.count, BLOCK_ROWS * (block + 1))))
      .digest("hex");
  }
}

const blocksOf = (count: number) => Math.ceil(count / BLOCK_ROWS);
