import type { Feed, FeedItem, FeedSite } from "../model.js";
import { OUTPUTS } from "../outputs.js";
import { outputUrl } from "./xml.js";

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of the same items as the RSS and Atom feeds. */
export function renderJsonFeed(site: FeedSite, feed: Feed = site.feed): string {
  const { config } = site;
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: outputUrl(site, OUTPUTS.jsonFeed.name, feed.urlFolder),
    description: feed.description,
    icon: config.logo,
    favicon: config.icon,
    language: config.language,
    authors: [{ name: config.publicationName }],
    hubs: config.hub ? [{ type: "WebSub", url: config.hub }] : undefined,
    items: feed.items.map((article) => jsonFeedItem(article)),
  };
  // JSON.stringify drops undefined members, and escapes lone surrogates, so the file is always valid UTF-8 JSON.
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One item as JSON Feed 1.1 writes it (undefined members are dropped when serialised). */
export function jsonFeedItem(article: FeedItem) {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    content_html: article.html,
    summary: article.description || undefined,
    image: article.image?.url,
    date_published: article.published.iso,
    date_modified: (article.updated ?? article.published).iso,
    authors: article.authors.length > 0 ? article.authors.map((name) => ({ name })) : undefined,
    tags: [...(article.category === undefined ? [] : [article.category]), ...article.tags],
  };
}
