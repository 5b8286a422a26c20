import type { FeedItem, Site } from "../model.js";
import { GENERATOR } from "../version.js";
import { homeUrl, imageMimeType, NS, OUTPUT_FILES, outputUrl, serialise, xmlDocument, type XMLBuilder } from "./xml.js";

/**
 * Atom 1.0 (RFC 4287) of the same items as the RSS feed. The feed's id is the site's home URL; each entry's id is
 * the article's permanent id. The publication is the feed-level author, which entries without a byline inherit.
 */
export function renderAtom(site: Site): string {
  const document = xmlDocument();
  const feed = document.ele(NS.atom, "feed").att(NS.xml, "xml:lang", site.config.language);
  feed.ele("id").txt(homeUrl(site));
  feed.ele("title").txt(site.config.title);
  feed.ele("subtitle").txt(site.config.description);
  feed.ele("updated").txt(site.updated.iso);
  feed.ele("link", { rel: "alternate", type: "text/html", href: homeUrl(site) });
  feed.ele("link", { rel: "self", type: "application/atom+xml", href: outputUrl(site, OUTPUT_FILES.atom) });
  feed.ele("author").ele("name").txt(site.config.publicationName);
  feed.ele("generator", { uri: GENERATOR.uri, version: GENERATOR.version }).txt(GENERATOR.name);
  for (const item of site.feedItems) renderEntry(feed.ele("entry"), item);
  return serialise(document);
}

function renderEntry(entry: XMLBuilder, article: FeedItem): void {
  entry.ele("id").txt(article.id);
  entry.ele("title").txt(article.title);
  entry.ele("link", { rel: "alternate", type: "text/html", href: article.url });
  entry.ele("published").txt(article.published.iso);
  entry.ele("updated").txt((article.updated ?? article.published).iso);
  for (const author of article.authors) entry.ele("author").ele("name").txt(author);
  if (article.category !== undefined) entry.ele("category", { term: article.category });
  for (const tag of article.tags) entry.ele("category", { term: tag });
  if (article.image) {
    const type = imageMimeType(article.image.url);
    entry.ele("link", { rel: "enclosure", href: article.image.url, ...(type ? { type } : {}) });
  }
  if (article.summary !== undefined) entry.ele("summary").txt(article.summary);
  entry.ele("content", { type: "html" }).txt(article.html);
}
