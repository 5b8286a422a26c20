import { isUtf8 } from "node:buffer";
import yaml from "js-yaml";
import { parse as parseToml, TomlDate, TomlError } from "smol-toml";
import type { Diagnostic } from "../diagnostics.js";
import { MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_EXPANDED, MAX_NESTING_DEPTH } from "../limits.js";
import type { BodySource } from "../model.js";
import { shapeProblem } from "../text.js";

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
  /** The article's own name, for its default slug and its id: set by sources/ (a bundle's folder, a Jekyll post's name). */
  name?: string;
  data: Record<string, unknown>;
  fields: Record<string, FieldLocation>;
  body: BodySource;
  /** Byte offset where the body starts in the file (the build cache reads bodies from here). */
  bodyOffset: number;
  /** sha1 of the file's bytes, when the reader was asked for it (the build cache). */
  sha1?: string;
  /** sha1 of the bytes before the body (what the normalised result is made from), asked for with `sha1`. */
  head?: string;
}

export type ReadResult = { ok: true; article: RawArticle } | { ok: false; diagnostics: Diagnostic[] };

// js-yaml's default schema turns unquoted `2025-07-13 17:28:00` into a UTC Date (six hours off for Dhaka);
// the JSON schema keeps it as text for the date reader. js-yaml is called directly, not through gray-matter:
// the front matter is already split out here, and gray-matter's second pass over the text (its file object,
// delimiter scan and excerpt handling) took as long again as parsing the YAML (measured: 1.1 s of 2.3 s at
// 100,000 articles), for nothing this reader uses.
// js-yaml stops at maxDepth itself (one level more than the fields' own cap: the mapping of fields is a level).
const YAML_OPTIONS = { schema: yaml.JSON_SCHEMA, maxDepth: MAX_NESTING_DEPTH + 1 } as yaml.LoadOptions;

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
  const head = frontMatterEnd(bytes);
  const decoded = utf8.decode(bytes.subarray(0, head.end)); // also drops a leading BOM
  const text = decoded.includes("\r") ? decoded.replace(/\r\n?/g, "\n") : decoded;
  const split = splitFrontMatter(text, head.format, file);
  if (!split.ok) return split;
  const oversized = sizeProblem(split.source, split.format, file);
  if (oversized) return fail(oversized);
  const data = PARSERS[split.format](split.source, file);
  if (!data.ok) return data;
  const shape = valueProblem(data.value, split.source, split.format, file);
  if (shape) return fail(shape);
  // Copied only once the shape is known to be bounded: copying walks aliases, so an alias bomb would be expanded here.
  const article = { file, relativePath, data: detached(data.value) as Record<string, unknown>, body: bodyAt(head.end), bodyOffset: head.end } as RawArticle;
  // Located only when a message needs a place: most articles have none, and locating every field was 3% of a build.
  let fields: Record<string, FieldLocation> | undefined;
  Object.defineProperty(article, "fields", { enumerable: true, get: () => (fields ??= locateFields(split.source, split.format)) });
  return { ok: true, article };
}

/** Front matter too large to hand to a parser: refused before parsing, at its longest line (where the paste is). */
function sizeProblem(source: string, format: FrontMatterFormat, file: string): Diagnostic | undefined {
  const bytes = Buffer.byteLength(source);
  if (bytes <= MAX_FRONT_MATTER_BYTES) return undefined;
  const lines = source.split("\n");
  let longest = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i]!.length > lines[longest]!.length) longest = i;
  const key = KEY_LINE[format].exec(lines[longest]!.slice(0, 200))?.[2];
  return {
    code: "frontmatter.too-large",
    severity: "error",
    file,
    line: longest + (format === "json" ? 1 : 2),
    ...(key ? { field: key } : {}),
    message: `the front matter is ${bytes} bytes, more than the ${MAX_FRONT_MATTER_BYTES} patrika reads (this line alone is ${Buffer.byteLength(lines[longest]!)})`,
    expected: `front matter under ${MAX_FRONT_MATTER_BYTES / 1024} KiB; the article's text belongs in the body, after the closing line`,
  };
}

/**
 * Parsed front matter that would hang or overflow whatever walks it next: YAML aliases (&a … *a) expanding past
 * MAX_FRONT_MATTER_EXPANDED, or values nested deeper than MAX_NESTING_DEPTH. Located at the field it happens in.
 */
function valueProblem(data: Record<string, unknown>, source: string, format: FrontMatterFormat, file: string): Diagnostic | undefined {
  const budget = { left: MAX_FRONT_MATTER_EXPANDED };
  for (const [key, value] of Object.entries(data)) {
    const problem = shapeProblem(value, budget, MAX_NESTING_DEPTH);
    if (!problem) continue;
    const at = locateFields(source, format)[key];
    return {
      code: problem === "too-large" ? "frontmatter.too-large" : "frontmatter.too-deep",
      severity: "error",
      file,
      ...(at ? { line: at.line, column: at.column } : { line: format === "json" ? 1 : 2 }),
      field: key,
      message:
        problem === "too-large"
          ? `the front matter expands to more than ${MAX_FRONT_MATTER_EXPANDED} characters and entries (YAML aliases *name repeat what an anchor &name holds), reached in this field`
          : `the value nests lists or mappings more than ${MAX_NESTING_DEPTH} levels deep`,
      expected: "plain fields: text, a list of words, or the image mapping; anchors and aliases only for a few small repeated values",
    };
  }
  return undefined;
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

/**
 * The three front-matter formats Markdown sites use (Hugo reads all three; Jekyll and patrika's own files YAML):
 * YAML between `---` lines, TOML between `+++` lines, or a JSON object at the top of the file.
 */
export type FrontMatterFormat = "yaml" | "toml" | "json";
const FENCES = { yaml: "---", toml: "+++" } as const;

/** The front matter's own text (without its fences) in the decoded head, and its format. */
function splitFrontMatter(text: string, format: FrontMatterFormat | undefined, file: string): { ok: true; format: FrontMatterFormat; source: string } | { ok: false; diagnostics: Diagnostic[] } {
  if (format === "json") return { ok: true, format, source: text.replace(/\n$/, "") };
  const fence = format && FENCES[format];
  const opening = fence && new RegExp(`^${escapeFence(fence)}[ \t]*\n`).exec(text);
  if (!format || !fence || !opening) {
    return fail({
      code: "frontmatter.missing",
      severity: "error",
      file,
      line: 1,
      message: "the file does not start with a front matter block",
      found: JSON.stringify(text.split("\n", 1)[0]!.slice(0, 60)),
      expected: 'a first line "---", then fields such as title: and date:, then a line "---" (or TOML between "+++" lines, or a JSON object)',
    });
  }
  const closing = new RegExp(`^${escapeFence(fence)}[ \t]*$`, "m").exec(text.slice(opening[0].length));
  if (!closing) {
    return fail({
      code: "frontmatter.unterminated",
      severity: "error",
      file,
      line: 1,
      message: `the front matter opened with "${fence}" on line 1 is never closed`,
      expected: `a line holding only "${fence}" after the last field`,
    });
  }
  return { ok: true, format, source: text.slice(opening[0].length, opening[0].length + closing.index) };
}

const escapeFence = (fence: string) => fence.replace(/\+/g, "\\+");

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] };

/** Each format's parser: text → a mapping of fields, or a located error. */
const PARSERS: Record<FrontMatterFormat, (source: string, file: string) => Parsed> = {
  yaml: parseYaml,
  toml: parseTomlFields,
  json: parseJsonFields,
};

/** YAML front matter as a mapping of fields, or a located YAML error. */
function parseYaml(yamlText: string, file: string): Parsed {
  let data: unknown;
  try {
    data = yaml.load(yamlText, YAML_OPTIONS);
  } catch (error) {
    if (error instanceof RangeError || /^nesting exceeded maxDepth/.test((error as { reason?: string }).reason ?? "")) {
      // js-yaml recurses once per nesting level: [[[[… thousands deep overflows the stack before any cap can see it.
      const mark = (error as { mark?: { line: number } }).mark;
      return fail({ code: "frontmatter.too-deep", severity: "error", file, line: mark ? mark.line + 2 : 2, message: `the front matter nests lists or mappings too deeply to read (more than ${MAX_NESTING_DEPTH} levels are refused)`, expected: "plain fields: text, a list of words, or the image mapping" });
    }
    return fail(yamlProblem(error, yamlText, file));
  }
  if (data === null || data === undefined || yamlText.trim() === "") data = {};
  return asMapping(data, file, 2);
}

/**
 * TOML front matter (Hugo's `+++`). TOML has date-times of its own: each is handed on as the text it was written
 * as, so a local one (`2025-07-13T17:28:00`) is read in the site's zone by the date reader, never as UTC.
 */
function parseTomlFields(source: string, file: string): Parsed {
  let data: unknown;
  try {
    data = datesAsText(parseToml(source));
  } catch (error) {
    const place = error instanceof TomlError ? { line: error.line + 1, column: error.column } : {};
    const reason = ((error as Error).message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
    return fail({
      code: "frontmatter.invalid-toml",
      severity: "error",
      file,
      ...place,
      message: `the front matter is not valid TOML: ${reason}`,
      expected: 'key = value lines between "+++" lines, strings in double quotes, each key once',
    });
  }
  return asMapping(data, file, 2);
}

/** JSON front matter (a JSON object at the top of the file, as Hugo reads it). */
function parseJsonFields(source: string, file: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message);
    const at = position ? lineAndColumn(source, Number(position[1])) : {};
    return fail({
      code: "frontmatter.invalid-json",
      severity: "error",
      file,
      ...at,
      message: `the front matter is not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, "")}`,
      expected: "a JSON object of fields, then the body on the next line; no trailing commas or comments",
    });
  }
  return asMapping(data, file, 1);
}

function asMapping(data: unknown, file: string, line: number): Parsed {
  if (typeof data === "object" && data !== null && !Array.isArray(data)) return { ok: true, value: data as Record<string, unknown> };
  return fail({
    code: "frontmatter.not-a-mapping",
    severity: "error",
    file,
    line,
    message: `the front matter is ${Array.isArray(data) ? "a list" : `a single ${typeof data}`}, not a set of fields`,
    expected: "key: value lines such as title: ... and date: ...",
  });
}

/**
 * The fields with every string copied out of the front matter. A parser's values are slices of its input, and V8
 * keeps a slice's whole parent alive: an article kept for the sitemaps held its file's front matter through its
 * slug (a heap snapshot of 20,000 articles: 20,000 front matters, a fifth of the heap).
 */
function detached(value: unknown): unknown {
  // Joining a character on forces a fresh flat string; the slice that drops it then points only into that copy.
  if (typeof value === "string") return value.length < 13 ? value : ` ${value}`.slice(1);
  if (Array.isArray(value)) return value.map(detached);
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = detached((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** TOML date-times as the text they were written as (`2025-07-13T17:28:00+06:00`, `2025-07-13`), recursively. */
function datesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|[+-]|Z)/, "");
  if (Array.isArray(value)) return value.map(datesAsText);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  return value;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
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
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The front matter's format and the bytes up to and including the line that closes it (the whole file when it is
 * unclosed, so the errors above see everything). Found in the bytes, without decoding the body; always a UTF-8
 * boundary (a newline).
 */
function frontMatterEnd(bytes: Uint8Array): { format: FrontMatterFormat | undefined; end: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  if (buffer[start] === OPEN_BRACE) return { format: "json", end: jsonObjectEnd(buffer, start) };
  const format = (Object.keys(FENCES) as (keyof typeof FENCES)[]).find((f) => buffer.toString("latin1", start, start + 3) === FENCES[f]);
  if (!format) return { format: undefined, end: buffer.length };
  const fence = `\n${FENCES[format]}`;
  for (let at = buffer.indexOf(fence, start + 3); at >= 0; at = buffer.indexOf(fence, at + 1)) {
    let end = at + 4;
    while (buffer[end] === 0x20 || buffer[end] === 0x09) end++;
    if (buffer[end] === 0x0d) end++;
    if (end >= buffer.length) return { format, end: buffer.length };
    if (buffer[end] === NEWLINE) return { format, end: end + 1 };
  }
  return { format, end: buffer.length };
}

/** The end of the line that closes a JSON object starting at `start` (braces inside strings do not count). */
function jsonObjectEnd(buffer: Buffer, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < buffer.length; i++) {
    const byte = buffer[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE) depth++;
    else if (byte === CLOSE_BRACE && --depth === 0) {
      const newline = buffer.indexOf(NEWLINE, i);
      return newline < 0 ? buffer.length : newline + 1;
    }
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

/** A top-level key and where its value starts, as each format writes it. */
const KEY_LINE: Record<FrontMatterFormat, RegExp> = {
  yaml: /^(["']?)([^\s#:"'][^:"']*?)\1[ \t]*:(?:[ \t]+|$)(["']?)/,
  toml: /^[ \t]*(["']?)([A-Za-z0-9_-]+|[^"'=]+?)\1[ \t]*=[ \t]*(["']?)/,
  json: /^[ \t]*(")((?:[^"\\]|\\.)+)"[ \t]*:[ \t]*(")?/,
};

/**
 * Finds each top-level key's line in the file and the column where its value starts. Fenced formats start on the
 * file's line 2; a JSON object on line 1. TOML keys after the first [table] belong to that table and are not looked at.
 */
function locateFields(source: string, format: FrontMatterFormat): Record<string, FieldLocation> {
  const fields: Record<string, FieldLocation> = {};
  const lines = source.split("\n");
  const firstLine = format === "json" ? 1 : 2;
  for (let i = 0; i < lines.length; i++) {
    if (format === "toml" && /^[ \t]*\[/.test(lines[i]!)) break;
    const match = KEY_LINE[format].exec(lines[i]!);
    if (match && !(match[2]! in fields)) fields[match[2]!] = { line: i + firstLine, column: match[0].length + 1 };
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
