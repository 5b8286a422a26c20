import type { Diagnostic } from "../diagnostics.js";
import { compareText } from "../diagnostics.js";
import { formatIsoInZone } from "../dates/index.js";
import type { Article, ArticleDate, FeedItem, Site, SiteConfig } from "../model.js";
import { renderBody } from "./body.js";

/** Google News crawls articles published in the last two days (Google Search Central, "News sitemaps"). */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** At most 1,000 `news:news` entries per news sitemap (same source). */
export const MAX_NEWS_URLS = 1000;

export interface SiteInput {
  config: SiteConfig;
  now: Date;
  articles: Article[];
  drafts: string[];
}

/** Decides what is published where: drops scheduled articles, orders the rest, picks feed and news items. */
export function assembleSite(input: SiteInput): Site {
  const { config, now } = input;
  const stamp = (instant: Date): ArticleDate => ({ iso: formatIsoInZone(instant, config.timeZone), instant, precision: "second" });
  const scheduled = input.articles.filter((a) => a.published.instant.getTime() > now.getTime());
  const published = input.articles
    .filter((a) => a.published.instant.getTime() <= now.getTime())
    .sort(newestFirst);

  const feedItems: FeedItem[] = published.slice(0, config.feedSize).map((article) => {
    const { html, excerpt } = renderBody(article.body, article.url);
    return { ...article, html, description: article.summary ?? excerpt };
  });
  const windowStart = new Date(now.getTime() - NEWS_WINDOW_MS);
  const newsItems = published
    .filter((a) => a.published.instant.getTime() >= windowStart.getTime())
    .slice(0, MAX_NEWS_URLS);
  const newest = published.reduce<ArticleDate | undefined>((latest, article) => {
    const candidate = article.updated ?? article.published;
    return !latest || candidate.instant.getTime() > latest.instant.getTime() ? candidate : latest;
  }, undefined);

  return {
    config,
    now: stamp(now),
    articles: published,
    feedItems,
    news: { start: stamp(windowStart), end: stamp(now), items: newsItems },
    updated: newest ?? stamp(now),
    excluded: { drafts: [...input.drafts].sort(compareText), scheduled: scheduled.map((a) => a.file).sort(compareText) },
  };
}

/** Newest first; equal times fall back to the URL so the order never depends on the file system. */
function newestFirst(a: Article, b: Article): number {
  return b.published.instant.getTime() - a.published.instant.getTime() || compareText(a.url, b.url);
}

/**
 * Two articles at one URL (or with one id) would overwrite each other in every reader: the later file (in path
 * order) gets the error, and the message names the earlier one.
 */
export function findCollisions(articles: readonly Article[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [key, code, label] of [
    ["url", "article.duplicate-url", "URL"],
    ["id", "article.duplicate-id", "id"],
  ] as const) {
    const seen = new Map<string, Article>();
    for (const article of [...articles].sort((a, b) => compareText(a.file, b.file))) {
      const first = seen.get(article[key]);
      if (!first) {
        seen.set(article[key], article);
        continue;
      }
      diagnostics.push({
        code,
        severity: "error",
        file: article.file,
        line: 1,
        field: key === "url" ? "slug" : "id",
        message: `this article has the same ${label} as ${first.file}`,
        found: article[key],
        expected: key === "url" ? "a slug (or category) that no other article uses" : "an id that no other article uses",
        hint: key === "url" ? "set a different slug: in one of the two files" : "set a distinct id: in one of the two files",
      });
    }
  }
  return diagnostics;
}
