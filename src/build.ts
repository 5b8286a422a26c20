import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadConfig, validateConfig, type ConfigResult } from "./config/load.js";
import type { ConfigInput } from "./config/schema.js";
import type { Diagnostic } from "./diagnostics.js";
import { hasErrors, sortDiagnostics } from "./diagnostics.js";
import { BuildCache, type FileStamp } from "./load/cache.js";
import { findArticleFiles } from "./load/find.js";
import type { Article, BuildReport, OutputFile, Site, SiteConfig } from "./model.js";
import { GENERATOR } from "./version.js";
import type { ArticleResult } from "./normalise/article.js";
import { normaliseFile, normaliseFiles } from "./normalise/files.js";
import { restoreResult, type StoredResult } from "./normalise/stored.js";
import { assembleSite, findCollisions, stableNowRange } from "./normalise/site.js";
import { renderAtom, renderAtomArchive } from "./render/atom.js";
import { renderJsonFeed } from "./render/json-feed.js";
import { renderNewsSitemap } from "./render/news-sitemap.js";
import { renderPreview } from "./render/preview.js";
import { renderReportDocument, reportDocument, restampReport } from "./render/report.js";
import { renderRss } from "./render/rss.js";
import { renderSitemap, renderSitemapIndex } from "./render/sitemap.js";
import { OUTPUT_FILES } from "./render/xml.js";
import { ForeignOutputError, OutputLockedError, OutputWriteError, writeAtomically, type RenderedFile, type WriteIo } from "./write/atomic.js";
import { inputsFingerprint, readRecord, recordHolds, statOutputs, writeRecord, type BuildRecord } from "./write/record.js";

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

/** The article files and, when a cache is in use, their stamps: listed once per build. */
interface Scan {
  files: string[];
  stamps: (FileStamp | undefined)[];
}

async function scanArticles(articlesDir: string, withStamps: boolean): Promise<{ ok: true; scan: Scan } | { ok: false; diagnostics: Diagnostic[] }> {
  const listing = await findArticleFiles(articlesDir);
  if (!listing.ok) return listing;
  const stamps = listing.files.map((file) => {
    if (!withStamps) return undefined;
    const info = statSync(join(articlesDir, file), { throwIfNoEntry: false });
    return info ? { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs } : undefined;
  });
  return { ok: true, scan: { files: listing.files, stamps } };
}

const loadConfigOf = (options: BuildOptions): Promise<ConfigResult> | ConfigResult =>
  options.config ? validateConfig(options.config, "(options.config)") : loadConfig(options.configFile);

/** Loads, validates and assembles the site without writing anything: what `patrika check` runs. */
export async function check(options: BuildOptions): Promise<BuildReport> {
  return checkWith(options, await loadConfigOf(options));
}

async function checkWith(options: BuildOptions, loadedConfig: ConfigResult, scanned?: Scan): Promise<BuildReport> {
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
  let scan = scanned;
  if (!scan) {
    const listed = await scanArticles(paths.articlesDir, options.cache === true);
    if (!listed.ok) return emptyReport("config-error", listed.diagnostics, paths);
    scan = listed.scan;
  }
  const { files, stamps } = scan;
  const cache = options.cache ? await BuildCache.open<StoredResult>(options.cacheRoot ?? process.cwd(), cacheKey(config, paths.articlesDir)) : undefined;
  const results = new Array<ArticleResult | undefined>(files.length);
  const misses: number[] = [];
  let done = 0;
  const progressed = () => options.onProgress?.(++done, files.length);
  const pathOf = files.map((file) => join(paths.articlesDir, file)); // joined once: it was 2% of a cached build
  for (let i = 0; i < files.length; i++) {
    const stored = cache && stamps[i] ? cache.get(files[i]!, stamps[i]!) : undefined;
    results[i] = stored ? restoreResult(stored, pathOf[i]!, now) : undefined;
    if (results[i]) progressed();
    else misses.push(i);
  }
  let fromCache = files.length - misses.length; // and those whose bytes prove unchanged, below
  // A touched file of the same size may hold the same bytes (a fresh clone or checkout sets every mtime): it is
  // hashed, on the worker threads too, and parsed only if its bytes changed.
  const unless = misses.map((i) => (cache && stamps[i] ? (cache.sha1Of(files[i]!, stamps[i]!.size) ?? null) : null));
  const { outcomes, threads } = await normaliseFiles(paths.articlesDir, misses.map((i) => files[i]!), config, now, cache !== undefined, unless, progressed);
  let dependsOnNow = false;
  outcomes.forEach((first, k) => {
    let outcome = first;
    const i = misses[k]!;
    if (outcome.kind === "same") {
      const kept = cache!.restamp(files[i]!, stamps[i]!);
      const restored = kept && restoreResult(kept, pathOf[i]!, now);
      if (restored) {
        results[i] = restored;
        fromCache++;
        return;
      }
      // Same bytes, but its dates are no longer plausible at this now: read it in full to say why.
      outcome = normaliseFile(paths.articlesDir, files[i]!, config, now, "both", true);
    }
    if (outcome.kind === "same") return; // not reached: normaliseFile without a hash to compare never says "same"
    if (outcome.kind === "valid" && !outcome.cacheable) dependsOnNow = true;
    if (outcome.kind === "invalid") {
      results[i] = { kind: "invalid", diagnostics: outcome.diagnostics };
      cache?.delete(files[i]!);
      return;
    }
    // A worker's outcome is plain data, valid at this now by construction.
    results[i] = outcome.result ?? restoreResult(outcome.value!, pathOf[i]!, now)!;
    if (cache && stamps[i] && outcome.cacheable && outcome.value && outcome.sha1) cache.set(files[i]!, stamps[i]!, outcome.sha1, outcome.value);
    else cache?.delete(files[i]!);
  });
  results.forEach((result, i) => take(result!, pathOf[i]!));
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
  const stableNow = dependsOnNow ? { from: now.getTime(), until: now.getTime() + 1 } : stableNowRange(articles, now, config.maxFutureDays);
  return { status, diagnostics: sorted, site, files: [], articlesFound: files.length, articlesFromCache: fromCache, threads, skipped: options.skipInvalid ? skipped : [], paths, stableNow };
}

/**
 * load → normalise → render → write. Nothing is written unless every article is valid (or `skipInvalid` leaves the
 * invalid ones out); then every output is written to a temporary file and renamed into place, so `outDir` holds
 * either the previous build or this one.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const loadedConfig = await loadConfigOf(options);
  const root = options.cacheRoot ?? process.cwd();
  let scan: Scan | undefined;
  let recordOf: Pick<BuildRecord, "key" | "outDir" | "skipInvalid" | "inputs"> | undefined;
  if (options.cache && loadedConfig.ok) {
    // With the cache, the files are listed and stamped once, here: if nothing changed since the last build (same
    // stamps, config and tool, a now that moves nothing in or out of a feed, outputs untouched), no article is read.
    const paths = pathsOf(options, loadedConfig.config);
    const listed = await scanArticles(paths.articlesDir, true);
    if (listed.ok) {
      scan = listed.scan;
      const key = cacheKey(loadedConfig.config, paths.articlesDir);
      recordOf = { key, outDir: resolve(paths.outDir), skipInvalid: options.skipInvalid ?? false, inputs: inputsFingerprint(scan.files, scan.stamps) };
      if (!options.preview) {
        const reused = await reuseLastBuild(options, loadedConfig.config, paths, recordOf, root);
        if (reused) return reused;
      }
    }
  }
  const report = await checkWith(options, loadedConfig, scan);
  if (report.status !== "ok" || !report.site) return report;
  const rendered = renderSite(report.site);
  const document = reportDocument(report);
  rendered.push({ file: { name: OUTPUT_FILES.report, content: renderReportDocument(document) }, count: report.skipped.length });
  if (options.preview) {
    const outputs = rendered.map(({ file, count }) => ({ name: file.name, count }));
    rendered.push({ file: { name: PREVIEW_FILE, content: renderPreview(report.site, outputs) }, count: report.site.feed.items.length });
  }
  const outDir = report.paths.outDir;
  try {
    await writeAtomically(outDir, rendered.map(({ file }) => file), { io: options.io });
  } catch (error) {
    const locked = error instanceof OutputLockedError;
    report.diagnostics.push({
      code: locked ? "output.locked" : "output.write-failed",
      severity: "error",
      file: relative(process.cwd(), outDir) || ".",
      message: locked || error instanceof ForeignOutputError || error instanceof OutputWriteError ? (error as Error).message : `the output could not be written (${(error as Error).message})`,
      expected: locked
        ? "one build at a time in an output folder"
        : error instanceof ForeignOutputError
          ? "an output folder whose existing files patrika wrote"
          : "a writable output folder with free space",
    });
    return { ...report, status: "write-error" };
  }
  const files: OutputFile[] = rendered.map(({ file, count }) => ({ name: file.name, count, bytes: Buffer.byteLength(file.content) }));
  const outputs = statOutputs(outDir, files.map((f) => f.name));
  if (recordOf && report.stableNow && outputs && !options.preview) {
    const summary = { files, articlesFound: report.articlesFound, diagnostics: report.diagnostics, skipped: report.skipped };
    const record: BuildRecord = { ...recordOf, nowMs: options.now.getTime(), ...report.stableNow, outputs, summary, reportDocument: document };
    await writeRecord(root, record).catch(() => undefined); // without it the next build is only slower
  }
  return { ...report, files };
}

/**
 * A build that would write what the last one wrote: nothing is read or rendered, and only patrika-report.json is
 * rewritten when now moved (it states now and the news window). Undefined when anything differs.
 */
async function reuseLastBuild(
  options: BuildOptions,
  config: SiteConfig,
  paths: BuildReport["paths"],
  expected: { key: string; skipInvalid: boolean; inputs: string },
  root: string,
): Promise<BuildReport | undefined> {
  const record = await readRecord(root);
  if (!record || !recordHolds(record, { ...expected, outDir: paths.outDir, now: options.now })) return undefined;
  let { files } = record.summary;
  if (record.nowMs !== options.now.getTime()) {
    const document = restampReport(record.reportDocument, options.now, config.timeZone);
    const content = renderReportDocument(document);
    const others = record.outputs.map((o) => o.name).filter((name) => name !== OUTPUT_FILES.report);
    try {
      await writeAtomically(paths.outDir, [{ name: OUTPUT_FILES.report, content }], { io: options.io, keep: others });
    } catch {
      return undefined; // the full build reports the problem
    }
    files = files.map((f) => (f.name === OUTPUT_FILES.report ? { ...f, bytes: Buffer.byteLength(content) } : f));
    const outputs = statOutputs(paths.outDir, record.outputs.map((o) => o.name));
    if (!outputs) return undefined;
    await writeRecord(root, { ...record, nowMs: options.now.getTime(), outputs, reportDocument: document, summary: { ...record.summary, files } }).catch(() => undefined);
  }
  const { articlesFound, diagnostics, skipped } = record.summary;
  return { status: "ok", upToDate: true, diagnostics, files, articlesFound, articlesFromCache: articlesFound, threads: 0, skipped, paths, stableNow: { from: record.from, until: record.until } };
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
const CACHE_FORMAT = 3;

/** A cache is valid only for the same tool version, cache format, articles folder and config. */
function cacheKey(config: SiteConfig, articlesDir: string): string {
  const configHash = createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16);
  return `${GENERATOR.name} ${GENERATOR.version} format ${CACHE_FORMAT} config ${configHash} ${resolve(articlesDir)}`;
}

/** Flags override the config, the config overrides the defaults. */
function pathsOf(options: BuildOptions, config?: { articlesDir?: string; outDir?: string }): BuildReport["paths"] {
  return { articlesDir: options.articlesDir ?? config?.articlesDir ?? "articles", outDir: options.outDir ?? config?.outDir ?? "output" };
}
