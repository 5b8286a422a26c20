import { z } from "zod";

const text = z.string();

/**
 * The front matter an article may carry: the boundary where untyped YAML becomes typed data.
 * Dates stay text here; the date reader turns them into instants. Unknown keys are kept and warned about.
 */
export const frontMatterSchema = z.looseObject({
  title: text,
  date: text,
  updated: text.optional(),
  id: text.optional(),
  slug: text.optional(),
  /** The page's real URL, absolute or from the site root ("/news/flood/"), when the site's own URL scheme is not a pattern. */
  url: text.optional(),
  /** A URL pattern for this article alone (Jekyll's per-page permalink), e.g. "/:year/:month/:slug/". */
  permalink: text.optional(),
  author: z.union([text, z.array(text)]).optional(),
  category: text.optional(),
  tags: z.union([text, z.array(text)]).optional(),
  summary: text.optional(),
  image: z
    .union([text, z.strictObject({ url: text.optional(), caption: text.optional(), credit: text.optional(), length: z.number().int().positive().optional() })])
    .optional(),
  draft: z.boolean().optional(),
  /** After this time the article leaves every output (Hugo's expiryDate). */
  expires: text.optional(),
  /** Where an imported article came from (patrika import writes the input file's name); not published. */
  source: text.optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** Every field patrika reads, for "did you mean" on typos. */
export const KNOWN_FIELDS = Object.keys(frontMatterSchema.shape) as (keyof FrontMatter)[];

/** Fields without which an article cannot be published. */
export const REQUIRED_FIELDS = ["title", "date"] as const;

/** What each field accepts, quoted in error messages. */
export const FIELD_EXPECTATIONS: Record<keyof FrontMatter, string> = {
  title: "the headline as text (quote it if it starts with a digit or holds a colon)",
  date: 'the publication time as text, e.g. "2025-07-13T17:28:00+06:00" or "১৩ জুলাই ২০২৫, ১৭:২৮"',
  updated: 'the time of the last update as text, e.g. "১৪ জুলাই ২০২৫, ১০:০০"',
  id: 'a permanent URI for the article, e.g. "tag:example.com,2025-07-13:flood"',
  slug: "one URL path segment: letters, digits, - _ . ~ (Bengali letters are fine), no / or spaces",
  url: 'the page\'s absolute URL on this site, or its path from the site root, e.g. "/news/flood/"',
  permalink: 'a URL pattern from the site root such as "/:year/:month/:slug/" (tokens :year :month :day :slug :category :section :filename)',
  author: "a name, or a list of names",
  category: 'a path such as "sports" or "bangladesh/dhaka": letters, digits, - _ . ~ and /',
  tags: "a list of words, e.g. [বন্যা, সিলেট]",
  summary: "one paragraph of plain text",
  image: "an absolute http(s) URL, or a mapping with url, caption, credit and length (bytes, for an RSS enclosure)",
  draft: "true or false",
  expires: 'the time after which the article is withdrawn from every output, e.g. "2025-08-01T00:00:00+06:00"',
  source: "the file an imported article came from",
};
