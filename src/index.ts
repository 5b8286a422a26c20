/** patrika's public API: re-exports only. */
export { build, check, type BuildOptions } from "./build/index.js";
export { buildFromEntries, type EntriesOptions, type EntriesResult } from "./build/entries.js";
export { entrySchema, type Entry } from "./sources/entries.js";
export { frontMatterSchema, type FrontMatter } from "./normalise/article-schema.js";
export { configSchema } from "./config/schema.js";
export { bengaliDate } from "./integrations/zod.js";
export { defineConfig } from "./config/define.js";
export type { ConfigInput } from "./config/schema.js";
export {
  parseBengaliDate,
  tryParseBengaliDate,
  formatBengaliDate,
  defaultBanglaCalendar,
  DateParseError,
  type BanglaCalendarName,
  type ParsedDate,
  type ParseDateOptions,
} from "./dates/index.js";
export type { Diagnostic, DiagnosticCode } from "./diagnostics.js";
export type { Article, BuildReport, Feed, FeedItem, OutputFile, Site, SiteConfig } from "./model.js";
export { renderAtom } from "./render/atom.js";
export { renderJsonFeed } from "./render/json-feed.js";
export { renderNewsSitemap } from "./render/news-sitemap.js";
export { renderPreview } from "./render/preview.js";
export { feedTopics, notifyHub } from "./publish/websub.js";
export { renderSite, type RenderedOutput } from "./render/index.js";
export { renderRss } from "./render/rss.js";
export { renderSitemap, renderSitemapIndex, type SitemapPart } from "./render/sitemap.js";
