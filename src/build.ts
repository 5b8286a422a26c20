import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadConfig, validateConfig } from "./config/load.js";
import type { ConfigInput } from "./config/schema.js";
import type { Diagnostic } from "./diagnostics.js";
import { hasErrors, sortDiagnostics } from "./diagnostics.js";
import { BuildCache, type FileStamp } from "./load/cache.js";
import { findArticleFiles } from "./load/find.js";
import type { Article, BuildReport, OutputFile, Site, SiteConfig } from "./model.js";
import { GENERATOR } from "./version.js";
import type { ArticleResult } from "./normalise/article.js";
import { normaliseFiles } from "./normalise/files.js";
import { restoreResult, type StoredResult } from "./normalise/stored.js";
import { assembleSite, findCollisions } from "./normalise/site.js";
import { renderAtom, renderAtomArchive } from "./render/atom.js";
import { renderJsonFeed } from "./render/json-feed.js";
import { renderNewsSitemap } from "./render/news-sitemap.js";
import { renderPreview } from "./render/preview.js";
import { renderReport } from "./render/report.js";
import { renderRss } from "./render/rss.js";
import { renderSitemap, renderSitemapIndex } from "./render/sitemap.js";
import { OUTPUT_FILES } from "./render/xml.js";
import { OutputLockedError, writeAtomically, type RenderedFile, type WriteIo } from "./write/atomic.js";

/** The preview page's file name: what a web server shows for the output folder itself. */
export const PREVIEW_FILE = "index.html";

export interface BuildOptions {
  /** The build's notion of now (required: the library never reads the clock). */
  now: Date;
  /** Folder of Markdown articles; default the config's articlesDir, else `articles`. */
  articlesDir?: string;
  /** Output folder; default the config's outDir, else `output`. */
  outDir?: string;
  /** Config file; default the one patrika.config.{ts,mts,mjs,js,json} in the working directory. */
  configFile?: string;
  /** The config itself, instead of a file (library use); validated like a file. */
  config?: ConfigInput;
  /** Whether the build cache in .patrika-cache/ may be read and written; default false for the library, true for the CLI. */
  cache?: boolean;
  /** Folder that holds .patrika-cache/; default the working directory. */
  cacheRoot?: string;
  /** Publish every valid article and list the invalid ones, instead of refusing to publish at all. */
  skipInvalid?: boolean;
  /** Called as article files are loaded: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Also write index.html, a page for people listing the feed's items and linking every output. */
  preview?: boolean;
  /** File operations for writing (tests inject failures). */
  io?: WriteIo;
}

/** Loads, validates and assembles the site without writing anything: what `patrika check` runs. */
export async function check(options: BuildOptions): Promise<BuildReport> {
  const loadedConfig = options.config ? validateConfig(options.config, "(options.config)") : await loadConfig(options.configFile);
  if (!loadedConfig.ok) return emptyReport("config-error", loadedConfig.diagnostics, pathsOf(options));
  const config = loadedConfig.config;
  const paths = pathsOf(options, config);

  const now = options.now;
  const diagnostics: Diagnostic[] = [];
  const articles: Article[] = [];
  const drafts: string[] = [];
  const take = (result: ArticleResult, file: string) => {
    if (result.kind === "invalid") {
      diagnostics.push(...result.diagnostics);
      return;
    }
    diagnostics.push(...result.warnings);
    if (result.kind === "draft") drafts.push(file);
    else articles.push(result.article);
  };
  // The cache holds normalised results, so an unchanged file is neither read, parsed nor validated again; the
  // others are normalised on every core (normaliseFiles), each as soon as it is read, so raw front matter dies young.
  const listing = await findArticleFiles(paths.articlesDir);
  if (!listing.ok) return emptyReport("config-error", listing.diagnostics, paths);
  const files = listing.files;
  const cache = options.cache ? await BuildCache.open<StoredResult>(options.cacheRoot ?? process.cwd(), cacheKey(config, paths.articlesDir)) : undefined;
  const results = new Array<ArticleResult | undefined>(files.length);
  const stamps = new Array<FileStamp | undefined>(files.length);
  const misses: number[] = [];
  let done = 0;
  const progressed = () => options.onProgress?.(++done, files.length);
  for (let i = 0; i < files.length; i++) {
    if (cache) {
      const info = statSync(join(paths.articlesDir, files[i]!), { throwIfNoEntry: false });
      const stamp = info ? { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs } : undefined;
      const stored = stamp ? cache.get(files[i]!, stamp) : undefined;
      results[i] = stored ? restoreResult(stored, join(paths.articlesDir, files[i]!), now) : undefined;
      stamps[i] = stamp;
    }
    if (results[i]) progressed();
    else misses.push(i);
  }
  const fromCache = files.length - misses.length;
  const { outcomes, threads } = await normaliseFiles(paths.articlesDir, misses.map((i) => files[i]!), config, now, progressed);
  outcomes.forEach((outcome, k) => {
    const i = misses[k]!;
    if (outcome.kind === "invalid") {
      results[i] = { kind: "invalid", diagnostics: outcome.diagnostics };
      cache?.delete(files[i]!);
      return;
    }
    results[i] = restoreResult(outcome.value, join(paths.articlesDir, files[i]!), now)!; // valid at this now by construction
    if (cache && stamps[i] && outcome.cacheable) cache.set(files[i]!, stamps[i]!, outcome.value);
    else cache?.delete(files[i]!);
  });
  results.forEach((result, i) => take(result!, join(paths.articlesDir, files[i]!)));
  if (cache) {
    cache.keepOnly(files);
    await cache.save().catch(() => undefined); // a cache that cannot be written only costs speed next time
  }
  diagnostics.push(...findCollisions(articles));
  const sorted = sortDiagnostics(diagnostics);
  const invalidFiles = new Set(sorted.filter((d) => d.severity === "error" && d.file !== undefined).map((d) => d.file!));
  const site = assembleSite({ config, now: options.now, articles: articles.filter((a) => !invalidFiles.has(a.file)), drafts });
  const skipped = [...invalidFiles];
  const status = hasErrors(sorted) && !options.skipInvalid ? "invalid" : "ok";
  return { status, diagnostics: sorted, site, files: [], articlesFound: files.length, articlesFromCache: fromCache, threads, skipped: options.skipInvalid ? skipped : [], paths };
}

/**
 * load → normalise → render → write. Nothing is written unless every article is valid (or `skipInvalid` leaves the
 * invalid ones out); then every output is written to a temporary file and renamed into place, so `outDir` holds
 * either the previous build or this one.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const report = await check(options);
  if (report.status !== "ok" || !report.site) return report;
  const rendered = renderSite(report.site);
  rendered.push({ file: { name: OUTPUT_FILES.report, content: renderReport(report) }, count: report.skipped.length });
  if (options.preview) {
    const outputs = rendered.map(({ file, count }) => ({ name: file.name, count }));
    rendered.push({ file: { name: PREVIEW_FILE, content: renderPreview(report.site, outputs) }, count: report.site.feed.items.length });
  }
  const outDir = report.paths.outDir;
  try {
    await writeAtomically(outDir, rendered.map(({ file }) => file), options.io);
  } catch (error) {
    const locked = error instanceof OutputLockedError;
    report.diagnostics.push({
      code: locked ? "output.locked" : "output.write-failed",
      severity: "error",
      file: relative(process.cwd(), outDir) || ".",
      message: locked ? (error as Error).message : `the output could not be written (${(error as Error).message}); the previous output is untouched`,
      expected: locked ? "one build at a time in an output folder" : "a writable output folder with free space",
    });
    return { ...report, status: "write-error" };
  }
  const files: OutputFile[] = rendered.map(({ file, count }) => ({ name: file.name, count, bytes: Buffer.byteLength(file.content) }));
  return { ...report, files };
}

/** Every output of the site, rendered in memory, with how many items each holds. */
export function renderSite(site: Site): { file: RenderedFile; count: number }[] {
  const files: { file: RenderedFile; count: number }[] = [];
  for (const feed of [site.feed, ...site.categoryFeeds]) {
    files.push(
      { file: { name: `${feed.folder}${OUTPUT_FILES.rss}`, content: renderRss(site, feed) }, count: feed.items.length },
      { file: { name: `${feed.folder}${OUTPUT_FILES.atom}`, content: renderAtom(site, feed) }, count: feed.items.length },
      { file: { name: `${feed.folder}${OUTPUT_FILES.jsonFeed}`, content: renderJsonFeed(site, feed) }, count: feed.items.length },
    );
  }
  for (const page of site.archive) {
    files.push({ file: { name: `archive/${page.number}.xml`, content: renderAtomArchive(site, page) }, count: page.items.length });
  }
  for (const [parts, index] of [
    [renderNewsSitemap(site), OUTPUT_FILES.newsSitemapIndex],
    [renderSitemap(site), OUTPUT_FILES.sitemapIndex],
  ] as const) {
    files.push(...parts.map((part) => ({ file: { name: part.name, content: part.content }, count: part.count })));
    files.push({ file: { name: index, content: renderSitemapIndex(site, parts) }, count: parts.length });
  }
  return files;
}

function emptyReport(status: BuildReport["status"], diagnostics: Diagnostic[], paths: BuildReport["paths"]): BuildReport {
  return { status, diagnostics, files: [], articlesFound: 0, articlesFromCache: 0, threads: 0, skipped: [], paths };
}

/** Bumped whenever what the cache stores changes shape. */
const CACHE_FORMAT = 2;

/** A cache is valid only for the same tool version, cache format, articles folder and config. */
function cacheKey(config: SiteConfig, articlesDir: string): string {
  const configHash = createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16);
  return `${GENERATOR.name} ${GENERATOR.version} format ${CACHE_FORMAT} config ${configHash} ${resolve(articlesDir)}`;
}

/** Flags override the config, the config overrides the defaults. */
function pathsOf(options: BuildOptions, config?: { articlesDir?: string; outDir?: string }): BuildReport["paths"] {
  return { articlesDir: options.articlesDir ?? config?.articlesDir ?? "articles", outDir: options.outDir ?? config?.outDir ?? "output" };
}
