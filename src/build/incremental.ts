import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Article, Feed, FeedSite, Site } from "../model.js";
import { renderArchiveFile, renderFeedFiles, renderNewsSitemapFiles, renderSitemapFiles, type RenderedOutput } from "../render/index.js";
import { GENERATOR } from "../version.js";
import { CACHE_DIR, writeCacheRecord } from "./cache.js";
import { hashedLines, sha256, type HashedLines } from "./hashed-lines.js";

/**
 * Incremental rendering (docs/adr/0007-incremental-rendering.md): the outputs fall into groups, each rendered from
 * inputs a fingerprint covers (a feed's three files, one archive page, the news sitemap's parts and index, the
 * sitemap's parts and index). A group whose fingerprint matches the one recorded for the files on disk, and whose
 * files are untouched since, is kept as it is; the others are rendered. The report and the preview page are
 * rendered every time (they state now and the set).
 */

const RECORD_FILE = "outputs.json";

/**
 * Bumped whenever a renderer's bytes change for the same model without the tool's version changing (a build from a
 * checkout between releases): every recorded fingerprint is then stale.
 */
const RENDER_FORMAT = 1;

/**
 * One output file as written: its count for the summary, the stamp that tells it is still the one written, and the
 * sha256 of its bytes, which tells it when only the stamp changed (restored from a CI cache, copied with its times).
 */
interface WrittenFile {
  name: string;
  count: number;
  size: number;
  mtimeMs: number;
  ino: number;
  sha256?: string;
}

/** The fingerprint of each group's inputs and the files it wrote, for one output folder. */
export interface OutputsRecord {
  /** The cache key (tool version, config, articles folder). */
  key: string;
  outDir: string;
  groups: Record<string, { fingerprint: string; files: WrittenFile[] }>;
}

/** What rendering left to write and what it kept. */
export interface IncrementalRender {
  /** Every output but the report and preview, in the order a full build renders them; `content` is undefined for a kept one. */
  outputs: { name: string; count: number; bytes: number; content?: string }[];
  /** Names kept from the last build (not rewritten). */
  keep: string[];
  /** The groups' fingerprints, to record once the set is written. */
  fingerprints: { key: string; fingerprint: string; names: string[] }[];
  /** Groups kept as they were, with their recorded files. */
  kept: Record<string, { fingerprint: string; files: WrittenFile[] }>;
}

/** One group of outputs: rendered together, from the inputs its fingerprint covers. */
export interface Group {
  key: string;
  fingerprint: string;
  render: () => RenderedOutput[];
}

/** The groups of a site, in the order a full build renders their files (render/index.ts renderSite). */
function groupsOf(site: Site): Group[] {
  const context = contextOf(site);
  const groups: Group[] = [site.feed, ...site.categoryFeeds].map((feed) => feedGroup(site, feed, context));
  for (const page of site.archive) {
    groups.push({
      key: `archive:${page.number}`,
      fingerprint: digest(context, (lines) => {
        lines.add(`archive\n${site.archive.length}\n${page.number}\n${JSON.stringify(page.updated)}\n`);
        for (const item of page.items) lines.add(`${JSON.stringify(item)}\n`);
      }),
      render: () => [renderArchiveFile(site, page)],
    });
  }
  groups.push({
    key: "news",
    fingerprint: digest(context, (lines) => {
      lines.add(`news\n${site.updated.iso}\n`);
      for (const a of site.news.items) lines.add(`${a.url}\t${a.published.iso}\t${lastmodOf(a)}\t${imageOf(a)}\t${a.title}\n`);
    }),
    render: () => renderNewsSitemapFiles(site),
  });
  if (!site.config.sitemap) return groups; // the site generator writes its own (config.sitemap)
  groups.push({
    key: "sitemap",
    fingerprint: digest(context, (lines) => {
      lines.add(`sitemap\n${site.updated.iso}\n${JSON.stringify(site.categories)}\n`);
      for (const a of site.articles) lines.add(`${a.url}\t${lastmodOf(a)}\t${imageOf(a)}\n`);
    }),
    render: () => renderSitemapFiles(site),
  });
  return groups;
}

/**
 * A feed's group: its three files, from its own fields and items (and, for the main feed, how many archive pages
 * there are: its Atom links the newest). The feed renderers read nothing else of the site but its config.
 */
export function feedGroup(site: FeedSite, feed: Feed, context = contextOf(site)): Group {
  const { items, ...meta } = feed;
  const main = feed === site.feed;
  return {
    key: `feed:${feed.folder}`,
    fingerprint: digest(context, (lines) => {
      lines.add(`feed\n${JSON.stringify(meta)}\n${main ? site.archive.length : "-"}\n`);
      for (const item of items) lines.add(`${JSON.stringify(item)}\n`);
    }),
    render: () => renderFeedFiles(site, feed),
  };
}

/** What every renderer may read besides its group's own data: the tool, the render format and the whole config. */
function contextOf(site: Pick<Site, "config" | "feed">): string {
  return `${GENERATOR.name} ${GENERATOR.version}\n${RENDER_FORMAT}\n${JSON.stringify(site.config)}\n${site.feed.homeUrl}\n${site.feed.title}\n`;
}

const lastmodOf = (a: Article) => (a.updated ?? a.published).iso;
const imageOf = (a: Article) => (a.image ? `+${a.image.url}` : "-");

function digest(context: string, feed: (lines: HashedLines) => void): string {
  const lines = hashedLines();
  lines.add(context);
  feed(lines);
  return lines.digest();
}

/**
 * Renders the groups whose inputs changed since `previous` was recorded (every group without a record), and keeps
 * the others: a kept group's files must be listed in the output folder's manifest (`owned`) and still be the bytes
 * written (same size, modification time and inode; or, with a new stamp, the same sha256).
 */
export function renderIncrementally(site: Site, previous: OutputsRecord | undefined, outDir: string, owned: ReadonlySet<string>): IncrementalRender {
  const result: IncrementalRender = { outputs: [], keep: [], fingerprints: [], kept: {} };
  for (const group of groupsOf(site)) {
    const recorded = previous?.groups[group.key];
    const kept = recorded && recorded.fingerprint === group.fingerprint ? onDisk(outDir, recorded.files, owned) : undefined;
    if (kept) {
      result.kept[group.key] = { fingerprint: group.fingerprint, files: kept };
      for (const file of kept) {
        result.outputs.push({ name: file.name, count: file.count, bytes: file.size });
        result.keep.push(file.name);
      }
      continue;
    }
    const files = group.render();
    for (const file of files) result.outputs.push({ name: file.name, count: file.count, bytes: Buffer.byteLength(file.content), content: file.content });
    result.fingerprints.push({ key: group.key, fingerprint: group.fingerprint, names: files.map((f) => f.name) });
  }
  return result;
}

/**
 * A group's files as they are on disk, if every one is still the one a build wrote: by its stamp (a rewrite renames
 * a new file into place: a new inode), else by its bytes, and then under its new stamp.
 */
function onDisk(outDir: string, files: readonly WrittenFile[], owned: ReadonlySet<string>): WrittenFile[] | undefined {
  const now: WrittenFile[] = [];
  for (const file of files) {
    const path = join(outDir, file.name);
    const info = owned.has(file.name) ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (!info || info.size !== file.size) return undefined;
    if (info.mtimeMs === file.mtimeMs && info.ino === file.ino) now.push(file);
    else if (file.sha256 !== undefined && sha256(readFileSync(path)) === file.sha256) now.push({ ...file, mtimeMs: info.mtimeMs, ino: info.ino });
    else return undefined;
  }
  return now;
}

/** The record of a written set: kept groups as they were, rendered ones with their files as now on disk. */
export function recordOf(key: string, outDir: string, render: IncrementalRender): OutputsRecord | undefined {
  const written = new Map(render.outputs.map((o) => [o.name, o]));
  const groups: OutputsRecord["groups"] = { ...render.kept };
  for (const { key: group, fingerprint, names } of render.fingerprints) {
    const files: WrittenFile[] = [];
    for (const name of names) {
      const info = statSync(join(outDir, name), { throwIfNoEntry: false });
      if (!info) return undefined;
      const { count, content } = written.get(name)!;
      files.push({ name, count, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, ...(content === undefined ? {} : { sha256: sha256(content) }) });
    }
    groups[group] = { fingerprint, files };
  }
  return { key, outDir: resolve(outDir), groups };
}

/** The record for this key and output folder, if there is one (missing, foreign or damaged: none). */
export async function readOutputsRecord(root: string, key: string, outDir: string): Promise<OutputsRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(join(root, CACHE_DIR, RECORD_FILE), "utf8")) as OutputsRecord;
    return record.key === key && record.outDir === resolve(outDir) && typeof record.groups === "object" ? record : undefined;
  } catch {
    return undefined;
  }
}

export async function writeOutputsRecord(root: string, record: OutputsRecord): Promise<void> {
  await writeCacheRecord(root, RECORD_FILE, record);
}
