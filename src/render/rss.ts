import type { Feed, FeedItem, FeedSite } from "../model.js";
import { GENERATOR } from "../version.js";
import { OUTPUTS } from "../outputs.js";
import { categoryLabel } from "./category.js";
import { imageMimeType, NS, outputUrl, plainAsHtml, rfc822, XmlWriter } from "./xml.js";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) of a feed's items. Bylines go in `dc:creator` because RSS
 * `<author>` must be an e-mail address; the body goes in `content:encoded`, the image in `media:content`.
 */
export function renderRss(site: FeedSite, feed: Feed = site.feed): string {
  const { config } = site;
  const xml = new XmlWriter();
  xml.open("rss", { version: "2.0", "xmlns:atom": NS.atom, "xmlns:content": NS.content, "xmlns:dc": NS.dc, "xmlns:media": NS.media });
  xml.open("channel");
  xml.leaf("title", feed.title);
  xml.leaf("link", feed.homeUrl);
  xml.leaf("description", plainAsHtml(feed.description));
  xml.leaf("language", config.language);
  xml.leaf("copyright", config.copyright);
  xml.leaf("lastBuildDate", rfc822(feed.updated.iso));
  xml.leaf("generator", `${GENERATOR.name} ${GENERATOR.version}`);
  xml.leaf("ttl", config.ttl === undefined ? undefined : String(config.ttl));
  if (config.logo) xml.open("image").leaf("url", config.logo).leaf("title", feed.title).leaf("link", feed.homeUrl).close();
  xml.empty("atom:link", { href: outputUrl(site, OUTPUTS.rss.name, feed.urlFolder), rel: "self", type: "application/rss+xml" });
  if (config.hub) xml.empty("atom:link", { href: config.hub, rel: "hub" });
  for (const item of feed.items) renderItem(xml, site, item);
  xml.close().close();
  return xml.end();
}

function renderItem(xml: XmlWriter, site: FeedSite, article: FeedItem): void {
  xml.open("item");
  xml.leaf("title", article.title);
  xml.leaf("link", article.url);
  // The id is permanent but is not the URL (it survives a renamed slug), so it is not a permalink.
  xml.leaf("guid", article.id, { isPermaLink: article.id === article.url ? "true" : "false" });
  xml.leaf("pubDate", rfc822(article.published.iso));
  xml.leaf("description", plainAsHtml(article.description || undefined));
  xml.leaf("content:encoded", article.html);
  for (const author of article.authors) xml.leaf("dc:creator", author);
  xml.leaf("category", article.category === undefined ? undefined : categoryLabel(site, article.category));
  for (const tag of article.tags) xml.leaf("category", tag);
  if (article.image) {
    const { url, caption, credit, length } = article.image;
    const type = imageMimeType(url);
    // RSS 2.0 requires url, length and type on an enclosure: only written when all three are known.
    if (type && length !== undefined) xml.empty("enclosure", { url, length: String(length), type });
    const attributes = { url, medium: "image", type, fileSize: length === undefined ? undefined : String(length) };
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
