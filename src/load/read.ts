import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { MAX_ARTICLE_BYTES } from "../limits.js";
import { parseHead, type ReadResult } from "./front-matter.js";

/**
 * Reads one article file: decoding, front matter and field locations; problems come back as diagnostics. The body is
 * not decoded: it is named by where it starts in the file, and read only if a feed renders it (load/bodies.ts).
 * Synchronous on purpose: for small files already in the page cache, readFileSync is about 4× cheaper than
 * fs/promises (no FileHandle, fstat and thread-pool round trip per file), measured on 10,000 articles.
 */
export function readArticle(articlesDir: string, relativePath: string, withSha1 = false): ReadResult {
  const path = join(articlesDir, relativePath);
  let bytes: Buffer;
  try {
    bytes = readWhole(path);
  } catch (error) {
    return fail({
      code: "file.unreadable",
      severity: "error",
      file: path,
      message: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      expected: "a readable Markdown file",
    });
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail({
      code: "file.too-large",
      severity: "error",
      file: path,
      message: `the file is ${((statSync(path, { throwIfNoEntry: false })?.size ?? bytes.length) / 1048576).toFixed(1)} MiB, larger than an article can be`,
      expected: `at most ${MAX_ARTICLE_BYTES / 1048576} MiB of Markdown`,
    });
  }
  // `bytes` is the shared buffer: nothing may keep it, so the body is named by its place in the file.
  const blob = withSha1 ? sha1(bytes) : undefined;
  const result = parseHead(bytes, path, relativePath, (offset) => (blob ? { path, offset, blob } : { path, offset }));
  if (result.ok && blob) {
    result.article.sha1 = blob;
    result.article.head = headSha1(bytes.subarray(0, result.article.bodyOffset));
  }
  return result;
}

/** The git blob id of a file's bytes (for the build cache), or undefined when it cannot be read. */
export function fileSha1(path: string): string | undefined {
  try {
    return sha1(readWhole(path));
  } catch {
    return undefined;
  }
}

/** The bytes' id as git names a blob (sha1 of "blob <size>\0<bytes>"), so the cache can match git's index without reading. */
const sha1 = (bytes: Uint8Array): string => createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");

/**
 * The id of a file's head: the bytes before its body, which are all its normalised result is made from (with its
 * path, the config and now). Equal ids after an edit say only the body changed (build/delta.ts).
 */
const headSha1 = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");

/** One buffer reused for every file read: a fresh buffer per file was 7% of a 100,000-article build, plus its GC. */
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * The whole file, in the shared buffer (valid until the next call), stopping just past MAX_ARTICLE_BYTES so a
 * runaway file is refused without being read whole.
 */
function readWhole(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    let length = 0;
    for (;;) {
      if (length === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger, 0, 0, length);
        shared = bigger;
      }
      const read = readSync(fd, shared, length, shared.length - length, null);
      if (read === 0 || length + read > MAX_ARTICLE_BYTES) return shared.subarray(0, length + read);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function fail(diagnostic: Diagnostic): ReadResult {
  return { ok: false, diagnostics: [diagnostic] };
}
