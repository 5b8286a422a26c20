import type { SiteConfig } from "./config/schema.js";
import type { Diagnostic } from "./diagnostics.js";
import type { DatePrecision } from "./dates/index.js";

export type { SiteConfig } from "./config/schema.js";

/** An instant as the article states it, kept with its local ISO form so renderers never recompute the zone. */
export interface ArticleDate {
  /** ISO 8601 with the site zone's offset, e.g. `2025-07-13T17:28:00+06:00`. */
  iso: string;
  instant: Date;
  precision: DatePrecision;
}

export interface ArticleImage {
  /** Absolute http(s) URL, percent-encoded. */
  url: string;
  caption?: string;
  credit?: string;
  /** Size in bytes, when the front matter gives it (RSS enclosures need it). */
  length?: number;
}

/**
 * Where an article's Markdown body is. Bodies are read only for the articles a feed renders (most articles of an
 * archive never are), by an explicit step of the build (load/bodies.ts); an in-memory article carries its text.
 * `blob` is the git blob id of the file's bytes when the build cache knows it: with the offset it names the body
 * exactly, so a body rendered before is found without reading the file again.
 */
export type BodySource = { text: string } | { path: string; offset: number; blob?: string };

/** One article after validation: every field typed, cleaned of XML-illegal characters, its URL and id fixed. */
export interface Article {
  /** The file as shown in messages (articles folder + relative path). */
  file: string;
  /** POSIX path below the articles folder. */
  relativePath: string;
  /** Permanent id for guid / atom:id: the `id` field, or a tag URI (see docs/urls-and-ids.md). */
  id: string;
  /** Whether patrika minted the id (no `id` field): only a minted id can be kept across a rename. */
  idMinted: boolean;
  title: string;
  slug: string;
  /** Category path as written (segments separated by /), if any. */
  category?: string;
  /** Canonical absolute URL, percent-encoded. */
  url: string;
  published: ArticleDate;
  updated?: ArticleDate;
  authors: string[];
  tags: string[];
  summary?: string;
  image?: ArticleImage;
  /** When it is withdrawn from every output (Hugo's expiryDate), if ever. */
  expires?: ArticleDate;
  /** Where its Markdown body is (not the text itself: see BodySource). */
  body: BodySource;
}

/** An article that goes into the feeds, with its body rendered to sanitised HTML. */
export interface FeedItem extends Article {
  html: string;
  /** Plain text for RSS `description` / Atom `summary`: the summary, else the body's first paragraph. */
  description: string;
}

/** One feed (a channel): the site's main feed, or one category's. Every feed format renders from this. */
export interface Feed<Item extends Article = FeedItem> {
  /** Folder of its files below the output folder, as written on disk: "" for the main feed, "sports/" for a category. */
  folder: string;
  /** The same folder as a URL path, percent-encoded. */
  urlFolder: string;
  /** The category it is for, if any. */
  category?: string;
  title: string;
  description: string;
  /** The page the feed stands for: the home page, or the category page. */
  homeUrl: string;
  /** The newest `feedSize` articles (bodies rendered, once the build has read them). */
  items: Item[];
  /** Newest updated-or-published time of its articles (or now when it has none). */
  updated: ArticleDate;
}

/**
 * One archived page of the main Atom feed (RFC 5005 §4): page 1 holds the oldest `feedSize` articles, page 2 the
 * next, and so on; only full pages are archived, so a page never changes once written (the newest articles, which
 * do not fill a page yet, are in the current feed).
 */
export interface ArchivePage<Item extends Article = FeedItem> {
  /** 1-based; the file is archive/<number>.xml. */
  number: number;
  /** Oldest first, as the page was filled. */
  items: Item[];
  updated: ArticleDate;
}

/** A category page, listed in the sitemap. */
export interface CategoryPage {
  category: string;
  url: string;
  lastmod: ArticleDate;
}

/**
 * Everything the renderers need, decided once: which articles, in which order, and the news window. Assembled with
 * plain Articles in its feeds (`Site<Article>`), then given the feed items' rendered bodies (`Site`).
 */
export interface Site<Item extends Article = FeedItem> {
  config: SiteConfig;
  /** The build's notion of now, in the site zone. */
  now: ArticleDate;
  /** Published articles (not drafts, not scheduled), newest first. */
  articles: Article[];
  /** The site's main feed. */
  feed: Feed<Item>;
  /** One feed per category (with its subcategories' articles), when config.categoryFeeds is on. */
  categoryFeeds: Feed<Item>[];
  /** Category pages, in path order. */
  categories: CategoryPage[];
  /** RFC 5005 archive pages of the main feed, oldest first (empty unless config.archive). */
  archive: ArchivePage<Item>[];
  /** Google News: articles published in the window, newest first (split into files of 1,000 when rendered). */
  news: { start: ArticleDate; end: ArticleDate; items: Article[] };
  /** Newest updated-or-published time of any article (or now when there is none): the feeds' build date. */
  updated: ArticleDate;
  /** Articles left out on purpose: drafts, scheduled after now, expired by now, and files that are no articles (Hugo list pages). */
  excluded: { drafts: string[]; scheduled: string[]; expired: string[]; notArticles: string[] };
}

/** What a feed's renderers read of the site: its config, its main feed (links, title) and its archive pages (Atom links the newest). */
export type FeedSite = Pick<Site, "config" | "feed" | "archive">;

/** One written output file. */
export interface OutputFile {
  name: string;
  /** How many items, entries or URLs it holds. */
  count: number;
  bytes: number;
  /** Left as the last build wrote it: its inputs did not change (incremental rendering), so it was not rewritten. */
  kept?: true;
}

/** What build() and check() return; the library never prints, the CLI turns this into text and an exit code. */
export interface BuildReport {
  /** `ok`: outputs written (or, for check, input valid); `invalid`: article errors, nothing written; `config-error`: config or usage problem. */
  status: "ok" | "invalid" | "config-error" | "write-error";
  diagnostics: Diagnostic[];
  site?: Site;
  files: OutputFile[];
  articlesFound: number;
  /** Articles whose normalised form came from the build cache, unread. */
  articlesFromCache: number;
  /** Threads that read and normalised the other articles (1 unless worker threads paid off). */
  threads: number;
  /** The build found nothing changed since the last one and rewrote at most patrika-report.json (no site then). */
  upToDate?: boolean;
  /**
   * The build only re-rendered the feeds its edited files are in, from the last build's records: each edit kept the
   * file's front matter (build/delta.ts). No site then; what the CLI prints, and the feeds it pings the hub about.
   */
  delta?: { edited: number; now: string; config: SiteConfig; feeds: { urlFolder: string }[] };
  /** The range of nows [from, until) over which the same input gives the same output (ms since 1970). */
  stableNow?: { from: number; until: number };
  /** Article files left out because of errors (only with skipInvalid). */
  skipped: string[];
  /** The folders used: option, else config, else the defaults `articles` and `output`. */
  paths: { articlesDir: string; outDir: string };
  /** After a write error: whether the output folder is exactly as before (false only when putting it back failed too). */
  outputUntouched?: boolean;
  /** What this build publishes, as the next build will compare it. */
  published?: PublishedState;
  /** What changed for readers since the previous publish; absent when nothing is known of one. */
  publish?: PublishDiff;
}

/** One feed item as a reader keeps it: its id, where it links, its headline and dates, and a hash of all it shows. */
export interface PublishedItem {
  id: string;
  url: string;
  title: string;
  published: string;
  updated?: string;
  /** sha256 of the item as JSON Feed renders it (absent when only a reader's view of the feed is known). */
  content?: string;
}

/** One news sitemap entry. */
export interface PublishedNews {
  url: string;
  title: string;
  published: string;
}

/** Everything a build published that readers and Google News remember. */
export interface PublishedState {
  /** The host in the ids patrika minted (tag:HOST,…), when any were. */
  idHost?: string;
  /** Items per feed, by the feed's folder ("" for the main feed, "sports/" for a category). */
  feeds: Record<string, PublishedItem[]>;
  /** Only the main feed is known (a feed named by --previous): the category feeds are not compared. */
  mainOnly?: boolean;
  news: PublishedNews[];
}

/** How one feed (or the news sitemap) changed: ids (or URLs) added, changed in place, removed. */
export interface FeedDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

/** A story whose id is not the one readers have: kept (the old id stays) or changed (readers see it again). */
export interface IdChange {
  from: string;
  to: string;
  url: string;
  file: string;
  kept: boolean;
}

export interface PublishDiff {
  /** Where the previous state came from: the build cache, the output folder, or --previous. */
  previous: string;
  feeds: Record<string, FeedDiff>;
  news: FeedDiff;
  idsChanged: IdChange[];
  /** Stories still published whose publication time moved (a changed timeZone, an edited date). */
  datesMoved: { id: string; from: string; to: string }[];
  /** Totals over every feed: each story counted once. */
  totals: { added: number; changed: number; removed: number };
}
