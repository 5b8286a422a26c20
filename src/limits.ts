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

/**
 * Front matter over this many bytes is refused before the YAML parser sees it: a year of real articles has none over
 * 20 KiB, and a parser handed megabytes holds a CI job for seconds (patrika).
 */
export const MAX_FRONT_MATTER_BYTES = 256 * 1024;

/**
 * Front matter whose values, with every YAML alias (*name) expanded, come to more than this many characters and
 * entries is refused: a few lines of anchors can stand for gigabytes (the "billion laughs"), which would hang the build (patrika).
 */
export const MAX_FRONT_MATTER_EXPANDED = 1_000_000;

/** Lists or mappings nested deeper than this in front matter or the config are a mistake, and deep enough to overflow the stack (patrika). */
export const MAX_NESTING_DEPTH = 32;

/** A headline longer than this is a pasted body or a runaway export, not a title (patrika; Google News shows about 110). */
export const MAX_TITLE_LENGTH = 1000;

/** Any other front-matter text (summary, author, caption) longer than this is a paste mistake (patrika). */
export const MAX_FIELD_LENGTH = 20_000;
