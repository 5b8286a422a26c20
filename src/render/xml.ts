import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Site } from "../model.js";

export type { XMLBuilder };

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
} as const;

/** The output files and the names they are published under, next to the site's home. */
export const OUTPUT_FILES = {
  rss: "rss.xml",
  atom: "atom.xml",
  newsSitemap: "news-sitemap.xml",
  sitemap: "sitemap.xml",
} as const;

/** Absolute URL at which an output file is published (the site's root, next to the home page). */
export function outputUrl(site: Site, name: string): string {
  return `${site.config.siteUrl}/${name}`;
}

/** The site's home page URL (with the trailing slash that a bare origin's path has). */
export function homeUrl(site: Site): string {
  return `${site.config.siteUrl}/`;
}

/** A new UTF-8 XML document. */
export function xmlDocument(): XMLBuilder {
  return create({ version: "1.0", encoding: "UTF-8" });
}

/**
 * Serialises a document; `wellFormed` makes xmlbuilder2 throw rather than emit a character XML forbids,
 * a last guard behind the cleaning done in normalise.
 */
export function serialise(document: XMLBuilder): string {
  return `${document.end({ prettyPrint: true, wellFormed: true })}\n`;
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
