/**
 * URL patterns, as Hugo's `permalinks` and Jekyll's `permalink` write them: `/:category/:slug`, `/:year/:month/:day/:slug/`,
 * `/news/:section/:filename.html`. A token stands for one part of the article; a trailing slash is kept as written.
 * The config validates patterns with this module and normalise/permalink.ts expands them.
 */

/** What each token stands for. */
export const PERMALINK_TOKENS = {
  year: "the publication year in the site's zone, four digits",
  month: "the publication month, two digits",
  day: "the publication day, two digits",
  slug: "the slug (the slug field, else the article's file or bundle name)",
  filename: "the article's file name without extension (a page bundle's folder name)",
  category: "the whole category path (sports/cricket); nothing when there is none",
  section: "the first folder of the article's file below the articles folder (Hugo's section: content/sports/… → sports); nothing for a file at the top",
} as const;

export type PermalinkToken = keyof typeof PERMALINK_TOKENS;

/** patrika's own URL scheme: the category path, then the slug, with no trailing slash. */
export const DEFAULT_PERMALINK = "/:category/:slug";

/** A token in a pattern. */
export const TOKEN = /:([a-z]+)/g;
/** A pattern: from the root, RFC 3986 path characters and tokens only (no query, fragment or dot segments). */
const PATTERN = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|:[a-z]+)*$/;

/** Why a pattern cannot be used, or undefined when it can. */
export function permalinkProblem(pattern: string): string | undefined {
  if (!PATTERN.test(pattern)) return "a path from the site root: letters, digits, - . _ ~ / and tokens such as :slug";
  const unknown = [...pattern.matchAll(TOKEN)].map((m) => m[1]!).filter((name) => !(name in PERMALINK_TOKENS));
  if (unknown.length > 0) return `known tokens only (${Object.keys(PERMALINK_TOKENS).map((t) => `:${t}`).join(" ")}), not :${unknown.join(", :")}`;
  if (!/:(slug|filename)\b/.test(pattern)) return "a pattern with :slug or :filename, so that two articles never share a URL";
  if (/(^|\/)\.\.?(\/|$)/.test(pattern)) return "no . or .. segments";
  return undefined;
}

