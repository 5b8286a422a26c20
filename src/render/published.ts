/**
 * What readers were shown, as data to compare across builds: each feed's items (by id) and the news sitemap's
 * entries (by URL). A build compares what it publishes with what the last one published and reports the difference
 * (patrika-report.json, the CLI summary, `check --json`), so nobody learns from subscribers that a story came back.
 */
import { contentHash } from "../ids.js";
import type { Feed, FeedDiff, FeedItem, IdChange, PublishDiff, PublishedItem, PublishedState, Site } from "../model.js";
import { jsonFeedItem } from "./json-feed.js";

/** The state a site publishes. Pure. */
export function publishedState(site: Site, idHost: string): PublishedState {
  const feeds = publishedFeeds([site.feed, ...site.categoryFeeds]);
  const news = site.news.items.map((a) => ({ url: a.url, title: a.title, published: a.published.iso }));
  return { idHost, feeds, news };
}

/**
 * Each feed's items as published, by the feed's folder. `known`: an item's entry as published before, when it is
 * the same item (a delta build's untouched stories), so it is not hashed again. Pure.
 */
export function publishedFeeds(list: readonly Feed[], known?: (item: FeedItem) => PublishedItem | undefined): Record<string, PublishedItem[]> {
  const feeds: Record<string, PublishedItem[]> = {};
  // A story in the main feed and its category's is one item: stringified and hashed once (each was 2% of a small build).
  const published = new Map<FeedItem, PublishedItem>();
  for (const feed of list) {
    feeds[feed.folder] = feed.items.map((item) => {
      let entry = published.get(item) ?? known?.(item);
      if (!entry) {
        entry = withoutUndefined({ id: item.id, url: item.url, title: item.title, published: item.published.iso, updated: item.updated?.iso, content: contentHash(jsonFeedItem(item)) });
        published.set(item, entry);
      }
      return entry;
    });
  }
  return feeds;
}

/** The difference between what was published and what is now. Pure. */
export function diffPublished(previous: PublishedState, current: PublishedState, source: string, idsChanged: IdChange[]): PublishDiff {
  const feeds: Record<string, FeedDiff> = {};
  const folders = previous.mainOnly ? [""] : [...new Set([...Object.keys(previous.feeds), ...Object.keys(current.feeds)])];
  for (const folder of folders) feeds[folder] = diffItems(previous.feeds[folder] ?? [], current.feeds[folder] ?? []);
  // Stories, each once: new when no earlier feed had it, removed when no feed has it now (a story that moved to
  // another category is neither), changed when it is in both and some feed shows it changed.
  const before = new Set(Object.values(previous.feeds).flat().map((item) => item.id));
  const after = new Set(Object.values(current.feeds).flat().map((item) => item.id));
  const changed = new Set(Object.values(feeds).flatMap((diff) => diff.changed));
  const totals = { added: [...after].filter((id) => !before.has(id)).length, changed: changed.size, removed: [...before].filter((id) => !after.has(id)).length };
  const news = diffBy(previous.news, current.news, (n) => n.url, (a, b) => a.title === b.title && a.published === b.published);
  return { previous: source, feeds, news: previous.mainOnly ? { added: [], changed: [], removed: [] } : news, idsChanged, datesMoved: datesMoved(previous, current), totals };
}

function diffItems(before: readonly PublishedItem[], after: readonly PublishedItem[]): FeedDiff {
  return diffBy(before, after, (item) => item.id, sameItem);
}

/** Items are the same when everything a reader sees is: the content hash when both sides have one, else the visible fields. */
function sameItem(a: PublishedItem, b: PublishedItem): boolean {
  if (a.content !== undefined && b.content !== undefined) return a.content === b.content;
  return a.url === b.url && a.title === b.title && sameInstant(a.published, b.published) && sameInstant(a.updated ?? a.published, b.updated ?? b.published);
}

function diffBy<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, same: (a: T, b: T) => boolean): FeedDiff {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  return {
    added: [...now.keys()].filter((k) => !old.has(k)),
    changed: [...now].filter(([k, item]) => old.has(k) && !same(old.get(k)!, item)).map(([k]) => k),
    removed: [...old.keys()].filter((k) => !now.has(k)),
  };
}

function datesMoved(previous: PublishedState, current: PublishedState): PublishDiff["datesMoved"] {
  const before = new Map(Object.values(previous.feeds).flat().map((item) => [item.id, item.published]));
  const moved = new Map<string, { id: string; from: string; to: string }>();
  for (const item of Object.values(current.feeds).flat()) {
    const was = before.get(item.id);
    if (was !== undefined && !sameInstant(was, item.published)) moved.set(item.id, { id: item.id, from: was, to: item.published });
  }
  return [...moved.values()];
}

const sameInstant = (a: string, b: string) => a === b || Date.parse(a) === Date.parse(b);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** How the report names the build cache's record of the last build, as a source. */
export const LAST_BUILD = "the last build (build cache)";

/** The diff of a build that publishes exactly what the last one did. */
export function unchangedDiff(source: string): PublishDiff {
  return { previous: source, feeds: {}, news: { added: [], changed: [], removed: [] }, idsChanged: [], datesMoved: [], totals: { added: 0, changed: 0, removed: 0 } };
}
