import type { Site } from "../model.js";
import { homeUrl, NS, serialise, xmlDocument } from "./xml.js";

/**
 * Google News sitemap (Google Search Central, "Build a Google News sitemap"): the articles of the last 48 hours
 * with publication name, language, W3C date-time and title. With none in the window it lists only the home page,
 * without a news block, so the file still validates (docs/adr/0001-empty-news-sitemap.md).
 */
export function renderNewsSitemap(site: Site): string {
  const document = xmlDocument();
  const urlset = document.ele(NS.sitemap, "urlset");
  if (site.news.items.length === 0) {
    urlset.ele("url").ele("loc").txt(homeUrl(site));
    return serialise(document);
  }
  urlset.att("http://www.w3.org/2000/xmlns/", "xmlns:news", NS.news);
  for (const article of site.news.items) {
    const url = urlset.ele("url");
    url.ele("loc").txt(article.url);
    const news = url.ele(NS.news, "news:news");
    const publication = news.ele(NS.news, "news:publication");
    publication.ele(NS.news, "news:name").txt(site.config.publicationName);
    publication.ele(NS.news, "news:language").txt(newsLanguage(site.config.language));
    news.ele(NS.news, "news:publication_date").txt(article.published.iso);
    news.ele(NS.news, "news:title").txt(article.title);
  }
  return serialise(document);
}

/** Google News wants the ISO 639 code alone (`bn`, not `bn-BD`), except zh-cn/zh-tw. */
function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  return lower === "zh-cn" || lower === "zh-tw" ? lower : lower.split("-")[0]!;
}
