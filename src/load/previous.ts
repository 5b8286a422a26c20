/**
 * What the last build published, read back from where it can still be found: the feeds and news sitemap in the
 * output folder, or a feed published earlier (`--previous FILE|URL`: in CI, the live feed). The build cache's record,
 * when kept, comes first (build/index.ts); this module reads the other two.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { contentHash, tagHost } from "../ids.js";
import type { PublishedItem, PublishedNews, PublishedState } from "../model.js";
import { ARCHIVE_FOLDER, OUTPUTS } from "../outputs.js";

/** How long a --previous URL may take: a publishing step must not hang on its own live site. */
const FETCH_TIMEOUT_MS = 15_000;

export type PreviousResult = { ok: true; state: PublishedState | undefined } | { ok: false; diagnostic: Diagnostic };

/**
 * The state the feeds (JSON Feed, every folder) and news sitemap parts in an output folder describe; undefined when
 * there are none. Only files patrika wrote are read (`files`, from the folder's manifest): a site's dist/ may hold
 * another tool's feed.json.
 */
export async function readOutputState(outDir: string, files: readonly string[]): Promise<PublishedState | undefined> {
  const isFeed = (name: string) => name.endsWith(`/${OUTPUTS.jsonFeed.name}`) || name === OUTPUTS.jsonFeed.name;
  const feeds: PublishedState["feeds"] = {};
  for (const name of files.filter((f) => isFeed(f) && !f.startsWith(`${ARCHIVE_FOLDER}/`))) {
    const items = jsonFeedItems(await readFile(join(outDir, name), "utf8").catch(() => ""));
    if (items) feeds[name.slice(0, name.length - OUTPUTS.jsonFeed.name.length)] = items;
  }
  if (Object.keys(feeds).length === 0) return undefined;
  const news: PublishedNews[] = [];
  for (const name of files.filter((f) => /^news-sitemap(-\d+)?\.xml$/.test(f)).sort(compareParts)) news.push(...newsEntries(await readFile(join(outDir, name), "utf8").catch(() => "")));
  return { ...idHostOf(feeds), feeds, news };
}

/** news-sitemap.xml, news-sitemap-2.xml, … -10.xml in part order. */
const compareParts = (a: string, b: string) => partNumber(a) - partNumber(b);
const partNumber = (name: string) => Number(/-(\d+)\.xml$/.exec(name)?.[1] ?? 1);

/**
 * The state one published feed describes (JSON Feed, RSS 2.0 or Atom), from a file or an http(s) URL, as the main
 * feed. A URL that answers 404 or 410 means nothing was published yet (a first publish); anything else that cannot be
 * read is an error, because ids cannot be checked against a feed nobody can read.
 */
export async function readPreviousFeed(source: string): Promise<PreviousResult> {
  const fetched = /^https?:\/\//i.test(source) ? await fetchText(source) : await readFile(source, "utf8").then((text) => ({ text }), (error: Error) => ({ error: error.message }));
  if ("missing" in fetched) return { ok: true, state: undefined };
  if ("error" in fetched) return unreadable(source, fetched.error);
  const items = fetched.text.trimStart().startsWith("{") ? jsonFeedItems(fetched.text) : await xmlFeedItems(fetched.text);
  if (!items) return unreadable(source, "it is not a JSON Feed, RSS 2.0 or Atom document");
  return { ok: true, state: { ...idHostOf({ "": items }), feeds: { "": items }, news: [], mainOnly: true } };
}

function unreadable(source: string, why: string): PreviousResult {
  return {
    ok: false,
    diagnostic: {
      code: "input.previous-unreadable",
      severity: "error",
      file: source,
      message: `the previous feed could not be read (${why}), so renamed stories cannot be told from new ones`,
      expected: "a readable RSS 2.0, Atom or JSON Feed file or http(s) URL (a URL answering 404 counts as a first publish)",
    },
  };
}

async function fetchText(url: string): Promise<{ text: string } | { missing: true } | { error: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
    if (response.status === 404 || response.status === 410) return { missing: true };
    if (!response.ok) return { error: `HTTP ${response.status}` };
    return { text: await response.text() };
  } catch (error) {
    return { error: (error as Error).name === "TimeoutError" ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : String((error as Error).cause ?? (error as Error).message) };
  }
}

/** A JSON Feed's items as published state (the content hash over each item exactly as written). */
function jsonFeedItems(text: string): PublishedItem[] | undefined {
  let document: { version?: unknown; items?: unknown };
  try {
    document = JSON.parse(text) as typeof document;
  } catch {
    return undefined;
  }
  if (typeof document.version !== "string" || !document.version.startsWith("https://jsonfeed.org/version/") || !Array.isArray(document.items)) return undefined;
  return document.items.flatMap((item: Record<string, unknown>) => {
    if (typeof item.id !== "string") return [];
    const published = typeof item.date_published === "string" ? item.date_published : "";
    return [
      {
        id: item.id,
        url: typeof item.url === "string" ? item.url : "",
        title: typeof item.title === "string" ? item.title : "",
        published,
        ...(typeof item.date_modified === "string" && item.date_modified !== published ? { updated: item.date_modified } : {}),
        content: contentHash(item),
      },
    ];
  });
}

/** The items of an RSS 2.0 or Atom document, read with a streaming XML parser (no content hash: only what readers key on). */
async function xmlFeedItems(text: string): Promise<PublishedItem[] | undefined> {
  const { SaxesParser } = await import("saxes");
  const parser = new SaxesParser();
  const items: PublishedItem[] = [];
  const path: string[] = [];
  let current: Record<string, string> | undefined;
  let root: string | undefined;
  parser.on("opentag", (tag) => {
    const name = tag.name.toLowerCase();
    root ??= name;
    path.push(name);
    if (name === "item" || name === "entry") current = {};
    if (current && name === "link" && typeof tag.attributes.href === "string" && (tag.attributes.rel ?? "alternate") === "alternate") current.link = tag.attributes.href;
  });
  const onText = (value: string) => {
    const name = path[path.length - 1];
    if (current && name && path.length >= 2 && ["item", "entry"].includes(path[path.length - 2]!)) current[name] = (current[name] ?? "") + value;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    path.pop();
    const name = tag.name.toLowerCase();
    if ((name === "item" || name === "entry") && current) {
      const id = (current.guid ?? current.id ?? current.link ?? "").trim();
      const published = toIso(current.pubdate ?? current.published ?? current.updated ?? "");
      if (id) items.push({ id, url: (current.link ?? "").trim(), title: (current.title ?? "").trim(), published, ...(current.updated && current.published ? { updated: toIso(current.updated) } : {}) });
      current = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch {
    return undefined;
  }
  return root === "rss" || root === "feed" ? items : undefined;
}

/** An RFC 822 (RSS) or RFC 3339 (Atom) date as ISO 8601, keeping the offset it was written with. */
function toIso(text: string): string {
  const trimmed = text.trim();
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return trimmed;
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return trimmed;
  const zone = /([+-])(\d{2}):?(\d{2})$/.exec(trimmed);
  const offset = zone ? (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Our own news sitemap's entries: `<loc>`, `<news:publication_date>` and `<news:title>` of each `<url>`. */
function newsEntries(xml: string): PublishedNews[] {
  const entries: PublishedNews[] = [];
  for (const block of xml.split("<url>").slice(1)) {
    const field = (tag: string) => unescapeXml(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block)?.[1] ?? "");
    const published = field("news:publication_date");
    if (published) entries.push({ url: field("loc"), title: field("news:title"), published });
  }
  return entries;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The host most minted ids (tag:HOST,…) carry, if any do. */
function idHostOf(feeds: PublishedState["feeds"]): { idHost?: string } {
  const counts = new Map<string, number>();
  for (const item of Object.values(feeds).flat()) {
    const host = tagHost(item.id);
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? { idHost: top[0] } : {};
}

