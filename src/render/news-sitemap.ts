import type { Site } from "../model.js";
import { imageBlock, loc, splitSitemap, type SitemapPart } from "./sitemap-parts.js";
import { MAX_NEWS_URLS } from "../limits.js";
import { OUTPUTS } from "../outputs.js";
import { escapeText, NS, XmlWriter } from "./xml.js";

/**
 * Google News sitemaps (Google Search Central, "Build a Google News sitemap"): the articles of the last 48 hours
 * with publication name, language, W3C date-time, title and image, 1,000 per file (news-sitemap.xml,
 * news-sitemap-2.xml …). With none in the window, news-sitemap.xml lists only the home page, without a news block,
 * so the file still validates (docs/adr/0001-empty-news-sitemap.md).
 */
export function renderNewsSitemap(site: Site): SitemapPart[] {
  if (site.news.items.length === 0) {
    const xml = new XmlWriter();
    xml.open("urlset", { xmlns: NS.sitemap }).open("url").leaf("loc", `${site.config.siteUrl}/`).close().close();
    return [{ name: OUTPUTS.newsSitemap.name, content: xml.end(), count: 0, lastmod: site.updated.iso }];
  }
  const name = escapeText(site.config.publicationName);
  const language = newsLanguage(site.config.language);
  const entries = site.news.items.map((article) => ({
    xml:
      `  <url>\n${loc(article.url)}    <news:news>\n      <news:publication>\n` +
      `        <news:name>${name}</news:name>\n        <news:language>${language}</news:language>\n` +
      `      </news:publication>\n      <news:publication_date>${article.published.iso}</news:publication_date>\n` +
      `      <news:title>${escapeText(article.title)}</news:title>\n    </news:news>\n${imageBlock(article)}  </url>\n`,
    lastmod: (article.updated ?? article.published).iso,
  }));
  return splitSitemap(entries, OUTPUTS.newsSitemap.name, MAX_NEWS_URLS, { news: true, image: site.news.items.some((a) => a.image) });
}

/** Google News wants the ISO 639 code alone (`bn`, not `bn-BD`), except zh-cn/zh-tw. */
function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  return lower === "zh-cn" || lower === "zh-tw" ? lower : lower.split("-")[0]!;
}
