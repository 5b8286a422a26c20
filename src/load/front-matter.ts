import { isUtf8 } from "node:buffer";
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics.js";
import type { BodySource } from "../model.js";

/** Where a front-matter field sits in its file: the key's line and the column where its value starts. */
export interface FieldLocation {
  line: number;
  column: number;
}

/** An article as read: front matter still untyped, with the location of every field and where its body is. */
export interface RawArticle {
  /** Path as shown to people: the articles folder as given, joined with `relativePath`. */
  file: string;
  /** POSIX path below the articles folder, e.g. `sports/final.md`. */
  relativePath: string;
  data: Record<string, unknown>;
  fields: Record<string, FieldLocation>;
  body: BodySource;
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
 * Decodes and splits one article's bytes, its body decoded as text; pure, so every malformed shape is tested
 * without the disk.
 */
export function parseArticle(bytes: Uint8Array, file: string, relativePath: string): ReadResult {
  return parseHead(bytes, file, relativePath, (offset) => ({ text: decodeBody(bytes.subarray(offset)) }));
}

/**
 * The front matter of an article's bytes; the body is whatever `bodyAt` makes of the byte offset where it starts
 * (a reader of files leaves it undecoded: most articles' bodies are never rendered, only the feeds' newest are).
 */
export function parseHead(bytes: Uint8Array, file: string, relativePath: string, bodyAt: (offset: number) => BodySource): ReadResult {
  const problem = checkBytes(bytes, file);
  if (problem) return fail(problem);
  const headBytes = frontMatterEnd(bytes);
  const decoded = utf8.decode(bytes.subarray(0, headBytes)); // also drops a leading BOM
  const text = decoded.includes("\r") ? decoded.replace(/\r\n?/g, "\n") : decoded;
  const split = splitFrontMatter(text, file);
  if (!split.ok) return split;
  const data = parseYaml(split.yaml, file);
  if (!data.ok) return data;
  const article = { file, relativePath, data: data.value, body: bodyAt(headBytes), bodyOffset: headBytes } as RawArticle;
  // Located only when a message needs a place: most articles have none, and locating every field was 3% of a build.
  let fields: Record<string, FieldLocation> | undefined;
  Object.defineProperty(article, "fields", { enumerable: true, get: () => (fields ??= locateFields(split.yaml)) });
  return { ok: true, article };
}

/** A body as text (CRLF as LF); the bytes are known to be UTF-8. */
export function decodeBody(bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Empty, binary or not UTF-8: validating is cheap (native); decoding is not, so only the front matter is decoded. */
function checkBytes(bytes: Uint8Array, file: string): Diagnostic | undefined {
  if (bytes.length === 0) {
    return { code: "file.empty", severity: "error", file, message: "the file is empty", expected: "front matter between --- lines, then the article body" };
  }
  if (bytes.includes(0)) {
    return { code: "file.not-utf8", severity: "error", file, message: "the file holds binary data (a NUL byte), not text", expected: "a UTF-8 Markdown file" };
  }
  if (isUtf8(bytes)) return undefined;
  const offset = firstInvalidUtf8(bytes);
  return {
    code: "file.not-utf8",
    severity: "error",
    file,
    line: lineOfByte(bytes, offset),
    message: `the file is not valid UTF-8 (first bad byte at offset ${offset})`,
    expected: "UTF-8 text; re-save the file as UTF-8 (legacy Bengali fonts such as Bijoy/SutonnyMJ need converting to Unicode)",
  };
}

/** The YAML between the opening and closing `---` lines of the decoded head. */
function splitFrontMatter(text: string, file: string): { ok: true; yaml: string } | { ok: false; diagnostics: Diagnostic[] } {
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
  return { ok: true, yaml: text.slice(opening[0].length, opening[0].length + closing.index) };
}

/** The front matter as a mapping of fields, or a located YAML error. */
function parseYaml(yamlText: string, file: string): { ok: true; value: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = yaml.load(yamlText, YAML_OPTIONS);
  } catch (error) {
    return fail(yamlProblem(error, yamlText, file));
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
  return { ok: true, value: data as Record<string, unknown> };
}

function yamlProblem(error: unknown, yamlText: string, file: string): Diagnostic {
  const unclosed = findUnclosedQuote(yamlText);
  if (unclosed) {
    return {
      code: "frontmatter.invalid-yaml",
      severity: "error",
      file,
      line: unclosed.line,
      column: unclosed.column,
      message: "the front matter is not valid YAML: a quote opened here is never closed",
      expected: 'a closing " on the same line (write \\" for a quote inside the value)',
    };
  }
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error as Error).message;
  return {
    code: "frontmatter.invalid-yaml",
    severity: "error",
    file,
    // The YAML starts on the file's line 2, and js-yaml counts lines from 0.
    line: mark ? mark.line + 2 : undefined,
    column: mark ? mark.column + 1 : undefined,
    message: `the front matter is not valid YAML: ${reason}`,
    expected: "key: value lines indented with spaces (not tabs), each key once; quote values holding : or #",
  };
}

const NEWLINE = 0x0a;
const DASH = 0x2d;

/**
 * Bytes up to and including the line that closes the front matter (or the whole file when there is none, so the
 * errors above see everything). Found in the bytes, without decoding the body; always a UTF-8 boundary (a newline).
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

function fail(diagnostic: Diagnostic): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [diagnostic] };
}
