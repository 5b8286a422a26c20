/**
 * What patrika writes, once: every output file's name, folder, format, its label for people and the unit its count is
 * in. The renderers, the writer's order, the preview page, the CLI summary, the hub ping and the names an article may
 * not take are all derived from this table.
 */

export type OutputKey =
  | "rss"
  | "atom"
  | "jsonFeed"
  | "archivePage"
  | "newsSitemap"
  | "newsSitemapIndex"
  | "sitemap"
  | "sitemapIndex"
  | "report"
  | "preview";

/**
 * Where a kind of output lives: `feed` files sit in every feed's folder (the root for the main feed, `sports/` for a
 * category), `root` files only at the top, `archive` pages in the archive folder.
 */
export type OutputFolder = "feed" | "root" | "archive";

export interface OutputKind {
  key: OutputKey;
  /** The file's name; for a split output the first part's (`sitemap.xml`, then `sitemap-2.xml` …). */
  name: string;
  folder: OutputFolder;
  /** Split into numbered parts at a limit (sitemaps) or numbered pages (archive). */
  numbered: boolean;
  format: string;
  /** How the preview page groups it. */
  group: "feed" | "sitemap" | "report" | "page";
  /** What it is, for people reading the preview page (Bengali). */
  label: string;
  /** What its count counts: English singular and plural for the CLI summary, Bengali for the preview page. */
  unit: { one: string; many: string; bn: string };
  /** The media type a feed is announced with (autodiscovery links). */
  mediaType?: string;
  /**
   * Rename order within a build: a file is put in place only after every file it names, so an archive page precedes
   * the Atom feed that links it and a sitemap's parts precede its index; the report, which describes the set, is last.
   */
  order: number;
}

const item = { one: "item", many: "items", bn: "টি খবর" };

/** The table itself. */
export const OUTPUTS: Readonly<Record<OutputKey, OutputKind>> = {
  archivePage: { key: "archivePage", name: "{n}.xml", folder: "archive", numbered: true, format: "Atom 1.0, RFC 5005 archived feed", group: "feed", label: "Atom আর্কাইভ", unit: { ...item, one: "archive page", many: "archive pages" }, order: 0 },
  rss: { key: "rss", name: "rss.xml", folder: "feed", numbered: false, format: "RSS 2.0", group: "feed", label: "RSS ২.০", unit: item, mediaType: "application/rss+xml", order: 1 },
  atom: { key: "atom", name: "atom.xml", folder: "feed", numbered: false, format: "Atom 1.0", group: "feed", label: "Atom ১.০", unit: { ...item, one: "entry", many: "entries" }, mediaType: "application/atom+xml", order: 1 },
  jsonFeed: { key: "jsonFeed", name: "feed.json", folder: "feed", numbered: false, format: "JSON Feed 1.1", group: "feed", label: "JSON Feed", unit: item, mediaType: "application/feed+json", order: 1 },
  newsSitemap: { key: "newsSitemap", name: "news-sitemap.xml", folder: "root", numbered: true, format: "Google News sitemap", group: "sitemap", label: "গুগল নিউজ সাইটম্যাপ", unit: { one: "news article", many: "news articles", bn: "টি ঠিকানা" }, order: 2 },
  newsSitemapIndex: { key: "newsSitemapIndex", name: "news-sitemap-index.xml", folder: "root", numbered: false, format: "sitemap index", group: "sitemap", label: "গুগল নিউজ সাইটম্যাপের সূচি", unit: { one: "sitemap", many: "sitemaps", bn: "টি অংশ" }, order: 3 },
  sitemap: { key: "sitemap", name: "sitemap.xml", folder: "root", numbered: true, format: "Sitemap 0.9", group: "sitemap", label: "সাইটম্যাপ", unit: { one: "URL", many: "URLs", bn: "টি ঠিকানা" }, order: 2 },
  sitemapIndex: { key: "sitemapIndex", name: "sitemap-index.xml", folder: "root", numbered: false, format: "sitemap index", group: "sitemap", label: "সাইটম্যাপের সূচি", unit: { one: "sitemap", many: "sitemaps", bn: "টি অংশ" }, order: 3 },
  report: { key: "report", name: "patrika-report.json", folder: "root", numbered: false, format: "JSON", group: "report", label: "বিল্ড রিপোর্ট", unit: { one: "skipped article", many: "skipped articles", bn: "টি লেখা বাদ" }, order: 4 },
  preview: { key: "preview", name: "index.html", folder: "root", numbered: false, format: "HTML", group: "page", label: "পাঠকের জন্য পাতা", unit: { one: "item", many: "items", bn: "টি খবর" }, order: 5 },
};

/** The folder of the RFC 5005 archive pages, below the output root. */
export const ARCHIVE_FOLDER = "archive";

/** The kinds every feed folder holds, in the order they are written. */
export const FEED_KINDS: readonly OutputKind[] = [OUTPUTS.rss, OUTPUTS.atom, OUTPUTS.jsonFeed];

/** The n-th file (from 1) of a split output: sitemap.xml, sitemap-2.xml, sitemap-3.xml … */
export function partName(name: string, part: number): string {
  return part === 1 ? name : name.replace(/\.xml$/, `-${part}.xml`);
}

/** The path of archive page n below the output root: archive/1.xml … */
export function archivePagePath(n: number): string {
  return `${ARCHIVE_FOLDER}/${OUTPUTS.archivePage.name.replace("{n}", String(n))}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A pattern for a kind's file names within its folder: parts `-2`, `-3` … for numbered root kinds. */
const namePattern = (kind: OutputKind): string =>
  kind.folder === "archive" ? "\\d+\\.xml" : kind.numbered ? escapeRegExp(kind.name).replace("\\.xml", "(?:-\\d+)?\\.xml") : escapeRegExp(kind.name);

const ROOT_NAMES = new RegExp(`^(?:${Object.values(OUTPUTS).filter((k) => k.folder !== "archive").map(namePattern).join("|")})$`, "i");
const FEED_NAMES = new RegExp(`^(?:${FEED_KINDS.map(namePattern).join("|")})$`, "i");
const ARCHIVE_PAGE = new RegExp(`^${escapeRegExp(ARCHIVE_FOLDER)}/${namePattern(OUTPUTS.archivePage)}$`, "i");

/** The kind of an output path (`sports/rss.xml`, `sitemap-2.xml`, `archive/3.xml`), or undefined for a file patrika does not write. */
export function kindOfPath(path: string): OutputKind | undefined {
  if (ARCHIVE_PAGE.test(path)) return OUTPUTS.archivePage;
  const slash = path.lastIndexOf("/");
  const name = path.slice(slash + 1);
  const kinds = Object.values(OUTPUTS).filter((kind) => (slash < 0 ? kind.folder !== "archive" : kind.folder === "feed"));
  return kinds.find((kind) => new RegExp(`^${namePattern(kind)}$`).test(name));
}

/** Rename order of an output path (see OutputKind.order); a file patrika does not know goes last. */
export function writeOrder(path: string): number {
  return kindOfPath(path)?.order ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The output a category's feed folder would collide with, if any: its first segment may not be a root output's name
 * (a folder where a file is), nor the archive folder when the site writes archive pages (its feeds would mix into the
 * archive); a sub-category may not be named like a feed file (a folder where its parent's feed is). Compared
 * case-insensitively: case-insensitive file systems and servers collide too.
 */
export function categoryCollision(segments: readonly string[], options: { archive: boolean; previewName?: string }): string | undefined {
  const first = segments[0];
  if (first === undefined) return undefined;
  if (isRootName(first, options.previewName)) return first;
  if (options.archive && first.toLowerCase() === ARCHIVE_FOLDER) return `${ARCHIVE_FOLDER}/`;
  const feedNamed = segments.findIndex((segment, i) => i > 0 && FEED_NAMES.test(segment));
  return feedNamed < 0 ? undefined : segments.slice(0, feedNamed + 1).join("/");
}

/**
 * The output an article's URL would be, if any: its path below the site (decoded segments) may not be a root output,
 * an archive page, or end in a feed file's name (every category folder holds one). A path ending in "/" is a folder
 * page and collides with nothing.
 */
export function urlCollision(segments: readonly string[], options: { archive: boolean; previewName?: string }): string | undefined {
  const last = segments[segments.length - 1];
  if (last === undefined || last === "") return undefined;
  const path = segments.join("/");
  if (segments.length === 1 && isRootName(last, options.previewName)) return path;
  if (options.archive && ARCHIVE_PAGE.test(path)) return path;
  return segments.length > 1 && FEED_NAMES.test(last) ? path : undefined;
}

const isRootName = (name: string, previewName?: string) => ROOT_NAMES.test(name) || (previewName !== undefined && name.toLowerCase() === previewName.toLowerCase());

/** The names a message lists as taken, derived from the table. */
export function reservedNamesText(): string {
  const root = Object.values(OUTPUTS).filter((k) => k.folder === "root").map((k) => (k.numbered ? k.name.replace(".xml", "*.xml") : k.name));
  return `${FEED_KINDS.map((k) => k.name).join(", ")} (in any feed folder), ${root.join(", ")} and, with archive pages, ${ARCHIVE_FOLDER}/ (at the root)`;
}
