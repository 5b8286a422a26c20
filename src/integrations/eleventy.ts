/**
 * `patrika/eleventy`: an Eleventy 3 plugin. It reads page dates as Bengali newsrooms print them, in the site's zone
 * (Eleventy's own reading of a date without an offset is UTC, six hours off for Dhaka), and after every build writes
 * the feeds and the Google News sitemap of one collection through `buildFromEntries`, each item at the URL Eleventy
 * gave its page. A thin adapter: the fields are Eleventy's data cascade, the reading and writing are patrika's.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { buildFromEntries } from "../build/entries.js";
import { validateConfig } from "../config/validate.js";
import type { ConfigInput } from "../config/schema.js";
import { tryParseBengaliDate, type ParseDateOptions } from "../dates/index.js";
import { parseArticle } from "../load/front-matter.js";
import type { SiteConfig } from "../model.js";
import { KNOWN_FIELDS } from "../normalise/article-schema.js";
import type { Entry } from "../sources/entries.js";
import { adapterNow } from "./now.js";
import { failureMessage, warningLines } from "./report.js";

/** What the plugin takes. */
export interface PatrikaEleventyOptions {
  /** patrika's config; `siteUrl` is where Eleventy's output folder is served, with the pathPrefix when there is one. */
  config: Omit<ConfigInput, "permalink" | "articlesDir" | "outDir">;
  /** The tag whose collection is the news (default `news`); the tag itself is not published as a topic. */
  collection?: string;
  /** The build's now; default SOURCE_DATE_EPOCH, else the clock. */
  now?: Date;
  /** Publish the valid articles and list the invalid ones, instead of failing the build. */
  skipInvalid?: boolean;
}

/** The part of Eleventy 3's config API the plugin uses (Eleventy publishes no TypeScript types). */
export interface EleventyConfigLike {
  addDateParsing(callback: (this: { page?: { inputPath?: string } }, value: unknown) => Date | undefined): void;
  addCollection(name: string, callback: (api: { getFilteredByTag(tag: string): EleventyItem[] }) => EleventyItem[]): void;
  on(event: "eleventy.after", callback: (event: { directories: { output: string }; outputMode?: string }) => Promise<void>): void;
  getFilter(name: "url"): (url: string) => string;
  logger?: { warn(message: string): void; log(message: string): void };
}

/** A collection item, as Eleventy 3 hands it to collection callbacks. */
export interface EleventyItem {
  inputPath: string;
  /** The page's path from the site root (without the pathPrefix), or false with `permalink: false`. */
  url: string | false;
  data: Record<string, unknown>;
  rawInput?: unknown;
  templateContent?: unknown;
}

/**
 * Keys of Eleventy's data cascade that drive Eleventy itself, never an article field: `permalink` in particular is
 * Eleventy's output path, not patrika's URL pattern (the page's `url` is used instead).
 */
const ELEVENTY_KEYS = new Set(["permalink", "layout", "tags", "pagination", "eleventyComputed", "eleventyExcludeFromCollections", "eleventyImport", "eleventyNavigation", "eleventyDataSchema", "templateEngineOverride", "dynamicPermalink", "permalinkBypassOutputDir"]);

/** Date strings Eleventy reads itself (file times and git history). */
const ELEVENTY_DATE_WORDS = new Set(["last modified", "created", "git last modified", "git created"]);

/**
 * The plugin: `eleventyConfig.addPlugin(patrika, { config: { siteUrl, title }, collection: "news" })`.
 * @example export default (eleventyConfig) => { eleventyConfig.addPlugin(patrika, { config: { siteUrl: "https://www.example.com" } }); };
 */
export default function patrikaEleventy(eleventyConfig: EleventyConfigLike, options: PatrikaEleventyOptions): void {
  const checked = validateConfig(options.config, "(patrika plugin options: config)");
  if (!checked.ok) throw new Error(failureMessage({ status: "config-error", diagnostics: checked.diagnostics }, "nothing can be built"));
  const config = checked.config;
  const dateOptions = dateOptionsOf(config);
  const tag = options.collection ?? "news";
  let items: EleventyItem[] = [];

  eleventyConfig.addDateParsing(function (value) {
    return pageDate(value, this.page?.inputPath, dateOptions);
  });
  eleventyConfig.addCollection(`patrika-${tag}`, (api) => (items = api.getFilteredByTag(tag)));
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== undefined && outputMode !== "fs") return; // Eleventy asked for JSON, not files
    checkPathPrefix(config.siteUrl, eleventyConfig.getFilter("url")("/"));
    const log = eleventyConfig.logger ?? { warn: console.warn, log: console.log };
    const pages = items.filter((item) => typeof item.url === "string");
    for (const item of items.filter((i) => i.url === false)) log.warn(`[patrika] ${item.inputPath} has permalink: false, so no page to link: left out of the feeds`);
    const result = await buildFromEntries({ config: options.config, now: adapterNow(options.now), entries: pages.map((item) => entryOf(item, tag)), outDir: directories.output, skipInvalid: options.skipInvalid ?? false });
    for (const line of warningLines(result)) log.warn(`[patrika] ${line}`);
    if (result.status !== "ok") throw new Error(failureMessage(result, `${directories.output} holds Eleventy's pages but no feeds`));
    log.log(`[patrika] Wrote ${result.files.length} files for ${result.site?.articles.length ?? 0} articles to ${directories.output}`);
  });
}

/** The date reader's options from the config: its zone, and its Bangla calendar when one is set. */
function dateOptionsOf(config: SiteConfig): ParseDateOptions {
  return { timeZone: config.timeZone, ...(config.banglaCalendar ? { calendar: config.banglaCalendar } : {}) };
}

/**
 * A page's date for Eleventy: text is read by patrika in the site's zone; a Date that YAML made from the page's own
 * front matter is read again from the text written there (YAML reads `2025-07-13 17:28` as UTC); anything else is
 * left to Eleventy (undefined). Text patrika cannot read fails the build with the reason, never a guess.
 */
export function pageDate(value: unknown, inputPath: string | undefined, options: ParseDateOptions): Date | undefined {
  const text = typeof value === "string" ? value : value instanceof Date && inputPath ? ownField(inputPath, "date") : undefined;
  if (text === undefined || ELEVENTY_DATE_WORDS.has(text.trim().toLowerCase())) return undefined;
  const parsed = tryParseBengaliDate(text, options);
  if (parsed.ok) return parsed.value.instant;
  throw new Error(`patrika: ${inputPath ?? "a page"}: date ${JSON.stringify(text)} is not a date patrika can read: ${parsed.error.message}`);
}

/** A field as written in a page's own front matter (text stays text: patrika's reader keeps YAML dates as written). */
function ownField(inputPath: string, field: string): string | undefined {
  const value = frontMatterOf(inputPath)[field];
  return typeof value === "string" ? value : undefined;
}

/** A page's own front matter as patrika reads it, or nothing when the file has none patrika can read. */
function frontMatterOf(inputPath: string): Record<string, unknown> {
  const read = parseArticle(readFileSync(inputPath), inputPath, basename(inputPath));
  return read.ok ? read.article.data : {};
}

/**
 * An Eleventy item as an entry: its page's URL, its file, its body, and its article fields from the data cascade
 * (the keys of its own front matter, which may be other tools' aliases or typos that deserve a warning, plus every
 * field patrika knows, which directory data may set). A Date that YAML made of a front-matter text is that text.
 */
export function entryOf(item: EleventyItem, collectionTag: string): Entry {
  const own = frontMatterOf(item.inputPath);
  const keys = new Set([...Object.keys(own), ...KNOWN_FIELDS].filter((key) => !ELEVENTY_KEYS.has(key)));
  const fields: Record<string, unknown> = {};
  for (const key of keys) {
    const value = item.data[key] ?? own[key];
    if (value !== undefined) fields[key] = value instanceof Date && typeof own[key] === "string" ? own[key] : value;
  }
  const tags = topics(item.data.tags, collectionTag);
  // The page as Eleventy rendered it (its template language run, shortcodes expanded), without the layout; the
  // Markdown source only where Eleventy gave no rendered content.
  const rendered = typeof item.templateContent === "string";
  return {
    ...fields,
    ...(tags.length > 0 ? { tags } : {}),
    source: item.inputPath.replace(/^\.\//, ""),
    url: item.url as string,
    body: String((rendered ? item.templateContent : item.rawInput) ?? ""),
    bodyFormat: rendered ? "html" : "markdown",
  };
}

/** Eleventy's tags are collections too: the news collection's own tag is no topic. */
function topics(tags: unknown, collectionTag: string): string[] {
  const list = Array.isArray(tags) ? tags : typeof tags === "string" ? [tags] : [];
  return list.filter((t): t is string => typeof t === "string" && t !== collectionTag);
}

/** The output folder is served at siteUrl, so siteUrl's path must be Eleventy's pathPrefix (or every link is off). */
function checkPathPrefix(siteUrl: string, prefixedRoot: string): void {
  const sitePath = `${new URL(siteUrl).pathname.replace(/\/+$/, "")}/`;
  const prefix = new URL(prefixedRoot, "http://x").pathname; // the url filter leaves a full URL as it is
  if (decodeURI(sitePath) !== decodeURI(prefix)) {
    throw new Error(`patrika: siteUrl ${siteUrl} ends in the path ${sitePath}, but Eleventy's pathPrefix is ${prefix}: set siteUrl to the address where the output folder is served (with the pathPrefix)`);
  }
}
