/** URL path rules for slugs and categories: what may appear, and how it is encoded (RFC 3986). */

/** The sitemap protocol's limit on a `<loc>` (sitemaps.org, "Sitemap XML format": less than 2,048 characters). */
export const MAX_URL_LENGTH = 2048;

// Letters and marks of any script (Bengali vowel signs are marks), digits, ZWNJ/ZWJ (they change Bengali
// conjuncts), and RFC 3986 unreserved punctuation. No dot at either end, so "." and ".." can never form.
const SEGMENT = /^[\p{L}\p{M}\p{N}_~\u200C\u200D-](?:[\p{L}\p{M}\p{N}._~\u200C\u200D-]*[\p{L}\p{M}\p{N}_~\u200C\u200D-])?$/u;

/** Whether `segment` can be one path segment of a URL without surprises. */
export function isValidSegment(segment: string): boolean {
  return SEGMENT.test(segment) && !segment.includes("..");
}

/** Percent-encodes one segment as UTF-8 (NFC first, so the same word always gives the same URL). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.normalize("NFC"));
}

/** A path of segments ("bangladesh/dhaka") as a URL path, each segment percent-encoded. */
export function encodePath(segments: readonly string[]): string {
  return segments.map(encodeSegment).join("/");
}

/** Names of files patrika writes at the site root (index.html with --preview): an article or category there would collide with them. */
const RESERVED = /^(rss\.xml|atom\.xml|feed\.json|(news-)?sitemap(-\d+|-index)?\.xml|patrika-report\.json|index\.html)$/i;

/** Whether a top-level URL segment is taken by one of patrika's own output files. */
export function isReservedSegment(segment: string): boolean {
  return RESERVED.test(segment);
}
