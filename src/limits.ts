/**
 * Every limit patrika keeps, each once, with where it comes from. A limit set by a specification cites it; one set by
 * patrika says why. Defaults a site may change live in the config schema (config/schema.ts), not here.
 */

/** Google News crawls articles published in the last two days (Google Search Central, "News sitemaps"). */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** At most 1,000 `news:news` entries per news sitemap (Google Search Central, "News sitemaps"). */
export const MAX_NEWS_URLS = 1000;

/** At most 50,000 URLs per sitemap file (sitemaps.org protocol, "Sitemap index files"). */
export const MAX_SITEMAP_URLS = 50_000;

/** At most 50 MiB (52,428,800 bytes) uncompressed per sitemap file (sitemaps.org protocol). */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** A `<loc>` must be less than 2,048 characters (sitemaps.org, "Sitemap XML format"). */
export const MAX_URL_LENGTH = 2048;

/** An article file over this size is a mistake (a pasted binary, a runaway export), not a news story (patrika). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Feed size bounds: a feed larger than 1,000 items is a mistake rather than a choice (readers time out on multi-MB feeds). */
export const FEED_SIZE = { min: 1, default: 50, max: 1000 } as const;

/** A plain-text excerpt stops near this many characters: feed readers show two or three lines (patrika). */
export const EXCERPT_LENGTH = 300;
