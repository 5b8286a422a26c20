import { createHash } from "node:crypto";
import { join, relative, resolve, sep } from "node:path";
import { loadConfig, type ConfigResult } from "../config/load.js";
import { validateConfig } from "../config/validate.js";
import type { ConfigInput } from "../config/schema.js";
import type { Diagnostic } from "../diagnostics.js";
import { hasErrors, sortDiagnostics } from "../diagnostics.js";
import { readBody } from "../load/bodies.js";
import type { Article, BuildReport, OutputFile, SiteConfig } from "../model.js";
import { idHostOf, type ArticleResult } from "../normalise/article.js";
import { hostMove, keepKnownIds } from "../normalise/identity.js";
import { diffPublished, publishedState } from "../render/published.js";
import { assembleSite, attachBodies, findCollisions, stableNowRange, type BodyRenderer } from "../normalise/site.js";
import { OUTPUTS, writeOrder } from "../outputs.js";
import { renderSite, type RenderedOutput } from "../render/index.js";
import { renderPreview } from "../render/preview.js";
import { renderReportDocument, reportDocument, withGeneration } from "../render/report.js";
import { GENERATOR } from "../version.js";
import { ForeignOutputError, OutputLockedError, OutputWriteError, writeAtomically, type WriteIo } from "../write/atomic.js";
import { readManifest } from "../write/manifest.js";
import { normaliseScan, scanArticles, type Scan } from "./articles.js";
import { RenderedBodies } from "./bodies.js";
import { BuildCache } from "./cache.js";
import { deltaBuild, forgetDeltaRecord, restampDeltaRecord, writeDeltaRecord, type DeltaRecord } from "./delta.js";
import { gitBlobIds, gitListings, type GitListings, type VouchedIds } from "./git.js";
import { previousPublish, recordPublish, type Previous } from "./previous.js";
import type { StoredResult } from "./stored.js";
import { readOutputsRecord, recordOf as outputsRecordOf, renderIncrementally, writeOutputsRecord, type IncrementalRender } from "./incremental.js";
import { contentsFingerprint, folderReplaced, type Contents, folderStamp, inputsFingerprint, readRecord, reuseLastBuild, stampSet, statOutputs, writeRecord, type BuildRecord } from "./up-to-date.js";

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
  /** Whether the build cache in .patrika-cache/ may be used (check only reads it); default false for the library, true for the CLI. */
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
  /** A feed published earlier (file or http(s) URL), to compare ids with when neither the cache nor the output folder has the last build. */
  previous?: string;
  /** Replace files in the output folder that patrika did not write (refused by default: another tool's). */
  replaceForeign?: boolean;
  /** Fail, instead of keeping the old id, when a story readers have would get a new id (a renamed file). */
  strictIds?: boolean;
}

type Paths = BuildReport["paths"];

/** Loads, validates and assembles the site without writing anything, not even the cache: what `patrika check` runs. */
export async function check(options: BuildOptions): Promise<BuildReport> {
  const loaded = await loadConfigOf(options);
  if (!loaded.ok) return emptyReport("config-error", loaded.diagnostics, pathsOf(options));
  const paths = pathsOf(options, loaded.config);
  const nested = nestedOutput(paths, loaded.file);
  if (nested) return emptyReport("config-error", [nested], paths);
  const listed = await scanArticles(paths.articlesDir, options.cache === true);
  if (!listed.ok) return emptyReport("config-error", listed.diagnostics, paths);
  const { contents: _, cache: _cache, ...report } = await collect(options, loaded.config, paths, listed.scan, false, onceGitIds(paths.articlesDir));
  return report;
}

/**
 * config → sources → articles → site → bodies → files → write. Nothing is written unless every article is valid (or
 * `skipInvalid` leaves the invalid ones out); then every output is written to a temporary file and renamed into
 * place, so `outDir` holds either the previous build or this one.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const loaded = await loadConfigOf(options);
  if (!loaded.ok) return emptyReport("config-error", loaded.diagnostics, pathsOf(options));
  const config = loaded.config;
  const paths = pathsOf(options, config);
  const nested = nestedOutput(paths, loaded.file);
  if (nested) return emptyReport("config-error", [nested], paths);
  const root = options.cacheRoot ?? process.cwd();
  // Asked at most once, and only when stamps changed: after a fresh checkout git's index names every file's content.
  // A new articles folder suggests one, so git then starts listing its index at once, while this thread stats the files.
  const gitIds = onceGitIds(paths.articlesDir);
  // The last build's record, read once here for all who ask (the folder hint, the up-to-date and delta builds).
  const lastRecord = options.cache ? await readRecord(root) : undefined;
  if (folderReplaced(lastRecord, paths.articlesDir)) gitIds.prefetch();
  const listed = await scanArticles(paths.articlesDir, options.cache === true);
  if (!listed.ok) return emptyReport("config-error", listed.diagnostics, paths);
  // With the cache, if nothing changed since the last build (same stamps, config and tool, a now that moves nothing
  // in or out of a feed, outputs untouched), no article is read.
  const recordOf = options.cache
    ? {
        key: cacheKey(config, paths.articlesDir),
        outDir: resolve(paths.outDir),
        skipInvalid: options.skipInvalid ?? false,
        inputs: inputsFingerprint(listed.scan.files, listed.scan.stamps),
        folder: folderStamp(paths.articlesDir),
      }
    : undefined;
  const { files: scanned, stamps } = listed.scan;
  let stamped: string | undefined;
  const stampsNow = () => (stamped ??= stampSet(scanned, stamps)); // only when the stamps changed, and for the record
  const contents = async () => {
    const ids = await gitIds();
    const vouched = ids?.of(scanned);
    return vouched && contentsFingerprint(scanned, (i) => {
      const id = vouched[i];
      return id !== undefined && stamps[i] ? [stamps[i]!.size, id] : undefined;
    })?.digest;
  };
  // A preview page written once is kept fresh: a plain build after `preview` writes it again rather than removing it.
  const manifest = await readManifest(paths.outDir);
  const preview = options.preview === true || manifest.files.includes(config.previewFile);
  if (recordOf && !preview) {
    // After a fresh checkout the delta record moves to the new stamps with the last build's, so an edit then is a delta.
    const reuse = (byContents: boolean, known?: DeltaRecord) =>
      reuseLastBuild({
        now: options.now,
        config,
        paths,
        expected: { ...recordOf, ...(byContents ? { contents } : {}), ...(known ? { contentsMatch: true } : {}), stampSet: stampsNow },
        root,
        record: lastRecord,
        onContentsMatch: (recorded) => restampDeltaRecord(root, { key: recordOf.key, from: recorded, to: recordOf.inputs, files: scanned, stamps }, known),
        ...(options.io ? { io: options.io } : {}),
      });
    // Edits that kept every touched file's head: only the feeds those files are in are rendered (build/delta.ts).
    const listing = listed.scan.warnings ?? [];
    const delta = () =>
      deltaBuild({ now: options.now, config, paths, root, record: lastRecord, key: recordOf.key, files: scanned, stamps, listing, skipInvalid: recordOf.skipInvalid, inputs: recordOf.inputs, folder: recordOf.folder, stampSet: stampsNow, gitIds, ...(options.io ? { io: options.io } : {}) });
    // Unchanged by stamps; else a few bodies edited; else unchanged by contents (a fresh checkout git vouches for,
    // which the delta build may already have found).
    const unchanged = await reuse(false);
    if (unchanged) return unchanged;
    const edited = await delta();
    if (edited?.kind === "built") return edited.report;
    const byContents = await reuse(true, edited?.record);
    if (byContents) return byContents;
  }
  const { contents: contentsNow, cache, ...report } = await collect(options, config, paths, listed.scan, true, gitIds);
  if (report.status !== "ok" || !report.site) return report;
  // With the cache, only the outputs whose inputs changed are rendered and written; the rest stay as they are.
  const previousOutputs = recordOf ? await readOutputsRecord(root, recordOf.key, paths.outDir) : undefined;
  const incremental = recordOf ? renderIncrementally(report.site, previousOutputs, paths.outDir, new Set(manifest.files)) : undefined;
  const { rendered, document, files: filesOf } = renderOutputs(report, config, preview, incremental);
  const written = await writeOutputs(paths.outDir, rendered, { ...options, keep: incremental?.keep ?? [] }, document);
  if (!written.ok) return { ...report, diagnostics: [...report.diagnostics, written.diagnostic], status: "write-error", outputUntouched: written.untouched };
  const writtenRecord = incremental && recordOf && outputsRecordOf(recordOf.key, paths.outDir, incremental);
  if (writtenRecord) await writeOutputsRecord(root, writtenRecord).catch(() => undefined); // without it the next build renders everything
  // The sizes on disk are the bytes written: measuring each rendered text again cost a small build 2%.
  const outputs = statOutputs(paths.outDir, filesOf.names);
  const files = filesOf(outputs && new Map(outputs.map((o) => [o.name, o.size])));
  if (options.cache && report.published) await recordPublish(root, paths.outDir, report.published).catch(() => undefined); // the output folder is asked instead
  if (recordOf && report.stableNow && outputs && !preview) {
    const summary = { files, articlesFound: report.articlesFound, diagnostics: report.diagnostics, skipped: report.skipped };
    const record: BuildRecord = { ...recordOf, ...(contentsNow ? { contents: contentsNow.digest, contentsParts: contentsNow.parts } : {}), stampSet: stampsNow(), nowMs: options.now.getTime(), ...report.stableNow, outputs, summary, reportDocument: withGeneration(document, written.generation) };
    const recorded = await writeRecord(root, record).then(() => true, () => false); // without it the next build is only slower
    if (recorded && cache && deltaMayFollow(report, config)) {
      const { site, published } = report;
      const listing = listed.scan.warnings ?? [];
      const full = { root, key: recordOf.key, outDir: recordOf.outDir, articlesDir: paths.articlesDir, files: scanned, stamps, listing, inputs: recordOf.inputs, config, cache };
      await writeDeltaRecord({ ...full, feeds: [site!.feed, ...site!.categoryFeeds], news: published!.news, published: published! }).catch(() => forgetDeltaRecord(root).catch(() => undefined));
    } else if (recorded) await forgetDeltaRecord(root).catch(() => undefined);
  }
  return { ...report, files };
}

/**
 * Whether the next build may be a delta of this one: every article valid, no archive pages (each would hold bodies),
 * and no id kept or changed by the identity check (a delta keeps every id as this build published it).
 */
function deltaMayFollow(report: BuildReport, config: SiteConfig): boolean {
  return !config.archive && report.skipped.length === 0 && !hasErrors(report.diagnostics) && report.published !== undefined && (report.publish?.idsChanged.length ?? 0) === 0;
}

/**
 * git's blob ids for the articles folder, asked for once and only when first wanted (after the listing), and the
 * index's listings they are made from, which may be started earlier (`prefetch`).
 */
function onceGitIds(articlesDir: string): (() => Promise<VouchedIds | undefined>) & { prefetch: () => void } {
  let listings: Promise<GitListings> | undefined;
  let asked: Promise<VouchedIds | undefined> | undefined;
  const listed = () => (listings ??= gitListings(articlesDir));
  const ids = () => (asked ??= gitBlobIds(articlesDir, listed()));
  return Object.assign(ids, { prefetch: () => void listed().catch(() => undefined) });
}

/**
 * Articles from the files (through the cache), then the site they make, with the feed items' bodies rendered; with
 * the cache, also the fingerprint of the files' contents for the up-to-date record.
 */
async function collect(
  options: BuildOptions,
  config: SiteConfig,
  paths: Paths,
  scan: Scan,
  saveCache: boolean,
  gitIds: () => Promise<VouchedIds | undefined>,
): Promise<BuildReport & { contents?: Contents | undefined; cache?: BuildCache<StoredResult> | undefined }> {
  const cache = options.cache ? await BuildCache.open<StoredResult>(options.cacheRoot ?? process.cwd(), cacheKey(config, paths.articlesDir)) : undefined;
  const { results, fromCache, threads } = await normaliseScan(paths.articlesDir, scan, config, options.now, cache, options.onProgress, gitIds);
  const contents = cache && contentsFingerprint(scan.files, (i) => cache.contentOf(scan.files[i]!));
  if (cache && saveCache) {
    cache.keepOnly(scan.files);
    await cache.save().catch(() => undefined); // a cache that cannot be written only costs speed next time
  }
  const files = scan.files.map((file) => join(paths.articlesDir, file));
  const prior = await previousPublish({ ...(options.cache ? { cacheRoot: options.cacheRoot ?? process.cwd() } : {}), outDir: paths.outDir, ...(options.previous ? { previous: options.previous } : {}) });
  if (!prior.ok) return emptyReport("config-error", [prior.diagnostic], paths);
  const bodies = options.cache ? await RenderedBodies.open(options.cacheRoot ?? process.cwd(), `${cacheKey(config, paths.articlesDir)} bodies`) : undefined;
  const site = siteFromResults(results, files, config, { ...options, previous: prior.previous, ...(bodies ? { renderBody: bodies.render } : {}) });
  if (bodies && saveCache && site.status === "ok") await bodies.save().catch(() => undefined); // only costs speed next time
  const diagnostics = scan.warnings?.length ? sortDiagnostics([...scan.warnings, ...site.diagnostics]) : site.diagnostics;
  return { ...site, diagnostics, articlesFromCache: fromCache, threads, paths, contents, cache };
}

/**
 * The site that normalised results make (one per source, named by `files`): collisions found, invalid ones left out
 * when skipping, the site assembled and the feed items' bodies read and rendered. Shared by files and entries.
 */
export function siteFromResults(
  results: readonly ArticleResult[],
  files: readonly string[],
  config: SiteConfig,
  options: Pick<BuildOptions, "now" | "skipInvalid" | "strictIds"> & { previous?: Previous; renderBody?: BodyRenderer },
): Omit<BuildReport, "paths"> {
  const diagnostics: Diagnostic[] = [];
  const articles: Article[] = [];
  const drafts: string[] = [];
  const notArticles: string[] = [];
  results.forEach((result, i) => {
    if (result.kind === "invalid") return void diagnostics.push(...result.diagnostics);
    if (result.kind === "not-article") return void notArticles.push(files[i]!);
    diagnostics.push(...result.warnings);
    if (result.kind === "draft") drafts.push(files[i]!);
    else articles.push(result.article);
  });
  const { previous } = options;
  const idHost = idHostOf(config);
  const moved = previous && hostMove(config, previous.state.idHost, idHost);
  if (moved) return { status: "config-error", diagnostics: [moved], files: [], articlesFound: files.length, articlesFromCache: 0, threads: 1, skipped: [] };
  const identity = previous ? keepKnownIds(articles, Object.values(previous.state.feeds).flat(), { strict: options.strictIds === true }) : undefined;
  // Copied one by one: spreading 300,000 articles as arguments overflowed the stack (a second build of a large archive).
  if (identity) identity.articles.forEach((article, i) => (articles[i] = article));
  for (const found of [identity?.diagnostics ?? [], findCollisions(articles)]) for (const d of found) diagnostics.push(d);
  const sorted = sortDiagnostics(diagnostics);
  const invalidFiles = new Set(sorted.filter((d) => d.severity === "error" && d.file !== undefined).map((d) => d.file!));
  const plan = assembleSite({ config, now: options.now, articles: articles.filter((a) => !invalidFiles.has(a.file)), drafts, notArticles });
  const site = attachBodies(plan, readBody, options.renderBody);
  const status = hasErrors(sorted) && !options.skipInvalid ? "invalid" : "ok";
  const skipped = options.skipInvalid ? [...invalidFiles] : [];
  const stableNow = stableNowRange(articles, options.now, config.maxFutureDays);
  const published = publishedState(site, idHost);
  const publish = previous && diffPublished(previous.state, published, previous.source, identity?.changes ?? []);
  return { status, diagnostics: sorted, site, files: [], articlesFound: files.length, articlesFromCache: 0, threads: 1, skipped, stableNow, published, ...(publish ? { publish } : {}) };
}

/**
 * Every output of a valid site, rendered: the formats, the report, and the preview page when asked for. With an
 * incremental render, the formats it rendered (the ones it kept are only listed in `files`).
 */
export function renderOutputs(
  report: BuildReport,
  config: SiteConfig,
  preview: boolean,
  incremental?: IncrementalRender,
): { rendered: RenderedOutput[]; document: Record<string, unknown>; files: ((sizes?: ReadonlyMap<string, number>) => OutputFile[]) & { names: string[] } } {
  const site = report.site!;
  const document = reportDocument(report);
  const formats = incremental?.outputs ?? renderSite(site);
  const rendered = formats.filter((o): o is RenderedOutput => o.content !== undefined);
  const listed: { name: string; count: number }[] = [...formats, { name: OUTPUTS.report.name, count: report.skipped.length }];
  rendered.push({ name: OUTPUTS.report.name, content: renderReportDocument(document), count: report.skipped.length });
  if (preview) {
    const outputs = listed.map(({ name, count }) => ({ name, count }));
    rendered.push({ name: config.previewFile, content: renderPreview(site, outputs), count: site.feed.items.length });
    listed.push({ name: config.previewFile, count: site.feed.items.length });
  }
  // The report's text is final only once written (it states the generation): sizes are read when they are asked for.
  const keptBytes = new Map(incremental?.outputs.map((o) => [o.name, o.bytes]));
  // `sizes`: the files' sizes on disk once written, when known.
  const files = (sizes?: ReadonlyMap<string, number>): OutputFile[] => {
    const contents = new Map(rendered.map((o) => [o.name, o.content]));
    return listed.map(({ name, count }) => {
      const content = contents.get(name);
      if (content === undefined) return { name, count, bytes: keptBytes.get(name)!, kept: true };
      return { name, count, bytes: sizes?.get(name) ?? Buffer.byteLength(content) };
    });
  };
  return { rendered, document, files: Object.assign(files, { names: listed.map((o) => o.name) }) };
}

/** Writes the set in dependency order (parts before the indexes that name them); a failure as a diagnostic. */
export async function writeOutputs(
  outDir: string,
  rendered: RenderedOutput[],
  options: Pick<BuildOptions, "io" | "replaceForeign"> & { keep?: readonly string[] },
  document?: Record<string, unknown>,
): Promise<{ ok: true; generation: number } | { ok: false; diagnostic: Diagnostic; untouched: boolean }> {
  const ordered = rendered.map((file, i) => ({ file, i })).sort((a, b) => writeOrder(a.file.name) - writeOrder(b.file.name) || a.i - b.i);
  // The report states the generation, which the writer decides under its lock: it is rendered then.
  const report = rendered.find((f) => f.name === OUTPUTS.report.name);
  const contentOf = (file: RenderedOutput) => (file === report && document ? (generation: number) => renderReportDocument(withGeneration(document, generation)) : file.content);
  try {
    const written = await writeAtomically(
      outDir,
      ordered.map(({ file }) => ({ name: file.name, content: contentOf(file) })),
      { ...(options.io ? { io: options.io } : {}), replaceForeign: options.replaceForeign === true, ...(options.keep ? { keep: options.keep } : {}) },
    );
    if (report && document) report.content = renderReportDocument(withGeneration(document, written.generation));
    return { ok: true, generation: written.generation };
  } catch (error) {
    return { ok: false, diagnostic: writeProblem(outDir, error), untouched: !(error instanceof OutputWriteError) || error.restored };
  }
}

/** A failed write as a diagnostic: the writer's own message says exactly what happened and what is left. */
function writeProblem(outDir: string, error: unknown): Diagnostic {
  const file = relative(process.cwd(), outDir) || ".";
  if (error instanceof OutputLockedError) return { code: "output.locked", severity: "error", file, message: error.message, expected: "one build at a time in an output folder" };
  if (error instanceof ForeignOutputError) {
    return {
      code: "output.foreign-file",
      severity: "error",
      file,
      message: error.message,
      found: error.files.slice(0, 10).join(", ") + (error.files.length > 10 ? ` and ${error.files.length - 10} more` : ""),
      expected: "an output folder whose existing files patrika wrote (its manifest lists them)",
      hint: "build into a folder of patrika's own, set previewFile for an index.html another tool writes, or pass --replace-foreign to replace them",
    };
  }
  const restored = !(error instanceof OutputWriteError) || error.restored;
  return {
    code: "output.write-failed",
    severity: "error",
    file,
    message: error instanceof OutputWriteError ? error.message : `the output could not be written (${(error as Error).message})`,
    expected: "a writable output folder with free space",
    ...(restored ? {} : { hint: "fix the disk, then build again: the next build finishes putting the previous output back first" }),
  };
}

export const loadConfigOf = (options: BuildOptions): Promise<ConfigResult> | ConfigResult =>
  options.config ? validateConfig(options.config, "(options.config)") : loadConfig(options.configFile);

function emptyReport(status: BuildReport["status"], diagnostics: Diagnostic[], paths: Paths): BuildReport {
  return { status, diagnostics, files: [], articlesFound: 0, articlesFromCache: 0, threads: 0, skipped: [], paths };
}

/** Bumped whenever what the cache stores changes shape. */
const CACHE_FORMAT = 8;

/** A cache is valid only for the same tool version, cache format, articles folder and config. */
function cacheKey(config: SiteConfig, articlesDir: string): string {
  const configHash = createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16);
  return `${GENERATOR.name} ${GENERATOR.version} format ${CACHE_FORMAT} config ${configHash} ${resolve(articlesDir)}`;
}

/** Flags override the config, the config overrides the defaults. */
/** outDir equal to the articles folder or inside it: each build would read its own output (and feeds named *.md) next time. */
function nestedOutput(paths: Paths, configFile: string | undefined): Diagnostic | undefined {
  const articles = resolve(paths.articlesDir);
  const out = resolve(paths.outDir);
  if (out !== articles && !out.startsWith(articles + sep)) return undefined;
  return {
    code: "config.out-inside-articles",
    severity: "error",
    ...(configFile ? { file: configFile } : {}),
    field: "outDir",
    message: out === articles ? "the output folder is the articles folder" : "the output folder is inside the articles folder",
    found: `outDir ${paths.outDir}, articlesDir ${paths.articlesDir}`,
    expected: "an output folder beside the articles folder, such as output or public",
  };
}

function pathsOf(options: BuildOptions, config?: { articlesDir?: string; outDir?: string }): Paths {
  return { articlesDir: options.articlesDir ?? config?.articlesDir ?? "articles", outDir: options.outDir ?? config?.outDir ?? "output" };
}
