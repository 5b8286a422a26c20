import type { ArchivePage, Feed, FeedItem, FeedSite, Site } from "../model.js";
import { GENERATOR } from "../version.js";
import { archivePagePath, OUTPUTS } from "../outputs.js";
import { imageMimeType, NS, outputUrl, XmlWriter } from "./xml.js";

/**
 * Atom 1.0 (RFC 4287) of the same items as the RSS feed. The feed's id is the URL of the page it stands for (the
 * home page, or the category page); each entry's id is the article's permanent id. The publication is the
 * feed-level author, which entries without a byline inherit (RFC 4287 §4.2.1).
 */
export function renderAtom(site: FeedSite, feed: Feed = site.feed): string {
  const { config } = site;
  const xml = new XmlWriter();
  xml.open("feed", { xmlns: NS.atom, "xml:lang": config.language });
  xml.leaf("id", feed.homeUrl);
  xml.leaf("title", feed.title);
  xml.leaf("subtitle", feed.description);
  xml.leaf("updated", feed.updated.iso);
  xml.empty("link", { rel: "alternate", type: "text/html", href: feed.homeUrl });
  xml.empty("link", { rel: "self", type: "application/atom+xml", href: outputUrl(site, OUTPUTS.atom.name, feed.urlFolder) });
  if (config.hub) xml.empty("link", { rel: "hub", href: config.hub });
  xml.open("author").leaf("name", config.publicationName).close();
  xml.leaf("generator", GENERATOR.name, { uri: GENERATOR.uri, version: GENERATOR.version });
  xml.leaf("icon", config.icon);
  xml.leaf("logo", config.logo);
  xml.leaf("rights", config.copyright);
  if (feed === site.feed && site.archive.length > 0) {
    xml.empty("link", { rel: "prev-archive", href: archiveUrl(site, site.archive.length) });
  }
  for (const item of feed.items) renderEntry(xml, site, item);
  xml.close();
  return xml.end();
}

/** The URL of archive page n (RFC 5005 archived feeds). */
function archiveUrl(site: FeedSite, n: number): string {
  return outputUrl(site, archivePagePath(n));
}

/**
 * One RFC 5005 archive document: marked `fh:archive`, linked to the current feed and to the page before it, with
 * the same id as the current feed so readers know it is the same feed's history. No next-archive link: it would
 * change a page that must stay as it was once written (RFC 5005 §4 makes that link optional).
 */
export function renderAtomArchive(site: Site, page: ArchivePage): string {
  const { config } = site;
  const xml = new XmlWriter();
  xml.open("feed", { xmlns: NS.atom, "xmlns:fh": NS.feedHistory, "xml:lang": config.language });
  xml.empty("fh:archive", {});
  xml.leaf("id", site.feed.homeUrl);
  xml.leaf("title", site.feed.title);
  xml.leaf("updated", page.updated.iso);
  xml.empty("link", { rel: "self", type: "application/atom+xml", href: archiveUrl(site, page.number) });
  xml.empty("link", { rel: "current", type: "application/atom+xml", href: outputUrl(site, OUTPUTS.atom.name) });
  if (page.number > 1) xml.empty("link", { rel: "prev-archive", href: archiveUrl(site, page.number - 1) });
  xml.empty("link", { rel: "alternate", type: "text/html", href: site.feed.homeUrl });
  xml.open("author").leaf("name", config.publicationName).close();
  xml.leaf("generator", GENERATOR.name, { uri: GENERATOR.uri, version: GENERATOR.version });
  for (const item of page.items) renderEntry(xml, site, item);
  xml.close();
  return xml.end();
}

function renderEntry(xml: XmlWriter, site: FeedSite, article: FeedItem): void {
  xml.open("entry");
  xml.leaf("id", article.id);
  xml.leaf("title", article.title);
  xml.empty("link", { rel: "alternate", type: "text/html", href: article.url });
  xml.leaf("published", article.published.iso);
  xml.leaf("updated", (article.updated ?? article.published).iso);
  for (const author of article.authors) xml.open("author").leaf("name", author).close();
  // The term is the path (stable, as in the URL); a configured title is the label readers see (RFC 4287 §4.2.2).
  if (article.category !== undefined) xml.empty("category", { term: article.category, label: site.config.categories?.[article.category]?.title });
  for (const tag of article.tags) xml.empty("category", { term: tag });
  if (article.image) {
    const { url, length } = article.image;
    xml.empty("link", { rel: "enclosure", href: url, type: imageMimeType(url), length: length === undefined ? undefined : String(length) });
  }
  xml.leaf("summary", article.description || undefined);
  xml.leaf("content", article.html, { type: "html" });
  xml.close();
}
