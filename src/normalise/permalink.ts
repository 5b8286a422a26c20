/** Expands URL patterns (src/permalinks.ts) for one article. */
import { TOKEN, type PermalinkToken } from "../permalinks.js";
import { encodeSegment } from "./paths.js";

/**
 * The path a pattern gives for one article, percent-encoded once (each value as a segment, NFC first). A segment
 * that is only :category or :section vanishes when the article has no category, so `/:category/:slug` is `/slug`.
 */
export function expandPermalink(pattern: string, values: Record<PermalinkToken, string>): string {
  const segments = pattern.split("/").flatMap((segment) => {
    if (segment === ":category") return values.category === "" ? [] : values.category.split("/").map(encodeSegment);
    if (segment === ":section" && values.section === "") return [];
    return [segment.replace(TOKEN, (_, name: PermalinkToken) => (name === "category" ? values.category.split("/").map(encodeSegment).join("/") : encodeSegment(values[name])))];
  });
  const path = segments.join("/").replace(/\/{2,}/g, "/");
  return path.startsWith("/") ? path : `/${path}`;
}
