import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { join } from "node:path";
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics.js";

/** An article over this size is a mistake (a pasted binary, a runaway export), not a news story. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Where a front-matter field sits in its file: the key's line and the column where its value starts. */
export interface FieldLocation {
  line: number;
  column: number;
}

/** An article file as read from disk: front matter still untyped, with the location of every field. */
export interface RawArticle {
  /** Path as shown to people: the articles folder as given, joined with `relativePath`. */
  file: string;
  /** POSIX path below the articles folder, e.g. `sports/final.md`. */
  relativePath: string;
  data: Record<string, unknown>;
  fields: Record<string, FieldLocation>;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Byte offset where the body starts in the file (the build cache reads bodies from here). */
  bodyOffset: number;
  /** sha1 of the file's bytes, when the reader was asked for it (the build cache). */
  sha1?: string;
}

export type ReadResult = { ok: true; article: RawArticle } | { ok: false; diagnostics: Diagnostic[] };

// js-yaml's default schema turns unquoted `2025-07-13 17:28:00` into a UTC Date (six hours off for Dhaka);
// the JSON schema keeps it as text for the date reader. js-yaml is called directly, not through gray-matter:
// the front matter is already split out here, and gray-matter's second pass over the text (its file object,
// delimiter scan and excerpt handling) took as long again as parsing the YAML (measured: 1.1 s of 2.3 s at
// 100,000 articles), for nothing this reader uses.
const YAML_OPTIONS = { schema: yaml.JSON_SCHEMA };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads one article file: decoding, front matter and field locations; problems come back as diagnostics.
 * Synchronous on purpose: for small files already in the page cache, readFileSync is about 4× cheaper than
 * fs/promises (no FileHandle, fstat and thread-pool round trip per file), measured on 10,000 articles.
 */
export function readArticle(articlesDir: string, relativePath: string, withSha1 = false): ReadResult {
  const path = join(articlesDir, relativePath);
  const file = path;
  let bytes: Buffer;
  try {
    bytes = readWhole(path);
  } catch (error) {
    return fail({
      code: "file.unreadable",
      severity: "error",
      file,
      message: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      expected: "a readable Markdown file",
    });
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail({
      code: "file.too-large",
      severity: "error",
      file,
      message: `the file is ${((statSync(path, { throwIfNoEntry: false })?.size ?? bytes.length) / 1048576).toFixed(1)} MiB, larger than an article can be`,
      expected: `at most ${MAX_ARTICLE_BYTES / 1048576} MiB of Markdown`,
    });
  }
  const result = parseArticle(bytes, file, relativePath);
  if (result.ok) bodyFromDisk(result.article, path); // `bytes` is the shared buffer: nothing may keep it
  if (result.ok && withSha1) result.article.sha1 = sha1(bytes);
  return result;
}

/** The sha1 of a file's bytes (for the build cache), or undefined when it cannot be read. */
export function fileSha1(path: string): string | undefined {
  try {
    return sha1(readWhole(path));
  } catch {
    return undefined;
  }
}

const sha1 = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");

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

/** Decodes and splits one article's bytes; pure, so every malformed shape is tested without the disk. */
export function parseArticle(bytes: Uint8Array, file: string, relativePath: string): ReadResult {
  if (bytes.length === 0) {
    return fail({ code: "file.empty", severity: "error", file, message: "the file is empty", expected: "front matter between --- lines, then the article body" });
  }
  if (bytes.includes(0)) {
    return fail({ code: "file.not-utf8", severity: "error", file, message: "the file holds binary data (a NUL byte), not text", expected: "a UTF-8 Markdown file" });
  }
  // Validating is cheap (native); decoding is not. Only the front matter is decoded now: most articles' bodies are
  // never rendered (only the feeds' newest are), so a body is decoded when first read.
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    return fail({
      code: "file.not-utf8",
      severity: "error",
      file,
      line: lineOfByte(bytes, offset),
      message: `the file is not valid UTF-8 (first bad byte at offset ${offset})`,
      expected: "UTF-8 text; re-save the file as UTF-8 (legacy Bengali fonts such as Bijoy/SutonnyMJ need converting to Unicode)",
    });
  }
  const headBytes = frontMatterEnd(bytes);
  const decoded = utf8.decode(bytes.subarray(0, headBytes)); // also drops a leading BOM
  const text = decoded.includes("\r") ? decoded.replace(/\r\n?/g, "\n") : decoded;

  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) {
    return fail({
      code: "frontmatter.missing",
      severity: "error",
      file,
      line: 1,
      message: "the file does not start with a front matter block",
      found: JSON.stringify(text.split("\n", 1)[0]!.slice(0, 60)),
      expected: 'a first line "---", then fields such as title: and date:, then a line "---"',
    });
  }
  const closing = /^---[ \t]*$/m.exec(text.slice(opening[0].length));
  if (!closing) {
    return fail({
      code: "frontmatter.unterminated",
      severity: "error",
      file,
      line: 1,
      message: 'the front matter opened with "---" on line 1 is never closed',
      expected: 'a line holding only "---" after the last field',
    });
  }
  const yamlStart = opening[0].length;
  const yamlText = text.slice(yamlStart, yamlStart + closing.index);
  const closingLine = 2 + countNewlines(yamlText);

  let data: unknown;
  try {
    data = yaml.load(yamlText, YAML_OPTIONS);
  } catch (error) {
    const unclosed = findUnclosedQuote(yamlText);
    if (unclosed) {
      return fail({
        code: "frontmatter.invalid-yaml",
        severity: "error",
        file,
        line: unclosed.line,
        column: unclosed.column,
        message: "the front matter is not valid YAML: a quote opened here is never closed",
        expected: 'a closing " on the same line (write \\" for a quote inside the value)',
      });
    }
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return fail({
      code: "frontmatter.invalid-yaml",
      severity: "error",
      file,
      // The YAML starts on the file's line 2, and js-yaml counts lines from 0.
      line: mark ? mark.line + 2 : undefined,
      column: mark ? mark.column + 1 : undefined,
      message: `the front matter is not valid YAML: ${reason}`,
      expected: "key: value lines indented with spaces (not tabs), each key once; quote values holding : or #",
    });
  }
  if (data === null || data === undefined || yamlText.trim() === "") data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail({
      code: "frontmatter.not-a-mapping",
      severity: "error",
      file,
      line: 2,
      message: `the front matter is ${Array.isArray(data) ? "a list" : `a single ${typeof data}`}, not a set of fields`,
      expected: "key: value lines such as title: ... and date: ...",
    });
  }
  const article = {
    file,
    relativePath,
    data: data as Record<string, unknown>,
    bodyLine: closingLine + 1,
    bodyOffset: headBytes,
  } as RawArticle;
  // Located only when a message needs a place: most articles have none, and locating every field was 3% of a build.
  let fields: Record<string, FieldLocation> | undefined;
  Object.defineProperty(article, "fields", { enumerable: true, get: () => (fields ??= locateFields(yamlText)) });
  let body: string | undefined;
  Object.defineProperty(article, "body", {
    enumerable: true,
    configurable: true, // readArticle swaps in a read from disk, so the bytes need not stay in memory
    get: () => (body ??= decodeBody(bytes.subarray(headBytes))),
  });
  return { ok: true, article };
}

/**
 * Makes an article's body read from its file when first asked for. Keeping every file's bytes for bodies that are
 * mostly never rendered held the whole archive in memory (about 1 GB at 100,000 articles); now only the front matter
 * stays. The file is read a second time only for the few bodies the feeds render.
 */
export function bodyFromDisk(article: RawArticle, path: string): RawArticle {
  const offset = article.bodyOffset; // captured alone: the getter must not keep the article itself alive
  let body: string | undefined;
  Object.defineProperty(article, "body", {
    enumerable: true,
    configurable: true,
    get: () => (body ??= readBodyAt(path, offset)),
  });
  return article;
}

/** The body of the article file at `path`, from the byte where its front matter ends. */
export function readBodyAt(path: string, offset: number): string {
  return decodeBody(readFileSync(path).subarray(offset));
}

/** A body as text (CRLF as LF); the bytes are known to be UTF-8. */
export function decodeBody(bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

const NEWLINE = 0x0a;
const DASH = 0x2d;

/**
 * Bytes up to and including the line that closes the front matter (or the whole file when there is none, so the
 * errors below see everything). Found in the bytes, without decoding the body; always a UTF-8 boundary (a newline).
 */
function frontMatterEnd(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  if (!(buffer[start] === DASH && buffer[start + 1] === DASH && buffer[start + 2] === DASH)) return buffer.length;
  for (let at = buffer.indexOf("\n---", start + 3); at >= 0; at = buffer.indexOf("\n---", at + 1)) {
    let end = at + 4;
    while (buffer[end] === 0x20 || buffer[end] === 0x09) end++;
    if (buffer[end] === 0x0d) end++;
    if (end >= buffer.length) return buffer.length;
    if (buffer[end] === NEWLINE) return end + 1;
  }
  return buffer.length;
}

/**
 * After a YAML error, the line whose quoted value never closes, if any: js-yaml reports such a mistake where the
 * stream ends, lines away from the quote an editor has to fix. Lines count from the file's line 2.
 */
function findUnclosedQuote(yamlText: string): { line: number; column: number } | undefined {
  const lines = yamlText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const value = /^[^#:]+:[ \t]+(["'])/.exec(lines[i]!);
    if (!value) continue;
    const quote = value[1]!;
    const rest = lines[i]!.slice(value[0].length);
    const closed = quote === '"' ? /^(?:[^"\\]|\\.)*"/.test(rest) : /^(?:[^']|'')*'(?!')/.test(rest);
    if (!closed) return { line: i + 2, column: value[0].length };
  }
  return undefined;
}

/** Finds each top-level key's line (counting from the file's line 2) and the column where its value starts. */
function locateFields(yamlText: string): Record<string, FieldLocation> {
  const fields: Record<string, FieldLocation> = {};
  const lines = yamlText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^(["']?)([^\s#:"'][^:"']*?)\1[ \t]*:(?:[ \t]+|$)(["']?)/.exec(lines[i]!);
    if (match && !(match[2]! in fields)) {
      fields[match[2]!] = { line: i + 2, column: match[0].length + 1 };
    }
  }
  return fields;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** Offset of the first byte that breaks UTF-8 (called only after strict decoding failed, to locate it). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function fail(diagnostic: Diagnostic): ReadResult {
  return { ok: false, diagnostics: [diagnostic] };
}
