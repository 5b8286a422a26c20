import type { FeedItem, Site } from "../model.js";
import { GENERATOR } from "../version.js";
import { homeUrl, imageMimeType, NS, OUTPUT_FILES, outputUrl, XmlWriter } from "./xml.js";

/**
 * Atom 1.0 (RFC 4287) of the same items as the RSS feed. The feed's id is the site's home URL; each entry's id is
 * the article's permanent id. The publication is the feed-level author, which entries without a byline inherit.
 */
export function renderAtom(site: Site): string {
  const xml = new XmlWriter();
  xml.open("feed", { xmlns: NS.atom, "xml:lang": site.config.language });
  xml.leaf("id", homeUrl(site));
  xml.leaf("title", site.config.title);
  xml.leaf("subtitle", site.config.description);
  xml.leaf("updated", site.updated.iso);
  xml.empty("link", { rel: "alternate", type: "text/html", href: homeUrl(site) });
  xml.empty("link", { rel: "self", type: "application/atom+xml", href: outputUrl(site, OUTPUT_FILES.atom) });
  xml.open("author").leaf("name", site.config.publicationName).close();
  xml.leaf("generator", GENERATOR.name, { uri: GENERATOR.uri, version: GENERATOR.version });
  for (const item of site.feedItems) renderEntry(xml, item);
  xml.close();
  return xml.end();
}

function renderEntry(xml: XmlWriter, article: FeedItem): void {
  xml.open("entry");
  xml.leaf("id", article.id);
  xml.leaf("title", article.title);
  xml.empty("link", { rel: "alternate", type: "text/html", href: article.url });
  xml.leaf("published", article.published.iso);
  xml.leaf("updated", (article.updated ?? article.published).iso);
  for (const author of article.authors) xml.open("author").leaf("name", author).close();
  if (article.category !== undefined) xml.empty("category", { term: article.category });
  for (const tag of article.tags) xml.empty("category", { term: tag });
  if (article.image) xml.empty("link", { rel: "enclosure", href: article.image.url, type: imageMimeType(article.image.url) });
  xml.leaf("summary", article.description || undefined);
  xml.leaf("content", article.html, { type: "html" });
  xml.close();
}
