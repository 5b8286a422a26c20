/** URL path rules for slugs and categories: what may appear, and how it is encoded (RFC 3986). */

// Letters and marks of any script (Bengali vowel signs are marks), digits, ZWNJ/ZWJ (they change Bengali
// conjuncts), and RFC 3986 unreserved punctuation. No dot at either end, so "." and ".." can never form.
const SEGMENT = /^[\p{L}\p{M}\p{N}_~\u200C\u200D-](?:[\p{L}\p{M}\p{N}._~\u200C\u200D-]*[\p{L}\p{M}\p{N}_~\u200C\u200D-])?$/u;

/** Whether `segment` can be one path segment of a URL without surprises. */
export function isValidSegment(segment: string): boolean {
  // Joiners alone (ZWJ, ZWNJ) are letters' glue, not a name: such a segment shows as an empty path.
  return SEGMENT.test(segment) && !segment.includes("..") && /[^\u200C\u200D]/.test(segment);
}

/** Percent-encodes one segment as UTF-8 (NFC first, so the same word always gives the same URL). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.normalize("NFC"));
}

/** A path of segments ("bangladesh/dhaka") as a URL path, each segment percent-encoded. */
export function encodePath(segments: readonly string[]): string {
  return segments.map(encodeSegment).join("/");
}
