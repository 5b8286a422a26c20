import type { Article } from "../model.js";
import { MAX_SITEMAP_BYTES } from "../limits.js";
import { partName } from "../outputs.js";
import { escapeText, NS } from "./xml.js";

/** One file of a (possibly split) sitemap. */
export interface SitemapPart {
  name: string;
  content: string;
  /** URLs in it. */
  count: number;
  /** Newest lastmod (or publication date) in it, for the index. */
  lastmod: string;
}

/** One `<url>` block, already serialised, with the date the index reports for it. */
export interface SitemapEntry {
  xml: string;
  lastmod: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** A `<loc>` line. */
export const loc = (url: string): string => `    <loc>${escapeText(url)}</loc>\n`;
/** The article's image as `image:image` (Google image sitemaps: only `image:loc` is still read). */
export const imageBlock = (article: Article): string =>
  article.image ? `    <image:image>\n      <image:loc>${escapeText(article.image.url)}</image:loc>\n    </image:image>\n` : "";

/**
 * Joins entries into sitemap files named name, name-2 … with at most `maxUrls` URLs and MAX_SITEMAP_BYTES each.
 * Entries are strings built one by one (and may be made as they are taken), so a 50,000-URL file is never a tree in memory.
 */
export function splitSitemap(entries: Iterable<SitemapEntry>, name: string, maxUrls: number, namespaces: { news?: boolean; image?: boolean }): SitemapPart[] {
  const open =
    `${XML_DECLARATION}<urlset xmlns="${NS.sitemap}"` +
    `${namespaces.news ? ` xmlns:news="${NS.news}"` : ""}${namespaces.image ? ` xmlns:image="${NS.image}"` : ""}>\n`;
  const close = "</urlset>\n";
  const budget = MAX_SITEMAP_BYTES - Buffer.byteLength(open + close);
  const parts: SitemapPart[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  let lastmod = "";
  const flush = () => {
    parts.push({ name: partName(name, parts.length + 1), content: open + chunk.join("") + close, count: chunk.length, lastmod });
    chunk = [];
    bytes = 0;
    lastmod = "";
  };
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.xml);
    if (chunk.length > 0 && (chunk.length === maxUrls || bytes + size > budget)) flush();
    chunk.push(entry.xml);
    bytes += size;
    // ISO strings with different offsets do not sort as text; compare instants.
    if (lastmod === "" || Date.parse(entry.lastmod) > Date.parse(lastmod)) lastmod = entry.lastmod;
  }
  if (chunk.length > 0 || parts.length === 0) flush();
  return parts;
}

