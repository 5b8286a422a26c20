import { z } from "zod";
import { FEED_SIZE } from "../limits.js";
import { permalinkProblem } from "../permalinks.js";
import { DEFAULT_TIME_ZONE } from "../dates/index.js";

// The default zone is the date reader's (Bangladesh publishers print Dhaka local time); re-exported for callers.
export { DEFAULT_TIME_ZONE };
/** Publication dates before this are taken for typos (a year of 1025 for 2025) unless the config says otherwise. */
const DEFAULT_EARLIEST_DATE = "1900-01-01";
/** Scheduling further ahead than this many days is taken for a typo (2052 for 2025). */
const DEFAULT_MAX_FUTURE_DAYS = 366;

/** A URL patrika links to: absolute http(s) with a host, written without surrounding spaces. */
const absoluteHttpUrl = z
  .string()
  .refine((value) => value === value.trim(), "a URL without spaces before or after it")
  .refine((value) => {
    const url = parseUrl(value);
    return url !== undefined && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  }, "an absolute http(s) URL such as https://www.example.com")
  .refine((value) => !/[?#]/.test(value), "a URL without ?query or #fragment");

/** The site's own URL: a linked URL that also carries no user name or password (they would be published in every link). */
const siteUrl = absoluteHttpUrl.refine((value) => {
  const url = parseUrl(value);
  return url === undefined || (url.username === "" && url.password === "");
}, "a URL without a user name or password");

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** A URL pattern (src/permalinks.ts); its message says what is wrong with it. */
const permalinkPattern = z.string().superRefine((value, context) => {
  const problem = permalinkProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** A category's name and description for readers: the path stays in the URL, the title is what feeds show. */
const categoryInfo = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1).optional(),
});

/** `patrika.config.json`: every key a site can set, with its default. Unknown keys are rejected. */
export const configSchema = z.strictObject({
  /** Editors' completion: the JSON Schema this file follows (ignored by patrika). */
  $schema: z.string().optional(),
  /** Absolute URL of the site's home; article URLs are built below it. */
  siteUrl: siteUrl.describe("Absolute URL of the site’s home; article URLs are built below it."),
  /** Feed title; defaults to the publication name, then the site's host name. */
  title: z.string().trim().min(1).optional().describe("Feed title; defaults to publicationName, then the site’s host name."),
  /** Feed description; defaults to the title. */
  description: z.string().trim().min(1).optional().describe("Feed description; defaults to the title."),
  /** BCP 47 language of the articles (ISO 639 code for Google News). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language code such as bn or bn-BD")
    .default("bn").describe("Language code of the articles (news sitemap uses its ISO 639 part)."),
  /** The name Google News knows the publication by; defaults to the title. */
  publicationName: z.string().trim().min(1).optional().describe("The name Google News knows the publication by."),
  /** Which Bangla calendar বঙ্গাব্দ dates are read in; default from the zone (Asia/Kolkata: west-bengal, else bangladesh). */
  banglaCalendar: z
    .enum(["bangladesh", "west-bengal"])
    .optional()
    .describe("Bangla calendar of বঙ্গাব্দ dates: bangladesh (revised, 1 Boishakh = 14 April) or west-bengal; default from timeZone."),
  /** IANA zone in which dates without an offset are read. */
  timeZone: z.string().default(DEFAULT_TIME_ZONE).describe("IANA zone in which dates without an offset are read."),
  /** How many of the newest articles each feed carries. */
  feedSize: z.number().int().min(FEED_SIZE.min).max(FEED_SIZE.max).default(FEED_SIZE.default).describe("How many of the newest articles each feed carries."),
  /** The publication's logo (RSS channel image, Atom logo, JSON Feed icon): an absolute URL. */
  logo: absoluteHttpUrl.optional().describe("Absolute URL of the publication’s logo."),
  /** A small square icon (Atom icon, JSON Feed favicon): an absolute URL. */
  icon: absoluteHttpUrl.optional().describe("Absolute URL of a small square icon."),
  /** Copyright line for RSS copyright and Atom rights. */
  copyright: z.string().trim().min(1).optional().describe("Copyright line (RSS copyright, Atom rights)."),
  /** Minutes a reader may cache the RSS feed (RSS ttl). */
  ttl: z.number().int().min(1).max(10080).optional().describe("Minutes a reader may cache the RSS feed."),
  /** WebSub hub URL announced in every feed. */
  hub: absoluteHttpUrl.optional().describe("WebSub hub URL announced in every feed."),
  /** The article URL pattern, or one per section (the article's first folder, as Hugo's permalinks) with "*" for the rest. */
  permalink: z
    .union([permalinkPattern, z.record(z.string(), permalinkPattern)])
    .optional()
    .describe('URL pattern of articles below siteUrl, e.g. "/:category/:slug/" or "/:year/:month/:day/:slug"; or one per section (the first folder below the articles folder), with "*" for the rest. Default "/:category/:slug".'),
  /** The host minted ids carry, when it is not siteUrl's: after a move, the old host keeps every id. */
  idHost: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, "a host name such as www.example.com (punycode for a Bengali host)")
    .optional()
    .describe("Host used in minted ids (tag:HOST,date:name) instead of siteUrl's; set it to the old host when the site moves, so no reader sees old stories again."),
  /** Display names of categories, by category path. */
  categories: z
    .record(z.string(), categoryInfo)
    .optional()
    .describe('Names readers see for categories, by path: { "sports": { "title": "খেলা", "description": "…" } }.'),
  /** The preview page's file name (build --preview). */
  previewFile: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.html$/, "a file name ending in .html, such as index.html")
    .default("index.html")
    .describe("File name of the preview page written by --preview (default index.html); choose another when the output folder is a site whose index.html another tool writes."),
  /**
   * Where the site serves its category pages, as a path with `:category` (default `/:category`, ending in "/" when the
   * article URLs do), or false for a site that has none: they are then left out of the sitemap, and category feeds
   * link to the home page, so no URL patrika publishes is a page the site does not have.
   */
  categoryPages: z
    .union([
      z.literal(false),
      z.string().regex(/^\/([A-Za-z0-9._~/-]*):category\b[A-Za-z0-9._~/-]*$/, "a path from the site root with :category, such as /category/:category/"),
    ])
    .optional()
    .describe("Where the site's category pages are (a path with :category, default /:category), or false when it has none."),
  /**
   * Write the general sitemap (sitemap.xml, its parts and sitemap-index.xml); default true. Off for a site whose
   * generator writes its own (@astrojs/sitemap, Hugo, jekyll-sitemap): patrika never replaces another tool's file, so
   * the two would clash. The Google News sitemap, which those tools lack, is written either way.
   */
  sitemap: z.boolean().default(true).describe("Write sitemap.xml and sitemap-index.xml (off when the site generator writes its own; the news sitemap is always written)."),
  /** Write per-category feeds (output/<category>/rss.xml, atom.xml, feed.json); default true. */
  categoryFeeds: z.boolean().default(true).describe("Write rss.xml, atom.xml and feed.json per category."),
  /** Write RFC 5005 archive pages of the Atom feed (output/archive/N.xml) so readers can fetch every article. */
  archive: z.boolean().default(false).describe("Write RFC 5005 archive pages of the Atom feed."),
  /** The articles folder, relative to the config file; --articles overrides it. */
  articlesDir: z.string().trim().min(1).optional().describe("Folder of Markdown articles, relative to this file (default articles); --articles overrides it."),
  /** The output folder, relative to the config file; --out overrides it. */
  outDir: z.string().trim().min(1).optional().describe("Output folder, relative to this file (default output); --out overrides it."),
  /** Dates before this day (YYYY-MM-DD, local) are refused as implausible. */
  earliestDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 1971-12-16").default(DEFAULT_EARLIEST_DATE).describe("Dates before this day (YYYY-MM-DD) are refused as typos."),
  /** Dates more than this many days after now are refused as implausible. */
  maxFutureDays: z.number().int().min(0).max(36500).default(DEFAULT_MAX_FUTURE_DAYS).describe("Dates more than this many days after now are refused as typos."),
});

/** The config as written in the file (all optional keys optional). */
export type ConfigInput = z.input<typeof configSchema>;

/**
 * Fills the derived defaults (title from the host, description from the title) and canonicalises the site URL as
 * WHATWG URL parsing does (a Unicode host in punycode, the path percent-encoded, no trailing slash), so every `<loc>`
 * and every id is built from the same form.
 */
function resolveConfig(parsed: z.output<typeof configSchema>) {
  const url = new URL(parsed.siteUrl);
  const siteUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  const title = parsed.title ?? parsed.publicationName ?? url.hostname;
  return {
    /** Site URL without a trailing slash, e.g. `https://www.example.com` or `https://example.com/news`. */
    siteUrl,
    title,
    description: parsed.description ?? title,
    language: parsed.language,
    publicationName: parsed.publicationName ?? title,
    timeZone: parsed.timeZone,
    feedSize: parsed.feedSize,
    earliestDate: parsed.earliestDate,
    maxFutureDays: parsed.maxFutureDays,
    categoryFeeds: parsed.categoryFeeds,
    sitemap: parsed.sitemap,
    ...(parsed.categoryPages !== undefined ? { categoryPages: parsed.categoryPages } : {}),
    previewFile: parsed.previewFile,
    ...(parsed.permalink ? { permalink: parsed.permalink } : {}),
    ...(parsed.idHost ? { idHost: parsed.idHost.toLowerCase() } : {}),
    ...(parsed.categories ? { categories: parsed.categories } : {}),
    archive: parsed.archive,
    /** Absent: the date reader's default for the zone. */
    ...(parsed.banglaCalendar ? { banglaCalendar: parsed.banglaCalendar } : {}),
    ...(parsed.logo ? { logo: parsed.logo } : {}),
    ...(parsed.icon ? { icon: parsed.icon } : {}),
    ...(parsed.copyright ? { copyright: parsed.copyright } : {}),
    ...(parsed.ttl ? { ttl: parsed.ttl } : {}),
    ...(parsed.hub ? { hub: parsed.hub } : {}),
    /** Articles folder from the config file, already relative to the working directory once loaded. */
    ...(parsed.articlesDir ? { articlesDir: parsed.articlesDir } : {}),
    /** Output folder from the config file, already relative to the working directory once loaded. */
    ...(parsed.outDir ? { outDir: parsed.outDir } : {}),
  };
}

/** The config as validated, with its derived defaults: what the pipeline reads. */
export const siteConfigSchema = configSchema.transform(resolveConfig);

/** The config after validation and defaults, inferred from siteConfigSchema. */
export type SiteConfig = z.output<typeof siteConfigSchema>;
