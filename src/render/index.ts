import type { Site } from "../model.js";
import { archivePagePath, FEED_KINDS, OUTPUTS, type OutputKey } from "../outputs.js";
import { renderAtom, renderAtomArchive } from "./atom.js";
import { renderJsonFeed } from "./json-feed.js";
import { renderNewsSitemap } from "./news-sitemap.js";
import { renderRss } from "./rss.js";
import { renderSitemap, renderSitemapIndex } from "./sitemap.js";

/** One rendered output: its path below the output folder, its text, and how many items, entries or URLs it holds. */
export interface RenderedOutput {
  name: string;
  content: string;
  count: number;
}

/** The renderer of each feed format, by its key in the outputs table. */
const FEED_RENDERERS: Record<Extract<OutputKey, "rss" | "atom" | "jsonFeed">, (site: Site, feed: Site["feed"]) => string> = {
  rss: renderRss,
  atom: renderAtom,
  jsonFeed: renderJsonFeed,
};

/** Every output of the site but the report and the preview page, rendered in memory. Pure. */
export function renderSite(site: Site): RenderedOutput[] {
  const files: RenderedOutput[] = [];
  for (const feed of [site.feed, ...site.categoryFeeds]) {
    for (const kind of FEED_KINDS) {
      const render = FEED_RENDERERS[kind.key as keyof typeof FEED_RENDERERS];
      files.push({ name: `${feed.folder}${kind.name}`, content: render(site, feed), count: feed.items.length });
    }
  }
  for (const page of site.archive) files.push({ name: archivePagePath(page.number), content: renderAtomArchive(site, page), count: page.items.length });
  for (const [parts, index] of [
    [renderNewsSitemap(site), OUTPUTS.newsSitemapIndex.name],
    [renderSitemap(site), OUTPUTS.sitemapIndex.name],
  ] as const) {
    files.push(...parts.map(({ name, content, count }) => ({ name, content, count })));
    files.push({ name: index, content: renderSitemapIndex(site, parts), count: parts.length });
  }
  return files;
}
