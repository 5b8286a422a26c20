import type { Site } from "../model.js";
import { homeUrl, NS, XmlWriter } from "./xml.js";

/**
 * Google News sitemap (Google Search Central, "Build a Google News sitemap"): the articles of the last 48 hours
 * with publication name, language, W3C date-time and title. With none in the window it lists only the home page,
 * without a news block, so the file still validates (docs/adr/0001-empty-news-sitemap.md).
 */
export function renderNewsSitemap(site: Site): string {
  const xml = new XmlWriter();
  if (site.news.items.length === 0) {
    xml.open("urlset", { xmlns: NS.sitemap }).open("url").leaf("loc", homeUrl(site)).close().close();
    return xml.end();
  }
  xml.open("urlset", { xmlns: NS.sitemap, "xmlns:news": NS.news });
  for (const article of site.news.items) {
    xml.open("url");
    xml.leaf("loc", article.url);
    xml.open("news:news");
    xml.open("news:publication");
    xml.leaf("news:name", site.config.publicationName);
    xml.leaf("news:language", newsLanguage(site.config.language));
    xml.close();
    xml.leaf("news:publication_date", article.published.iso);
    xml.leaf("news:title", article.title);
    xml.close().close();
  }
  xml.close();
  return xml.end();
}

/** Google News wants the ISO 639 code alone (`bn`, not `bn-BD`), except zh-cn/zh-tw. */
function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  return lower === "zh-cn" || lower === "zh-tw" ? lower : lower.split("-")[0]!;
}
