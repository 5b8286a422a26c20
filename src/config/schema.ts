import { z } from "zod";

/** The default zone: Bangladesh publishers print Dhaka local time. */
export const DEFAULT_TIME_ZONE = "Asia/Dhaka";
/** How many articles each feed carries by default. */
export const DEFAULT_FEED_SIZE = 50;
/** A feed larger than this is a mistake rather than a choice (readers time out on multi-MB feeds). */
export const MAX_FEED_SIZE = 1000;
/** Publication dates before this are taken for typos (a year of 1025 for 2025) unless the config says otherwise. */
export const DEFAULT_EARLIEST_DATE = "1900-01-01";
/** Scheduling further ahead than this many days is taken for a typo (2052 for 2025). */
export const DEFAULT_MAX_FUTURE_DAYS = 366;

const absoluteHttpUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "an absolute http(s) URL such as https://www.example.com")
  .refine((value) => !/[?#]/.test(value), "a URL without ?query or #fragment");

/** `patrika.config.json`: every key a site can set, with its default. Unknown keys are rejected. */
export const configSchema = z.strictObject({
  /** Editors' completion: the JSON Schema this file follows (ignored by patrika). */
  $schema: z.string().optional(),
  /** Absolute URL of the site's home; article URLs are built below it. */
  siteUrl: absoluteHttpUrl.describe("Absolute URL of the site’s home; article URLs are built below it."),
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
  /** IANA zone in which dates without an offset are read. */
  timeZone: z.string().default(DEFAULT_TIME_ZONE).describe("IANA zone in which dates without an offset are read."),
  /** How many of the newest articles each feed carries. */
  feedSize: z.number().int().min(1).max(MAX_FEED_SIZE).default(DEFAULT_FEED_SIZE).describe("How many of the newest articles each feed carries."),
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

/** The config after validation and defaults: what the pipeline reads. */
export interface SiteConfig {
  /** Site URL without a trailing slash, e.g. `https://www.example.com` or `https://example.com/news`. */
  siteUrl: string;
  title: string;
  description: string;
  language: string;
  publicationName: string;
  timeZone: string;
  feedSize: number;
  earliestDate: string;
  maxFutureDays: number;
  logo?: string;
  icon?: string;
  copyright?: string;
  ttl?: number;
  hub?: string;
  categoryFeeds: boolean;
  archive: boolean;
  /** Articles folder from the config file, already relative to the working directory. */
  articlesDir?: string;
  /** Output folder from the config file, already relative to the working directory. */
  outDir?: string;
}

/** Fills the derived defaults (title from the host, description from the title) and trims the site URL. */
export function resolveConfig(parsed: z.output<typeof configSchema>): SiteConfig {
  const siteUrl = parsed.siteUrl.replace(/\/+$/, "");
  const title = parsed.title ?? parsed.publicationName ?? new URL(siteUrl).hostname;
  return {
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
    archive: parsed.archive,
    ...(parsed.logo ? { logo: parsed.logo } : {}),
    ...(parsed.icon ? { icon: parsed.icon } : {}),
    ...(parsed.copyright ? { copyright: parsed.copyright } : {}),
    ...(parsed.ttl ? { ttl: parsed.ttl } : {}),
    ...(parsed.hub ? { hub: parsed.hub } : {}),
    ...(parsed.articlesDir ? { articlesDir: parsed.articlesDir } : {}),
    ...(parsed.outDir ? { outDir: parsed.outDir } : {}),
  };
}
