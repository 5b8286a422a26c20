import type { Site } from "../model.js";
import { homeUrl, NS, XmlWriter } from "./xml.js";

/**
 * Sitemap 0.9 (sitemaps.org) of the home page and every published article, `lastmod` being the update time or,
 * without one, the publication time. The home page keeps the file valid (the schema wants at least one `<url>`).
 */
export function renderSitemap(site: Site): string {
  const xml = new XmlWriter();
  xml.open("urlset", { xmlns: NS.sitemap });
  xml.open("url").leaf("loc", homeUrl(site)).leaf("lastmod", site.updated.iso).close();
  for (const article of site.articles) {
    xml.open("url").leaf("loc", article.url).leaf("lastmod", (article.updated ?? article.published).iso).close();
  }
  xml.close();
  return xml.end();
}
