import type { Site } from "../model.js";
import { homeUrl, NS, serialise, xmlDocument } from "./xml.js";

/**
 * Sitemap 0.9 (sitemaps.org) of the home page and every published article, `lastmod` being the update time or,
 * without one, the publication time. The home page keeps the file valid (the schema wants at least one `<url>`).
 */
export function renderSitemap(site: Site): string {
  const document = xmlDocument();
  const urlset = document.ele(NS.sitemap, "urlset");
  const home = urlset.ele("url");
  home.ele("loc").txt(homeUrl(site));
  home.ele("lastmod").txt(site.updated.iso);
  for (const article of site.articles) {
    const url = urlset.ele("url");
    url.ele("loc").txt(article.url);
    url.ele("lastmod").txt((article.updated ?? article.published).iso);
  }
  return serialise(document);
}
