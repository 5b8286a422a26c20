import type { Site } from "../model.js";
import { xmlSafe } from "../text.js";

/**
 * A minimal streaming XML writer. xmlbuilder2 (the design card's choice) leaves any `&` that starts `&lt;`, `&amp;`,
 * `&quot;`, `&apos;` or `&gt;` unescaped, in text and attributes alike: a title that says "&lt;" comes out as "<",
 * and an HTML body's escaped `&lt;script&gt;` reaches readers as a live `<script>` tag
 * (test/render/library-traps.test.ts). Escaping is the one thing a feed writer must get right, so we own it.
 */

/** Attribute values; `undefined` leaves the attribute out. */
export type Attributes = Record<string, string | undefined>;

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly openElements: string[] = [];

  /** Opens an element that will hold other elements. */
  open(name: string, attributes?: Attributes): this {
    this.parts.push(`${this.indent()}<${name}${formatAttributes(attributes)}>\n`);
    this.openElements.push(name);
    return this;
  }

  /** Closes the innermost open element. */
  close(): this {
    const name = this.openElements.pop();
    if (name === undefined) throw new Error("XmlWriter: close() without open()");
    this.parts.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  /** An element holding only text (escaped here), or nothing when `text` is undefined. */
  leaf(name: string, text: string | undefined, attributes?: Attributes): this {
    if (text === undefined) return this;
    this.parts.push(`${this.indent()}<${name}${formatAttributes(attributes)}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  /** An element with attributes and no content. */
  empty(name: string, attributes: Attributes): this {
    this.parts.push(`${this.indent()}<${name}${formatAttributes(attributes)}/>\n`);
    return this;
  }

  /** The document; throws if an element is left open or a character XML forbids slipped through. */
  end(): string {
    if (this.openElements.length > 0) throw new Error(`XmlWriter: <${this.openElements.join("><")}> left open`);
    const document = this.parts.join("");
    if (document !== xmlSafe(document)) throw new Error("XmlWriter: a character XML 1.0 forbids reached the output");
    return document;
  }

  private indent(): string {
    return "  ".repeat(this.openElements.length);
  }
}

/** Escapes character data: every `&` and `<`, and `>` so that `]]>` can never appear. */
export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : text;
}

/** Escapes an attribute value for double quotes; tab, LF and CR as references so parsers keep them. */
/**
 * Plain text for an element readers render as HTML (RSS `description`: "entity-encoded HTML", RSS Best Practices
 * Profile): escaped for HTML here, then for XML by the writer, so a summary's "<script>" reaches readers as text.
 */
export function plainAsHtml(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(value: string): string {
  return /[&<>"\t\n\r]/.test(value)
    ? value
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/\t/g, "&#9;")
        .replace(/\n/g, "&#10;")
        .replace(/\r/g, "&#13;")
    : value;
}

function formatAttributes(attributes: Attributes | undefined): string {
  if (!attributes) return "";
  let text = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) text += ` ${name}="${escapeAttribute(value)}"`;
  }
  return text;
}

/** Namespaces used across the outputs (each from its specification). */
export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
  sitemap: "http://www.sitemaps.org/schemas/sitemap/0.9",
  news: "http://www.google.com/schemas/sitemap-news/0.9",
  image: "http://www.google.com/schemas/sitemap-image/1.1",
  xml: "http://www.w3.org/XML/1998/namespace",
  feedHistory: "http://purl.org/syndication/history/1.0",
} as const;

/** Absolute URL at which a file of the output is published (`urlFolder` is percent-encoded, ending in /). */
export function outputUrl(site: Pick<Site, "config">, name: string, urlFolder = ""): string {
  return `${site.config.siteUrl}/${urlFolder}${name}`;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** The image's MIME type from its file extension, or undefined when unknown (never the non-standard image/jpg). */
export function imageMimeType(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MIME_BY_EXTENSION[extension];
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * RFC 822 date-time (as amended by RFC 1123: four-digit year) from a local ISO string, keeping its offset:
 * `2025-07-13T17:28:00+06:00` → `Sun, 13 Jul 2025 17:28:00 +0600`.
 */
export function rfc822(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a local ISO date-time: ${iso}`);
  const [, year, month, day, hour, minute, second, zone] = match as unknown as string[];
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  const offset = zone === "Z" ? "+0000" : zone!.replace(":", "");
  return `${DAY_NAMES[weekday]}, ${day} ${MONTH_NAMES[Number(month) - 1]} ${year} ${hour}:${minute}:${second} ${offset}`;
}
