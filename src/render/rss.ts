import type { FeedItem, Site } from "../model.js";
import { GENERATOR } from "../version.js";
import { homeUrl, imageMimeType, NS, OUTPUT_FILES, outputUrl, rfc822, XmlWriter } from "./xml.js";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) of the newest `feedSize` articles.
 * Bylines go in `dc:creator` because RSS `<author>` must be an e-mail address; the body goes in `content:encoded`.
 */
export function renderRss(site: Site): string {
  const xml = new XmlWriter();
  xml.open("rss", { version: "2.0", "xmlns:atom": NS.atom, "xmlns:content": NS.content, "xmlns:dc": NS.dc, "xmlns:media": NS.media });
  xml.open("channel");
  xml.leaf("title", site.config.title);
  xml.leaf("link", homeUrl(site));
  xml.leaf("description", site.config.description);
  xml.leaf("language", site.config.language);
  xml.leaf("lastBuildDate", rfc822(site.updated.iso));
  xml.leaf("generator", `${GENERATOR.name} ${GENERATOR.version}`);
  xml.empty("atom:link", { href: outputUrl(site, OUTPUT_FILES.rss), rel: "self", type: "application/rss+xml" });
  for (const item of site.feedItems) renderItem(xml, item);
  xml.close().close();
  return xml.end();
}

function renderItem(xml: XmlWriter, article: FeedItem): void {
  xml.open("item");
  xml.leaf("title", article.title);
  xml.leaf("link", article.url);
  // The id is permanent but is not the URL (it survives a renamed slug), so it is not a permalink.
  xml.leaf("guid", article.id, { isPermaLink: article.id === article.url ? "true" : "false" });
  xml.leaf("pubDate", rfc822(article.published.iso));
  xml.leaf("description", article.description || undefined);
  xml.leaf("content:encoded", article.html);
  for (const author of article.authors) xml.leaf("dc:creator", author);
  xml.leaf("category", article.category);
  for (const tag of article.tags) xml.leaf("category", tag);
  if (article.image) {
    const { url, caption, credit } = article.image;
    const attributes = { url, medium: "image", type: imageMimeType(url) };
    if (caption === undefined && credit === undefined) {
      xml.empty("media:content", attributes);
    } else {
      xml.open("media:content", attributes);
      xml.leaf("media:description", caption, { type: "plain" });
      xml.leaf("media:credit", credit);
      xml.close();
    }
  }
  xml.close();
}
