import type { ArchivePage, Feed, FeedSite, Site } from "../model.js";
import { archivePagePath, FEED_KINDS, OUTPUTS, type OutputKey } from "../outputs.js";
import { renderAtom, renderAtomArchive } from "./atom.js";
import { renderJsonFeed } from "./json-feed.js";
import { renderNewsSitemap } from "./news-sitemap.js";
import { renderRss } from "./rss.js";
import { renderSitemap, renderSitemapIndex, type SitemapPart } from "./sitemap.js";

/** One rendered output: its path below the output folder, its text, and how many items, entries or URLs it holds. */
export interface RenderedOutput {
  name: string;
  content: string;
  count: number;
}

/** The renderer of each feed format, by its key in the outputs table. */
const FEED_RENDERERS: Record<Extract<OutputKey, "rss" | "atom" | "jsonFeed">, (site: FeedSite, feed: Site["feed"]) => string> = {
  rss: renderRss,
  atom: renderAtom,
  jsonFeed: renderJsonFeed,
};

/** Every output of the site but the report and the preview page, rendered in memory. Pure. */
export function renderSite(site: Site): RenderedOutput[] {
  return [
    ...[site.feed, ...site.categoryFeeds].flatMap((feed) => renderFeedFiles(site, feed)),
    ...site.archive.map((page) => renderArchiveFile(site, page)),
    ...renderNewsSitemapFiles(site),
    ...(site.config.sitemap ? renderSitemapFiles(site) : []),
  ];
}

/** One feed's files (rss.xml, atom.xml, feed.json in its folder). */
export function renderFeedFiles(site: FeedSite, feed: Feed): RenderedOutput[] {
  return FEED_KINDS.map((kind) => {
    const render = FEED_RENDERERS[kind.key as keyof typeof FEED_RENDERERS];
    return { name: `${feed.folder}${kind.name}`, content: render(site, feed), count: feed.items.length };
  });
}

/** One RFC 5005 archive page. */
export function renderArchiveFile(site: Site, page: ArchivePage): RenderedOutput {
  return { name: archivePagePath(page.number), content: renderAtomArchive(site, page), count: page.items.length };
}

/** The Google News sitemap's parts, then their index. */
export function renderNewsSitemapFiles(site: Site): RenderedOutput[] {
  return withIndex(site, renderNewsSitemap(site), OUTPUTS.newsSitemapIndex.name);
}

/** The sitemap's parts, then their index. */
export function renderSitemapFiles(site: Site): RenderedOutput[] {
  return withIndex(site, renderSitemap(site), OUTPUTS.sitemapIndex.name);
}

function withIndex(site: Site, parts: readonly SitemapPart[], index: string): RenderedOutput[] {
  return [...parts.map(({ name, content, count }) => ({ name, content, count })), { name: index, content: renderSitemapIndex(site, parts), count: parts.length }];
}
