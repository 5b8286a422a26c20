import type { Diagnostic } from "../diagnostics.js";
import { compareText } from "../diagnostics.js";
import { formatIsoInZone } from "../dates/index.js";
import type { ArchivePage, Article, ArticleDate, CategoryPage, Feed, FeedItem, Site, SiteConfig } from "../model.js";
import { NEWS_WINDOW_MS } from "../limits.js";
import { DEFAULT_PERMALINK } from "../permalinks.js";
import { renderBody, type RenderedBody } from "./body.js";
import { encodePath } from "./paths.js";

export interface SiteInput {
  config: SiteConfig;
  now: Date;
  articles: Article[];
  drafts: string[];
  /** Files that are no articles (Hugo list pages), listed in the report. */
  notArticles?: string[];
}

/**
 * Decides what is published where: drops scheduled articles, orders the rest, picks feed, category and news items.
 * The feeds hold plain Articles: their bodies are read and rendered afterwards, for those items only (attachBodies).
 */
export function assembleSite(input: SiteInput): Site<Article> {
  const { config, now } = input;
  const stamp = (instant: Date): ArticleDate => ({ iso: formatIsoInZone(instant, config.timeZone), instant, precision: "second" });
  const at = now.getTime();
  const scheduled = input.articles.filter((a) => a.published.instant.getTime() > at);
  const expired = input.articles.filter((a) => a.published.instant.getTime() <= at && a.expires !== undefined && a.expires.instant.getTime() <= at);
  const published = newestFirst(input.articles.filter((a) => a.published.instant.getTime() <= at && !(a.expires && a.expires.instant.getTime() <= at)));
  const updated = newestUpdate(published) ?? stamp(now);
  const feed: Feed<Article> = {
    folder: "",
    urlFolder: "",
    title: config.title,
    description: config.description,
    homeUrl: `${config.siteUrl}/`,
    items: published.slice(0, config.feedSize),
    updated,
  };

  const byCategory = new Map<string, Article[]>();
  for (const article of published) {
    if (article.category === undefined) continue;
    // An article in bangladesh/dhaka belongs to the bangladesh page and feed too.
    const segments = article.category.split("/");
    for (let depth = 1; depth <= segments.length; depth++) {
      const path = segments.slice(0, depth).join("/");
      const list = byCategory.get(path);
      if (list) list.push(article);
      else byCategory.set(path, [article]);
    }
  }
  const paths = [...byCategory.keys()].sort(compareText);
  const pageUrl = categoryPageUrl(config);
  const lastmodOf = (category: string) => newestUpdate(byCategory.get(category)!)!;
  const categories: CategoryPage[] = pageUrl ? paths.map((category) => ({ category, url: pageUrl(category), lastmod: lastmodOf(category) })) : [];
  const categoryFeeds: Feed<Article>[] = !config.categoryFeeds
    ? []
    : paths.map((category) => ({
        folder: `${category}/`,
        urlFolder: `${encodePath(category.split("/"))}/`,
        category,
        title: `${config.title}: ${config.categories?.[category]?.title ?? category}`,
        description: config.categories?.[category]?.description ?? config.description,
        homeUrl: pageUrl ? pageUrl(category) : feed.homeUrl,
        items: byCategory.get(category)!.slice(0, config.feedSize),
        updated: lastmodOf(category),
      }));

  const archive: ArchivePage<Article>[] = [];
  if (config.archive) {
    const oldestFirst = [...published].reverse();
    for (let start = 0; start + config.feedSize <= oldestFirst.length; start += config.feedSize) {
      const page = oldestFirst.slice(start, start + config.feedSize);
      archive.push({ number: archive.length + 1, items: page, updated: newestUpdate(page)! });
    }
  }

  const windowStart = new Date(now.getTime() - NEWS_WINDOW_MS);
  const newsItems = published.filter((a) => a.published.instant.getTime() >= windowStart.getTime());
  return {
    config,
    now: stamp(now),
    articles: published,
    feed,
    categoryFeeds,
    categories,
    archive,
    news: { start: stamp(windowStart), end: stamp(now), items: newsItems },
    updated,
    excluded: {
      drafts: [...input.drafts].sort(compareText),
      scheduled: scheduled.map((a) => a.file).sort(compareText),
      expired: expired.map((a) => a.file).sort(compareText),
      notArticles: [...(input.notArticles ?? [])].sort(compareText),
    },
  };
}

/** The site's URL pattern for articles outside any listed section. */
/**
 * The URL of a category's page on the site, or undefined when the site has none (`categoryPages: false`). By default
 * `/:category`, ending as the site's article URLs do: a site whose pages end in "/" serves /sports/, not /sports.
 */
function categoryPageUrl(config: SiteConfig): ((category: string) => string) | undefined {
  if (config.categoryPages === false) return undefined;
  const pattern = config.categoryPages ?? `/:category${mainPattern(config).endsWith("/") ? "/" : ""}`;
  return (category) => `${config.siteUrl}${pattern.replace(":category", encodePath(category.split("/")))}`;
}

function mainPattern(config: SiteConfig): string {
  const { permalink } = config;
  return typeof permalink === "string" ? permalink : (permalink?.["*"] ?? DEFAULT_PERMALINK);
}

/**
 * Renders one article's body. `markdown` gives its Markdown: a renderer that remembers results by the body's name
 * (BodySource's blob) answers without it, so the file is not read.
 */
export type BodyRenderer = (article: Article, markdown: () => string) => RenderedBody;

const renderMarkdown: BodyRenderer = (article, markdown) => renderBody(markdown(), article.url);

/**
 * The site with every feed item's body rendered (sanitised HTML and a plain-text excerpt), each once however many
 * feeds carry it. `bodyOf` gives an article's Markdown (load/bodies.ts readBody, or a map in tests); `render` is
 * renderBody or one that remembers its results (the build's, across builds).
 */
export function attachBodies(site: Site<Article>, bodyOf: (article: Article) => string, render: BodyRenderer = renderMarkdown): Site {
  const rendered = new Map<Article, FeedItem>();
  const toItem = (article: Article): FeedItem => {
    let item = rendered.get(article);
    if (!item) {
      const { html, excerpt } = render(article, () => bodyOf(article));
      item = { ...article, html, description: article.summary ?? excerpt };
      rendered.set(article, item);
    }
    return item;
  };
  const feedOf = (feed: Feed<Article>): Feed => ({ ...feed, items: feed.items.map(toItem) });
  return {
    ...site,
    feed: feedOf(site.feed),
    categoryFeeds: site.categoryFeeds.map(feedOf),
    archive: site.archive.map((page) => ({ ...page, items: page.items.map(toItem) })),
  };
}

/**
 * The range of nows [from, until) over which these articles give the same site, apart from now itself: it ends
 * where a scheduled article comes out or one enters or leaves the news window, and begins no earlier than the
 * last such moment before `now`, nor before any article's date stops being implausibly far ahead.
 */
const MAX_TIME = 8.64e15; // the largest instant a Date holds

export function stableNowRange(articles: readonly Article[], now: Date, maxFutureDays: number): { from: number; until: number } {
  const at = now.getTime();
  if (articles.length === 0) return { from: at, until: at + 1 }; // the feeds' date is now itself
  let from = -MAX_TIME; // finite bounds: the range is kept as JSON
  let until = MAX_TIME;
  for (const article of articles) {
    const published = article.published.instant.getTime();
    // In the feeds from now >= published; in the news window while now <= published + window.
    // An article withdrawn at its expiry leaves every output then.
    // An update after publication ends the warning that it lies after now (article.updated-after-now).
    const updatedLater = article.updated && article.updated.instant.getTime() > published ? [article.updated.instant.getTime()] : [];
    for (const change of [published, published + NEWS_WINDOW_MS + 1, ...(article.expires ? [article.expires.instant.getTime()] : []), ...updatedLater]) {
      if (change <= at) from = Math.max(from, change);
      else until = Math.min(until, change);
    }
    const latest = Math.max(published, article.updated?.instant.getTime() ?? -Infinity);
    from = Math.max(from, latest - maxFutureDays * 86_400_000);
  }
  return { from, until };
}

/**
 * The newest updated-or-published time among articles (the first of equals). A plain loop keeping the newest time
 * as a number: reduce() comparing two getTime() calls per article was 2.5% of an edited 100,000-article build.
 */
function newestUpdate(articles: readonly Article[]): ArticleDate | undefined {
  let latest: ArticleDate | undefined;
  let latestMs = -Infinity;
  for (const article of articles) {
    const candidate = article.updated ?? article.published;
    const ms = candidate.instant.getTime();
    if (latest === undefined || ms > latestMs) {
      latest = candidate;
      latestMs = ms;
    }
  }
  return latest;
}

/**
 * Newest first; equal times fall back to the URL so the order never depends on the file system. The times are
 * read once into a typed array: a comparator calling getTime() twice per comparison was 3% of a 100,000-article build.
 */
function newestFirst(articles: Article[]): Article[] {
  const times = new Float64Array(articles.length);
  for (let i = 0; i < articles.length; i++) times[i] = articles[i]!.published.instant.getTime();
  const order = Array.from(articles.keys());
  order.sort((a, b) => times[b]! - times[a]! || compareText(articles[a]!.url, articles[b]!.url));
  return order.map((i) => articles[i]!);
}

/**
 * Two articles at one URL (or with one id) would overwrite each other in every reader: the later file (in path
 * order) gets the error, and the message names the earlier one.
 */
export function findCollisions(articles: readonly Article[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Loaded articles come in path order already; sort only when a caller passes them otherwise.
  const sorted = articles.every((article, i) => i === 0 || compareText(articles[i - 1]!.file, article.file) <= 0);
  const inPathOrder = sorted ? articles : [...articles].sort((a, b) => compareText(a.file, b.file));
  for (const [key, code, label] of [
    ["url", "article.duplicate-url", "URL"],
    ["id", "article.duplicate-id", "id"],
  ] as const) {
    const seen = new Map<string, Article>();
    for (const article of inPathOrder) {
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
  diagnostics.push(...categoryCaseWarnings(inPathOrder));
  return diagnostics;
}

/**
 * Categories that differ only in case ("Sports" and "sports") are two folders, two feeds and, on a case-insensitive
 * disk, one folder overwritten: probably one category typed two ways. A warning, once per spelling, at its first article.
 */
function categoryCaseWarnings(articles: readonly Article[]): Diagnostic[] {
  const firstSpelling = new Map<string, Article>();
  const warned = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const article of articles) {
    if (article.category === undefined) continue;
    const folded = article.category.toLowerCase();
    const first = firstSpelling.get(folded);
    if (!first) firstSpelling.set(folded, article);
    else if (first.category !== article.category && !warned.has(article.category)) {
      warned.add(article.category);
      warnings.push({
        code: "article.category-case",
        severity: "warning",
        file: article.file,
        line: 1,
        field: "category",
        message: `the category "${article.category}" differs from "${first.category}" (${first.file}) only in upper and lower case, so it makes a second folder and feed`,
        found: article.category,
        expected: `one spelling for one category, such as "${first.category}"`,
      });
    }
  }
  return warnings;
}
