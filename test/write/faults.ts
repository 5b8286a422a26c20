/**
 * A WriteIo over the real disk that counts every operation (handle writes, syncs and closes included) and fails the
 * k-th one, as a full disk would: an ENOSPC error, the operation not done (a write: half its bytes written, as a
 * disk filling up mid-write leaves it). Every later operation succeeds, so what is tested is the writer's own
 * recovery from one fault.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { nodeIo, type WriteHandle, type WriteIo } from "../../src/write/io.js";

export interface CountingIo extends WriteIo {
  /** Operations done so far (the failed one included), each as `kind path`. */
  readonly log: string[];
}

const noSpace = (what: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${what}`), { code: "ENOSPC", errno: -28 });

/** Counts operations; when `failAt` is given, the operation with that 1-based number fails. */
export function faultyIo(failAt?: number, base: WriteIo = nodeIo): CountingIo {
  const log: string[] = [];
  const step = (what: string): boolean => {
    log.push(what);
    return log.length === failAt;
  };
  const plain = <A extends unknown[]>(kind: keyof WriteIo, run: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      if (step(`${kind} ${String(args[0])}`)) throw noSpace(`${kind} '${String(args[0])}'`);
      await run(...args);
    };
  return {
    log,
    mkdir: plain("mkdir", (path: string) => base.mkdir(path)),
    rmdir: plain("rmdir", (path: string) => base.rmdir(path)),
    syncFolder: plain("syncFolder", (path: string) => base.syncFolder(path)),
    link: plain("link", (existing: string, path: string) => base.link(existing, path)),
    rename: plain("rename", (from: string, to: string) => base.rename(from, to)),
    remove: plain("remove", (path: string) => base.remove(path)),
    async create(path) {
      if (step(`create ${path}`)) throw noSpace(`open '${path}'`);
      const handle = await base.create(path);
      const wrapped: WriteHandle = {
        async write(content) {
          if (step(`write ${path}`)) {
            await handle.write(typeof content === "string" ? content.slice(0, content.length >> 1) : content.subarray(0, content.length >> 1));
            throw noSpace(`write '${path}'`);
          }
          await handle.write(content);
        },
        async sync() {
          if (step(`sync ${path}`)) throw noSpace(`fsync '${path}'`);
          await handle.sync();
        },
        async close() {
          if (step(`close ${path}`)) {
            await handle.close(); // the descriptor is released all the same; the error is what the caller sees
            throw noSpace(`close '${path}'`);
          }
          await handle.close();
        },
      };
      return wrapped;
    },
  };
}

/**
 * The real disk without its flushes (fsync), for tests of the writer's logic: a flush changes nothing a test can
 * see, and on a busy machine each can take milliseconds. The fault injector still counts and fails them.
 */
export const withoutFlush: WriteIo = {
  ...nodeIo,
  async create(path) {
    const handle = await nodeIo.create(path);
    return { write: (content) => handle.write(content), sync: async () => undefined, close: () => handle.close() };
  },
  syncFolder: async () => undefined,
};

/**
 * The folder as `find dir | sort` plus a sha256 of every file would show it: each entry (folders included) with its
 * kind, and each file's hash. Two equal snapshots mean byte- and entry-identical folders.
 */
export function folderSnapshot(dir: string): string[] {
  const lines: string[] = [];
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        lines.push(`${prefix}${entry.name}/`);
        walk(path, `${prefix}${entry.name}/`);
      } else {
        lines.push(`${prefix}${entry.name} ${createHash("sha256").update(readFileSync(path)).digest("hex")} ${statSync(path).mtimeMs}`);
      }
    }
  };
  walk(dir, "");
  return lines;
}
