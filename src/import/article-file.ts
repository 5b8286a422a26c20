/**
 * An imported article as a Markdown file (front matter + body), and the identity that tells whether a page was
 * imported before (docs/import.md, "Importing twice"). Pure: the caller reads and writes the files.
 */
import { createHash } from "node:crypto";
import jsYaml from "js-yaml";
import type { ImportedArticle } from "./model.js";

/** How many hex digits of the page's SHA-256 the `source` field keeps: 64 bits, no collision in any archive. */
const HASH_DIGITS = 16;

/** The fingerprint of a page's text: SHA-256 of it without a byte-order mark, with LF line ends. */
export function pageHash(text: string): string {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return `sha256:${createHash("sha256").update(normalised, "utf8").digest("hex").slice(0, HASH_DIGITS)}`;
}

/** What makes two imports the same page: any one of these equal means "already imported". */
export interface ImportIdentity {
  /** `source` minus the file name: the page hash (`sha256:…`) or the export post (`post 123`). */
  fingerprint?: string;
  url?: string;
  id?: string;
}

/** The `source` field: where the article came from, then its fingerprint, e.g. `flood.txt sha256:1a2b…`. */
export function sourceField(inputName: string, fingerprint: string): string {
  return `${inputName} ${fingerprint}`;
}

/** Reads the identity back from an article file's front matter; absent fields stay absent. */
export function identityOf(fileText: string): ImportIdentity {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(fileText);
  if (!match) return {};
  let data: unknown;
  try {
    data = jsYaml.load(match[1]!, { schema: jsYaml.JSON_SCHEMA });
  } catch {
    return {};
  }
  if (typeof data !== "object" || data === null) return {};
  const fields = data as Record<string, unknown>;
  const identity: ImportIdentity = {};
  if (typeof fields.source === "string") {
    const fingerprint = /(sha256:[0-9a-f]+|wxr:\S+)$/.exec(fields.source);
    if (fingerprint) identity.fingerprint = fingerprint[1]!;
  }
  if (typeof fields.url === "string") identity.url = fields.url;
  if (typeof fields.id === "string") identity.id = fields.id;
  return identity;
}

const quote = (value: string) => JSON.stringify(value); // JSON strings are YAML double-quoted strings
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The Markdown file for one imported article. Strings are JSON-quoted (which YAML reads as written, dates stay
 * text); guesses come first as comments, so an editor sees what to check before the fields.
 */
export function toMarkdown(article: ImportedArticle, source: string, options: { category?: string; slug?: string } = {}): string {
  const lines: string[] = [];
  if (article.guesses.length > 0) {
    lines.push("# patrika import: check these guesses before publishing (delete this comment when done):");
    for (const guess of article.guesses) lines.push(`#   ${guess.field}: ${oneLine(guess.message)}`);
  }
  const category = options.category ?? article.category;
  const fields: [string, string | string[] | undefined][] = [
    ["title", article.title],
    ["date", article.date.iso],
    ["updated", article.updated?.iso],
    ["id", article.id],
    ["url", article.url],
    ["slug", options.slug],
    ["author", article.authors.length === 1 ? article.authors[0] : article.authors.length > 1 ? article.authors : undefined],
    ["category", category],
    ["tags", article.tags.length > 0 ? article.tags : undefined],
    ["summary", article.summary],
  ];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    lines.push(`${key}: ${Array.isArray(value) ? `[${value.map(quote).join(", ")}]` : quote(value)}`);
  }
  const image = article.image;
  if (image && (image.url || image.caption || image.credit)) {
    lines.push("image:");
    if (image.url) lines.push(`  url: ${quote(image.url)}`);
    if (image.caption) lines.push(`  caption: ${quote(image.caption)}`);
    if (image.credit) lines.push(`  credit: ${quote(image.credit)}`);
  }
  lines.push(`source: ${quote(source)}`);
  const body = article.body.trim();
  return `---\n${lines.join("\n")}\n---\n${body ? `${body}\n` : ""}`;
}
