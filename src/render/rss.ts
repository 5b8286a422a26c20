import type { FeedItem, Site } from "../model.js";
import { GENERATOR } from "../version.js";
import { homeUrl, imageMimeType, NS, OUTPUT_FILES, outputUrl, rfc822, serialise, xmlDocument, type XMLBuilder } from "./xml.js";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) of the newest `feedSize` articles.
 * Bylines go in `dc:creator` because RSS `<author>` must be an e-mail address; the body goes in `content:encoded`.
 */
export function renderRss(site: Site): string {
  const document = xmlDocument();
  const channel = document
    .ele("rss", {
      version: "2.0",
      "xmlns:atom": NS.atom,
      "xmlns:content": NS.content,
      "xmlns:dc": NS.dc,
      "xmlns:media": NS.media,
    })
    .ele("channel");
  channel.ele("title").txt(site.config.title);
  channel.ele("link").txt(homeUrl(site));
  channel.ele("description").txt(site.config.description);
  channel.ele("language").txt(site.config.language);
  channel.ele("lastBuildDate").txt(rfc822(site.updated.iso));
  channel.ele("generator").txt(`${GENERATOR.name} ${GENERATOR.version}`);
  channel.ele("atom:link", { href: outputUrl(site, OUTPUT_FILES.rss), rel: "self", type: "application/rss+xml" });
  for (const item of site.feedItems) renderItem(channel.ele("item"), item);
  return serialise(document);
}

function renderItem(item: XMLBuilder, article: FeedItem): void {
  item.ele("title").txt(article.title);
  item.ele("link").txt(article.url);
  // The id is permanent but is not the URL (it survives a renamed slug), so it is not a permalink.
  item.ele("guid", { isPermaLink: article.id === article.url ? "true" : "false" }).txt(article.id);
  item.ele("pubDate").txt(rfc822(article.published.iso));
  if (article.summary !== undefined) item.ele("description").txt(article.summary);
  item.ele("content:encoded").txt(article.html);
  for (const author of article.authors) item.ele("dc:creator").txt(author);
  if (article.category !== undefined) item.ele("category").txt(article.category);
  for (const tag of article.tags) item.ele("category").txt(tag);
  if (article.image) {
    const type = imageMimeType(article.image.url);
    const media = item.ele("media:content", { url: article.image.url, medium: "image", ...(type ? { type } : {}) });
    if (article.image.caption !== undefined) media.ele("media:description", { type: "plain" }).txt(article.image.caption);
    if (article.image.credit !== undefined) media.ele("media:credit").txt(article.image.credit);
  }
}
