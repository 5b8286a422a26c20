import { z } from "zod";
import type { Diagnostic } from "../diagnostics.js";
import type { RawArticle } from "../load/front-matter.js";

/**
 * An article already in memory (a CMS record, an Astro or Eleventy collection item): the same fields as front matter,
 * dates as text or Date, plus where it came from and its body. Validated exactly like a file's front matter.
 */
export const entrySchema = z.looseObject({
  /** Where the entry comes from (a source path or a CMS id): named in every diagnostic, and its name is the default slug. */
  source: z.string().trim().min(1).optional(),
  /** The body, Markdown unless bodyFormat says HTML. */
  body: z.string().optional(),
  bodyFormat: z.enum(["markdown", "html"]).optional(),
});

/** An entry as callers write it; every front-matter field is accepted (dates may be Date objects). */
export type Entry = z.input<typeof entrySchema> & {
  title?: string;
  date?: string | Date;
  updated?: string | Date;
  expires?: string | Date;
  [field: string]: unknown;
};

/**
 * One entry as a raw article: the fields as front matter (a Date as its ISO instant), the body in memory. `label` is
 * what diagnostics call it: its source, else its id or slug, else its place in the list.
 */
export function entryToRaw(entry: unknown, index: number, htmlToMarkdown?: (html: string) => string): { ok: true; raw: RawArticle } | { ok: false; diagnostics: Diagnostic[] } {
  const label = entryLabel(entry, index);
  const parsed = entrySchema.safeParse(entry);
  if (!parsed.success) {
    return {
      ok: false,
      diagnostics: parsed.error.issues.map((issue) => ({
        code: "article.invalid-field",
        severity: "error",
        file: label,
        field: issue.path.map(String).join(".") || undefined,
        message: issue.path.length ? `entry field "${issue.path.join(".")}" is invalid` : "the entry is not an object of fields",
        expected: issue.path[0] === "bodyFormat" ? '"markdown" or "html"' : "a text (source, body) or an object of front-matter fields",
      })),
    };
  }
  const { source, body = "", bodyFormat = "markdown", ...fields } = parsed.data;
  const data = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value instanceof Date ? dateText(value) : value]));
  const relativePath = source ?? (typeof fields.slug === "string" ? fields.slug : `entry-${index + 1}`);
  // An HTML body (a CMS record, a page a generator rendered) becomes Markdown here, so every body is sanitised by the
  // one Markdown renderer with raw HTML off: no script, style or event handler reaches a reader either way.
  if (bodyFormat === "html" && !htmlToMarkdown) throw new Error("entryToRaw: an HTML body needs the converter (htmlToMarkdown)");
  const text = bodyFormat === "html" ? htmlToMarkdown!(body) : body;
  return { ok: true, raw: { file: label, relativePath, data, fields: {}, body: { text }, bodyOffset: 0 } };
}

/** What a diagnostic calls an entry. */
function entryLabel(entry: unknown, index: number): string {
  const record = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
  for (const key of ["source", "id", "slug", "url"]) if (typeof record[key] === "string" && record[key] !== "") return String(record[key]);
  return `entries[${index}]`;
}

/** A Date as the date reader reads it: its instant in UTC (an invalid Date stays visibly invalid). */
const dateText = (date: Date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString());

/** Whether any entry's body is HTML (the converter is loaded only then). */
export const hasHtmlBody = (entries: readonly unknown[]): boolean =>
  entries.some((entry) => typeof entry === "object" && entry !== null && (entry as { bodyFormat?: unknown }).bodyFormat === "html");
