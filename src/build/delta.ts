import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { readBody } from "../load/bodies.js";
import type { Article, BuildReport, Feed, FeedItem, FeedSite, OutputFile, PublishedState, SiteConfig } from "../model.js";
import { idHostOf } from "../normalise/article.js";
import { formatIsoInZone } from "../dates/index.js";
import { OUTPUTS } from "../outputs.js";
import { diffPublished, LAST_BUILD, publishedFeeds } from "../render/published.js";
import { publishSection, renderReportDocument, restampReport, withGeneration } from "../render/report.js";
import { writeAtomically, type WriteIo } from "../write/atomic.js";
import { DELTA_FEWEST_WORTH_SAVING, RenderedBodies } from "./bodies.js";
import { BuildCache, CACHE_DIR, writeCacheFile, type FileStamp, type Stamp } from "./cache.js";
import { feedGroup, readOutputsRecord, recordOf as outputsRecordOf, writeOutputsRecord, type IncrementalRender } from "./incremental.js";
import { publishedRecordText, recordPublish } from "./previous.js";
import { restoreDate, restoreResult, storeDate, storeResult, storedWarnings, withStoredWarnings, type StoredDate, type StoredResult } from "./stored.js";
import { namesDigest, patchContents, patchStampSet, recordStands, statOutputs, writeRecord, type BuildRecord } from "./up-to-date.js";
import { FileTable } from "./delta-table.js";
import { sha256 } from "./hashed-lines.js";
import { GIT_MIN_TOUCHED, type VouchedIds } from "./git.js";
import { normaliseFile } from "./workers.js";

/**
 * The delta build (docs/adr/0011-delta-builds.md): after a full build, what it needs to redo one whose edits kept
 * every touched file's head (the bytes before the body, which are all its normalised result is made from) is kept
 * here: each file's stamp, blob id and head id, and the feeds as lists of files with their items' articles. An edit
 * of bodies only then re-renders the feeds those files are in, from this record, without loading the article cache
 * or assembling the site: the sitemaps, news sitemap and every other feed are the bytes they were.
 */
const DELTA_FILE = "delta.json";
/** Its table of files (build/delta-table.ts), beside it. */
const TABLE_FILE = "delta.bin";
/**
 * The feed items' stored articles and the news sitemap's stories (0.5 MB at 100,000 articles), apart from the
 * header: a delta that renders no feed and touched no feed item never reads them. No delta changes them.
 */
const STORIES_FILE = "delta-stories.json";

/**
 * A delta reads its touched files one after another on this thread; past this many (a pull of a day's edits) the
 * full build, with its worker threads, is left to do it. A bound chosen, not measured: one file costs well under a
 * millisecond here.
 */
const DELTA_MAX_TOUCHED = 64;

/** The record's first line. */
interface DeltaHeader {
  key: string;
  outDir: string;
  /** The last build's inputs fingerprint (BuildRecord.inputs) when this was written: the two describe one build. */
  inputs: string;
  /** sha256 of the listed files' names: the same files, in the same order, or no delta build. */
  names: string;
  count: number;
  /** What the listing warned of (symbolic links skipped): in the report, so it must not have changed. */
  listing: string;
  /** sha256 of the published record written with it: the identity it kept is the one the next build compares with. */
  published: string;
  /** Each feed: its fields but the items, and its items as indices of files. */
  feeds: { meta: Omit<Feed<Article>, "items" | "updated">; updated: StoredDate; items: number[] }[];
  /** The sha1 of each block of the table, as written with this header. */
  checksums: string[];
  /** sha256 of the stories file's text as written with this header. */
  stories: string;
}

/** What the feeds and the news sitemap hold (delta-stories.json). */
interface DeltaStories {
  /** The stored article of each feed item, by file index, with the ids it was published under. */
  members: Record<number, StoredResult>;
  /** The news sitemap's stories, as the published state names them. */
  news: PublishedState["news"];
}

/**
 * The record: the header (delta.json), the table of files' stamps, blob ids and head ids (delta.bin), and the
 * stories, read when first asked for (undefined when missing or not the header's).
 */
export interface DeltaRecord {
  header: DeltaHeader;
  table: FileTable;
  stories: () => Promise<DeltaStories | undefined>;
}

/** What a full build hands over for the record. */
export interface FullBuild {
  root: string;
  key: string;
  outDir: string;
  articlesDir: string;
  files: readonly string[];
  stamps: readonly (FileStamp | undefined)[];
  listing: readonly Diagnostic[];
  inputs: string;
  config: SiteConfig;
  feeds: readonly Feed[];
  news: PublishedState["news"];
  published: PublishedState;
  cache: BuildCache<StoredResult>;
}

/**
 * Writes the record of a full build, or removes the last one when a file has no stamp or head id or a feed item
 * cannot be stored (a record left from an earlier build could otherwise match this build's inputs, which a build
 * that only re-rendered outputs leaves as they were). The caller decides whether the build was one a delta may
 * follow (valid, no archive, no preview, no ids changed), and removes the record itself when not.
 */
export async function writeDeltaRecord(build: FullBuild): Promise<void> {
  const record = deltaRecordOf(build);
  await (record ? writeWholeRecord(build.root, record, true) : forgetDeltaRecord(build.root));
}

/** Removes the record: the next build is not a delta of any earlier one. */
export async function forgetDeltaRecord(root: string): Promise<void> {
  await rm(join(root, CACHE_DIR, DELTA_FILE), { force: true });
  await rm(join(root, CACHE_DIR, TABLE_FILE), { force: true });
  await rm(join(root, CACHE_DIR, STORIES_FILE), { force: true });
}

function deltaRecordOf(build: FullBuild): DeltaRecord | undefined {
  const { files, stamps, cache } = build;
  const count = files.length;
  const table = FileTable.empty(count);
  for (let i = 0; i < count; i++) {
    const stamp = stamps[i];
    const blob = cache.blobOf(files[i]!);
    const head = cache.headOf(files[i]!);
    if (!stamp || !blob || !head) return undefined;
    table.setStamp(i, stamp);
    table.setBlob(i, blob);
    table.setHead(i, head);
  }
  const indexOf = new Map<string, number>();
  for (const feed of build.feeds) for (const item of feed.items) indexOf.set(item.relativePath, -1);
  files.forEach((file, i) => indexOf.has(file) && indexOf.set(file, i));
  const members: Record<number, StoredResult> = {};
  const feeds: DeltaHeader["feeds"] = [];
  for (const feed of build.feeds) {
    const { items, updated, ...meta } = feed;
    const indices: number[] = [];
    for (const item of items) {
      const i = indexOf.get(item.relativePath)!;
      const offset = "offset" in item.body ? item.body.offset : undefined; // a body held as text is no file's
      const stored = i >= 0 && offset !== undefined ? storeResult({ kind: "article", article: articleOf(item), warnings: [] }, item.file, offset, build.config) : undefined;
      if (!stored) return undefined;
      members[i] = stored;
      indices.push(i);
    }
    feeds.push({ meta, updated: storeDate(updated), items: indices });
  }
  const header: DeltaHeader = {
    key: build.key,
    outDir: build.outDir,
    inputs: build.inputs,
    names: namesDigest(files),
    count,
    listing: JSON.stringify(build.listing),
    published: sha256(JSON.stringify(build.published)),
    feeds,
    checksums: [], // set when saved
    stories: "", // set when saved
  };
  const stories: DeltaStories = { members, news: build.news };
  return { header, table, stories: async () => stories };
}

/** A feed item's article without what rendering added (the keys an Article has, in its order). */
function articleOf(item: FeedItem): Article {
  const { html: _html, description: _description, ...article } = item;
  return article;
}

/**
 * Moves the record to new stamps when the last build's record matched by contents (a fresh checkout: every stamp
 * new, every byte vouched for by git): `from` is the inputs it must describe, `to` the new ones.
 */
export async function restampDeltaRecord(
  root: string,
  moved: { key: string; from: string; to: string; files: readonly string[]; stamps: readonly (FileStamp | undefined)[] },
  /** The record as the delta build read it, when it did: not read again. */
  known?: DeltaRecord,
): Promise<void> {
  const delta = known ?? (await readDeltaRecord(root));
  if (!delta || delta.header.key !== moved.key || delta.header.inputs !== moved.from || delta.header.count !== moved.files.length || delta.header.names !== namesDigest(moved.files)) return;
  for (let i = 0; i < moved.files.length; i++) {
    const stamp = moved.stamps[i];
    if (!stamp || stamp.size !== delta.table.size(i)) return; // the contents matched, so the sizes must too
    delta.table.setStamp(i, stamp);
  }
  delta.header.inputs = moved.to;
  await writeWholeRecord(root, delta, false);
}

/**
 * Writes the table whole and the stories, then the header with their checksums (a header is never newer than what
 * it describes). The stories are written only when new (a full build's), not when the record moves to new stamps.
 */
async function writeWholeRecord(root: string, delta: DeltaRecord, withStories: boolean): Promise<void> {
  delta.header.checksums = delta.table.checksums();
  await writeCacheFile(root, TABLE_FILE, delta.table.bytes);
  if (withStories) {
    const stories = await delta.stories();
    if (!stories) return forgetDeltaRecord(root);
    const text = JSON.stringify(stories);
    delta.header.stories = sha256(text);
    await writeCacheFile(root, STORIES_FILE, text);
  }
  await writeCacheFile(root, DELTA_FILE, JSON.stringify(delta.header));
}

/**
 * Writes the rows changed since the record was read into the table in place, then the header with their blocks'
 * new checksums: stopped between the two, the table no longer matches the header and the record is not used.
 */
async function writeChangedRows(root: string, delta: DeltaRecord): Promise<void> {
  delta.header.checksums = delta.table.patchedChecksums(delta.header.checksums);
  const handle = await open(join(root, CACHE_DIR, TABLE_FILE), "r+");
  try {
    for (const { position, bytes } of delta.table.changedRows()) await handle.write(bytes, 0, bytes.length, position);
  } finally {
    await handle.close();
  }
  await writeCacheFile(root, DELTA_FILE, JSON.stringify(delta.header));
}

async function readDeltaRecord(root: string): Promise<DeltaRecord | undefined> {
  try {
    const [text, bytes] = await Promise.all([readFile(join(root, CACHE_DIR, DELTA_FILE), "utf8"), readFile(join(root, CACHE_DIR, TABLE_FILE))]);
    const header = JSON.parse(text) as DeltaHeader;
    // A header written before the stories had their own file holds no digest of them: not read.
    const table = Array.isArray(header.checksums) && typeof header.stories === "string" ? FileTable.verified(bytes, header.count, header.checksums) : undefined;
    return table && { header, table, stories: once(() => readStories(root, header.stories)) };
  } catch {
    return undefined; // missing or damaged: no delta build
  }
}

async function readStories(root: string, digest: string): Promise<DeltaStories | undefined> {
  try {
    const text = await readFile(join(root, CACHE_DIR, STORIES_FILE), "utf8");
    return sha256(text) === digest ? (JSON.parse(text) as DeltaStories) : undefined;
  } catch {
    return undefined;
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** What a build knows when it asks for a delta build: the last build's record did not hold. */
export interface DeltaInput {
  now: Date;
  config: SiteConfig;
  paths: BuildReport["paths"];
  root: string;
  /** The last build's record, as the build read it. */
  record: BuildRecord | undefined;
  key: string;
  files: readonly string[];
  stamps: readonly (FileStamp | undefined)[];
  listing: readonly Diagnostic[];
  skipInvalid: boolean;
  inputs: string;
  folder?: [number, number] | undefined;
  stampSet: () => string;
  /** git's blob ids for the articles folder, asked only when many files have new stamps. */
  gitIds: () => Promise<VouchedIds | undefined>;
  io?: WriteIo;
}

/**
 * What a delta build came to: built; or nothing to build, because git vouches that every file with a new stamp
 * holds the bytes the last build read (a fresh checkout): the last build's record then holds by contents, which the
 * caller settles without asking git or reading the record again.
 */
export type DeltaOutcome = { kind: "built"; report: BuildReport } | { kind: "same-contents"; record: DeltaRecord };

/**
 * The build after edits that kept every touched file's head, from the last build's records: the touched files are
 * read whole (every check a full build makes of their bytes) and normalised, and must give what they gave, warnings
 * too; then only the feeds they are in are rendered, and written with the report. Undefined, with nothing written,
 * whenever anything else may have changed: the full build then decides.
 */
export async function deltaBuild(input: DeltaInput): Promise<DeltaOutcome | undefined> {
  const { now, config, paths, root, files, stamps, record } = input;
  const delta = record && (await readDeltaRecord(root));
  if (!record || !delta || !lastBuildHolds(record, delta, input)) return undefined;
  const stamped = newStamps(delta, stamps);
  if (!stamped || stamped.length === 0) return undefined;
  // A fresh checkout of a commit with a few edits: every stamp is new, and git vouches for the files not edited.
  const vouched = stamped.length >= GIT_MIN_TOUCHED ? await input.gitIds() : undefined;
  const records = vouched?.records(files);
  const sameBytes = (i: number) => {
    const r = records ? records[i]! : -1;
    return r >= 0 && stamps[i]!.size === delta.table.size(i) && vouched!.idEquals(r, delta.table.bytes, delta.table.blobAt(i));
  };
  const touched = stamped.filter((i) => !sameBytes(i));
  if (touched.length === 0) return { kind: "same-contents", record: delta }; // git vouched for every one
  if (touched.length > DELTA_MAX_TOUCHED) return undefined;
  const previousText = await publishedRecordText(root, paths.outDir);
  if (previousText === undefined || sha256(previousText) !== delta.header.published) return undefined;
  const recordedWarnings = (record.reportDocument.warnings ?? []) as Diagnostic[];
  // A touched feed item is compared with its stored article, so only then are the stories read before rendering.
  const inFeeds = new Set(delta.header.feeds.flatMap((feed) => feed.items));
  const stories = touched.some((i) => inFeeds.has(i)) ? await delta.stories() : undefined;
  const fresh = new Map<number, { sha1: string; head: string }>();
  for (const i of touched) {
    const outcome = normaliseFile(paths.articlesDir, files[i]!, config, now, "plain", true);
    if (outcome.kind !== "valid" || !outcome.value || !outcome.sha1 || outcome.head !== delta.table.head(i)) return undefined;
    if (inFeeds.has(i) && !stories) return undefined;
    if (!sameResult(outcome.value, stories?.members[i], recordedWarnings, join(paths.articlesDir, files[i]!))) return undefined;
    fresh.set(i, { sha1: outcome.sha1, head: outcome.head });
  }
  // A file touched but not changed (same blob id) changes no feed.
  const edited = new Set(touched.filter((i) => delta.table.blob(i) !== fresh.get(i)!.sha1));
  for (const [i, { sha1 }] of fresh) delta.table.setBlob(i, sha1);
  const previous = JSON.parse(previousText) as PublishedState;
  // No feed holds an edited file (an older story's text): nothing is rendered, and readers are published what they were.
  const feedsChanged = delta.header.feeds.some((feed) => feed.items.some((i) => edited.has(i)));
  const changes = feedsChanged ? await renderEdited(input, delta, edited, previous) : undefined;
  if (feedsChanged && !changes) return undefined;
  const folders = delta.header.feeds.map((feed) => feed.meta.urlFolder);
  const report = await publishDelta({ input, record, delta, folders, changes, previous, fresh, restamped: stamped });
  return report && { kind: "built", report };
}

/** What a delta whose edits are in feeds changes: those feeds with their bodies, and what readers are then published. */
interface FeedChanges {
  rendered: ChangedFeeds;
  bodies: RenderedBodies;
  published: PublishedState;
}

/** The feeds that hold an edited file, rendered with their bodies, and what readers are then published. */
async function renderEdited(input: DeltaInput, delta: DeltaRecord, edited: ReadonlySet<number>, previous: PublishedState): Promise<FeedChanges | undefined> {
  const stories = await delta.stories();
  const feeds = stories && feedsOf(delta, stories, input.files, input.paths.articlesDir, input.now);
  if (!stories || !feeds) return undefined;
  const changed = new Set(feeds.filter((feed) => feed.indices.some((i) => edited.has(i))));
  const bodies = await RenderedBodies.open(input.root, `${input.key} bodies`);
  const rendered = renderChanged(feeds, changed, bodies);
  const published: PublishedState = { idHost: idHostOf(input.config), feeds: publishedOf(feeds, rendered, previous, edited), news: stories.news };
  return { rendered, bodies, published };
}

/** The last build's record describes this build's inputs but the touched files, and its outputs are as written. */
function lastBuildHolds(record: BuildRecord, delta: DeltaRecord, input: DeltaInput): boolean {
  const { header } = delta;
  if (header.key !== record.key || header.outDir !== record.outDir || header.inputs !== record.inputs) return false;
  if (header.count !== input.files.length || header.listing !== JSON.stringify(input.listing) || header.names !== namesDigest(input.files)) return false;
  return recordStands(record, { ...input, outDir: input.paths.outDir });
}

/** The files whose stamp differs from the recorded one; undefined when one has none. */
function newStamps(delta: DeltaRecord, stamps: readonly (FileStamp | undefined)[]): number[] | undefined {
  const touched: number[] = [];
  for (let i = 0; i < stamps.length; i++) {
    const stamp = stamps[i];
    if (!stamp) return undefined;
    if (!delta.table.sameStamp(i, stamp)) touched.push(i);
  }
  return touched;
}

/**
 * Whether a touched file's result, read now, is the one the last build used: its warnings the ones the report
 * names for the file (a note that depends on now, such as a relative age beside the date, may have changed), and,
 * for a feed item, the stored article itself.
 */
function sameResult(value: StoredResult, member: StoredResult | undefined, recorded: readonly Diagnostic[], path: string): boolean {
  const key = (d: Diagnostic) => JSON.stringify(d);
  const before = recorded.filter((d) => d.file === path).map(key).sort();
  const after = storedWarnings(value).map(key).sort();
  if (before.length !== after.length || before.some((k, n) => k !== after[n])) return false;
  // The member was stored with its published id and no warnings: the id a kept identity gave it is compared as stored.
  return member === undefined || JSON.stringify(withStoredWarnings(value, [])) === JSON.stringify(member);
}

/** A feed as the record keeps it, its items' articles restored (bodies not rendered), with their files' indices. */
type RecordedFeed = Feed<Article> & { indices: number[] };

/** Every feed again from the record; undefined when a stored article does not hold at this now. */
function feedsOf(delta: DeltaRecord, stories: DeltaStories, files: readonly string[], articlesDir: string, now: Date): RecordedFeed[] | undefined {
  const articles = new Map<number, Article>();
  const articleAt = (i: number): Article | undefined => {
    const known = articles.get(i);
    if (known) return known;
    const stored = stories.members[i];
    const result = stored && restoreResult(stored, join(articlesDir, files[i]!), now, delta.table.blob(i));
    if (!result || result.kind !== "article") return undefined;
    articles.set(i, result.article);
    return result.article;
  };
  const list: RecordedFeed[] = [];
  for (const { meta, updated, items: indices } of delta.header.feeds) {
    const items: Article[] = [];
    for (const i of indices) {
      const article = articleAt(i);
      if (!article) return undefined;
      items.push(article);
    }
    list.push({ ...meta, items, updated: restoreDate(updated), indices });
  }
  return list;
}

/** The changed feeds with their items' bodies, by feed, and the main feed with its bodies (the renderers' `site.feed`). */
interface ChangedFeeds {
  changed: Map<RecordedFeed, Feed>;
  main: Feed;
}

/**
 * The changed feeds and the main one with their items' bodies, each rendered once (from the store when it is
 * there); the other feeds' bodies are kept in the store as they are, for the next build.
 */
function renderChanged(feeds: readonly RecordedFeed[], changed: ReadonlySet<RecordedFeed>, bodies: RenderedBodies): ChangedFeeds {
  const items = new Map<Article, FeedItem>();
  const itemOf = (article: Article): FeedItem => {
    let item = items.get(article);
    if (!item) {
      const { html, excerpt } = bodies.render(article, () => readBody(article));
      item = { ...article, html, description: article.summary ?? excerpt };
      items.set(article, item);
    }
    return item;
  };
  const withBodies = ({ indices: _, ...fields }: RecordedFeed): Feed => ({ ...fields, items: fields.items.map(itemOf) });
  const result: ChangedFeeds = { changed: new Map(), main: withBodies(feeds[0]!) };
  for (const feed of feeds) {
    if (changed.has(feed)) result.changed.set(feed, feed === feeds[0] ? result.main : withBodies(feed));
    else for (const article of feed.items) bodies.keep(article);
  }
  return result;
}

/**
 * What this build publishes: an unchanged feed's items as the last build published them (the record says this
 * build's feeds are that build's), a changed feed's hashed again, but for the untouched stories in it.
 */
function publishedOf(feeds: readonly RecordedFeed[], rendered: ChangedFeeds, previous: PublishedState, edited: ReadonlySet<number>): PublishedState["feeds"] {
  const before = new Map(Object.values(previous.feeds).flatMap((items) => items.map((item) => [item.id, item] as const)));
  const editedIds = new Set(feeds.flatMap((feed) => feed.items.filter((_, n) => edited.has(feed.indices[n]!)).map((a) => a.id)));
  const result: PublishedState["feeds"] = {};
  for (const feed of feeds) {
    const withBodies = rendered.changed.get(feed);
    result[feed.folder] = withBodies ? publishedFeeds([withBodies], (item) => (editedIds.has(item.id) ? undefined : before.get(item.id)))[feed.folder]! : previous.feeds[feed.folder]!;
  }
  return result;
}

interface Publish {
  input: DeltaInput;
  record: BuildRecord;
  delta: DeltaRecord;
  /** Every feed's URL folder, for the summary. */
  folders: string[];
  /** What the edits change; none when no feed holds an edited file (readers are then published `previous`). */
  changes: FeedChanges | undefined;
  previous: PublishedState;
  fresh: Map<number, { sha1: string; head: string }>;
  /** Every file with a new stamp: the touched ones (`fresh`) and the ones git vouches for. */
  restamped: number[];
}

/** The changed feeds' output groups, rendered (the main feed is the renderers' `site.feed`). */
function renderGroups(config: SiteConfig, feeds: ChangedFeeds) {
  const site: FeedSite = { config, feed: feeds.main, archive: [] };
  return [...feeds.changed.values()].map((feed) => feedGroup(site, feed)).map((group) => ({ group, files: group.render() }));
}

/** Renders the changed feeds and the report, writes them with every other output kept, then the records. */
async function publishDelta(p: Publish): Promise<BuildReport | undefined> {
  const { input, record, changes } = p;
  const { config, paths, now } = input;
  const published = changes?.published ?? p.previous;
  const rendered = changes ? renderGroups(config, changes.rendered) : [];
  const publish = diffPublished(p.previous, published, LAST_BUILD, []);
  const restamped = { ...restampReport(record.reportDocument, now, config.timeZone), publish: publishSection(publish) };
  const reportName = OUTPUTS.report.name;
  const written = new Map<string, string>();
  for (const { files } of rendered) for (const file of files) written.set(file.name, file.content);
  let document: Record<string, unknown> = restamped;
  const report = { name: reportName, content: (generation: number) => renderReportDocument((document = withGeneration(restamped, generation))) };
  const keep = record.outputs.map((o) => o.name).filter((name) => !written.has(name) && name !== reportName);
  // Nothing rendered and the report as it stands (same now, nothing published anew): no output is written, as in a
  // build that changed nothing (build/up-to-date.ts); the generation stays the last build's.
  const sameReport = written.size === 0 && renderReportDocument(withGeneration(restamped, Number(record.reportDocument.generation))) === renderReportDocument(record.reportDocument);
  if (sameReport) document = record.reportDocument;
  else {
    try {
      await writeAtomically(paths.outDir, [...[...written].map(([name, content]) => ({ name, content })), report], { ...(input.io ? { io: input.io } : {}), keep });
    } catch {
      return undefined; // the full build tries again and reports what went wrong
    }
  }
  const reportText = renderReportDocument(document);
  const files: OutputFile[] = record.summary.files.map((f) => {
    const content = f.name === reportName ? (sameReport ? undefined : reportText) : written.get(f.name);
    if (content === undefined) return { name: f.name, count: f.count, bytes: f.bytes, kept: true };
    return { name: f.name, count: f.count, bytes: Buffer.byteLength(content) };
  });
  await saveRecords(p, rendered, files, document).catch(() => undefined); // without them the next build is a full one
  const { articlesFound, diagnostics } = record.summary;
  const summary = { edited: p.fresh.size, now: formatIsoInZone(now, config.timeZone), config, feeds: p.folders.map((urlFolder) => ({ urlFolder })) };
  return { status: "ok", diagnostics, files, articlesFound, articlesFromCache: articlesFound - p.fresh.size, threads: 0, skipped: [], paths, stableNow: { from: record.from, until: record.until }, published, publish, delta: summary };
}

/** The records the next build reads, in the order that keeps them consistent if this one is stopped between two. */
async function saveRecords(p: Publish, rendered: { group: ReturnType<typeof feedGroup>; files: { name: string; content: string; count: number }[] }[], files: OutputFile[], document: Record<string, unknown>): Promise<void> {
  const { input, record, delta } = p;
  const { root, paths, key } = input;
  // The last build's record is stale from the write on (its outputs changed on disk): nothing is trusted until it is rewritten, last but one.
  const outputsRecord = rendered.length > 0 ? await readOutputsRecord(root, key, paths.outDir) : undefined;
  if (outputsRecord) {
    const changedKeys = new Set(rendered.map((r) => r.group.key));
    const render: IncrementalRender = {
      outputs: rendered.flatMap((r) => r.files.map((f) => ({ name: f.name, count: f.count, bytes: Buffer.byteLength(f.content), content: f.content }))),
      keep: [],
      fingerprints: rendered.map((r) => ({ key: r.group.key, fingerprint: r.group.fingerprint, names: r.files.map((f) => f.name) })),
      kept: Object.fromEntries(Object.entries(outputsRecord.groups).filter(([group]) => !changedKeys.has(group))),
    };
    const next = outputsRecordOf(key, paths.outDir, render);
    if (next) await writeOutputsRecord(root, next);
  }
  if (p.changes) {
    await recordPublish(root, paths.outDir, p.changes.published);
    await p.changes.bodies.save(DELTA_FEWEST_WORTH_SAVING);
  }
  // The journal learns the touched files' new stamps; the ones git vouched for keep theirs there (as after a build
  // that matched by contents: the next full build asks git again).
  const journal = [...p.fresh].map(([i, { sha1, head }]): [string, Stamp] => {
    const s = input.stamps[i]!;
    return [input.files[i]!, [s.size, s.mtimeMs, s.ctimeMs, sha1, head]];
  });
  if (!(await BuildCache.appendStamps(root, key, journal))) return;
  const changedStamps = p.restamped.map((i) => [i, input.files[i]!, input.stamps[i]!] as [number, string, FileStamp]);
  for (const [i, , s] of changedStamps) delta.table.setStamp(i, s);
  const outputs = statOutputs(paths.outDir, record.outputs.map((o) => o.name));
  if (!outputs) return;
  const contents = patchContents(record.contentsParts, input.files, (i) => [delta.table.size(i), delta.table.blob(i)], p.fresh.keys());
  const { contents: _digest, contentsParts: _parts, ...kept } = record; // replaced, or dropped when unknown
  const next: BuildRecord = {
    ...kept,
    inputs: input.inputs,
    ...(contents ? { contents: contents.digest, contentsParts: contents.parts } : {}),
    stampSet: record.stampSet ? patchStampSet(record.stampSet, changedStamps) : input.stampSet(),
    ...(input.folder ? { folder: input.folder } : {}),
    nowMs: input.now.getTime(),
    outputs,
    summary: { ...record.summary, files },
    reportDocument: document,
  };
  await writeRecord(root, next);
  delta.header.inputs = input.inputs;
  if (p.changes) delta.header.published = sha256(JSON.stringify(p.changes.published));
  await writeChangedRows(root, delta);
}
