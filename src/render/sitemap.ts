import type { Site } from "../model.js";
import { MAX_SITEMAP_URLS } from "../limits.js";
import { OUTPUTS } from "../outputs.js";
import { imageBlock, loc, splitSitemap, type SitemapEntry, type SitemapPart } from "./sitemap-parts.js";
import { NS, outputUrl, XmlWriter } from "./xml.js";

export type { SitemapPart } from "./sitemap-parts.js";

/**
 * Sitemap 0.9 of the home page, every category page and every published article (`lastmod` = updated, else
 * published; the article image as `image:image`), split into sitemap.xml, sitemap-2.xml … at the protocol's limits.
 * Entries are built as strings one by one, so a 50,000-URL file is never a tree in memory.
 */
export function renderSitemap(site: Site): SitemapPart[] {
  return splitSitemap(sitemapEntries(site), OUTPUTS.sitemap.name, MAX_SITEMAP_URLS, { image: site.articles.some((a) => a.image) });
}

/** The entries one at a time, as the parts take them: at 100,000 articles a list of them all was 40 MB held at once. */
function* sitemapEntries(site: Site): Generator<SitemapEntry> {
  yield { xml: `  <url>\n${loc(`${site.config.siteUrl}/`)}    <lastmod>${site.updated.iso}</lastmod>\n  </url>\n`, lastmod: site.updated.iso };
  for (const page of site.categories) {
    yield { xml: `  <url>\n${loc(page.url)}    <lastmod>${page.lastmod.iso}</lastmod>\n  </url>\n`, lastmod: page.lastmod.iso };
  }
  for (const article of site.articles) {
    const lastmod = (article.updated ?? article.published).iso;
    yield { xml: `  <url>\n${loc(article.url)}    <lastmod>${lastmod}</lastmod>\n${imageBlock(article)}  </url>\n`, lastmod };
  }
}

/** A sitemap index (sitemaps.org) listing the parts of a split sitemap, each with its newest lastmod. */
export function renderSitemapIndex(site: Site, parts: readonly SitemapPart[]): string {
  const xml = new XmlWriter();
  xml.open("sitemapindex", { xmlns: NS.sitemap });
  for (const part of parts) xml.open("sitemap").leaf("loc", outputUrl(site, part.name)).leaf("lastmod", part.lastmod).close();
  xml.close();
  return xml.end();
}
