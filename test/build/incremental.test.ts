/**
 * Incremental rendering (docs/adr/0007-incremental-rendering.md) writes what a full build writes. A seeded random
 * sequence of edits (title, dates, category, body, image), additions, deletions, renames, config changes and a now
 * that moves (some steps just past an article's edge of the 48-hour news window) is built twice after every step:
 * with the cache, into A (outputs whose inputs did not change are kept), and without it, into B (everything
 * rendered). Both folders must then hold the same files, byte for byte; only the set's sequence number
 * (`generation`) may differ, since a build that changes nothing does not publish a new set, and the report's name
 * for where it read the last publish from. Without archive pages, body edits are the commonest step, so many builds
 * are delta builds (build/delta.ts): those seeds must make some, and they too must give a full build's bytes.
 */
import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "../../src/build/index.js";

const HOUR = 3_600_000;
const NEWS_WINDOW = 48 * HOUR;
const START = Date.parse("2025-07-14T12:00:00+06:00");
const CATEGORIES = ["bangladesh", "bangladesh/dhaka", "sports", "economy", "world", undefined];
const WORDS = ["নদী", "পানি", "বাজার", "দাম", "খেলা", "জয়", "ট্রেন", "বৃষ্টি", "সড়ক", "বিদ্যালয়", "ফসল", "বন্দর"];

/** mulberry32: the same seed, the same sequence. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Story {
  title: string;
  published: number;
  updated?: number;
  category: string | undefined;
  body: string;
  image?: string;
}

const iso = (ms: number) => new Date(ms + 6 * HOUR).toISOString().replace(/\.\d{3}Z$/, "+06:00");

function text(story: Story): string {
  const lines = [`title: "${story.title}"`, `date: "${iso(story.published)}"`];
  if (story.updated !== undefined) lines.push(`updated: "${iso(story.updated)}"`);
  if (story.category !== undefined) lines.push(`category: ${story.category}`);
  if (story.image !== undefined) lines.push(`image: "${story.image}"`);
  return `---\n${lines.join("\n")}\n---\n${story.body}\n`;
}

/**
 * A file's text as compared: the set's sequence number blanked (manifest and report), and in the report the name of
 * where the last publish was read from (the build cache for A, B's own feeds for B) — the publish diff itself stays.
 */
function comparable(name: string, content: string): string {
  const blanked = content.replace(/"generation": ?\d+/, '"generation": 0');
  return name === "patrika-report.json" ? blanked.replace(/"previous": "[^"]*"/, '"previous": "(source)"') : blanked;
}

/** Every file below a folder (hidden ones too), with its bytes; the generation number blanked where it is stated. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (lstatSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else files.set(`${prefix}${entry}`, comparable(`${prefix}${entry}`, readFileSync(path, "utf8")));
    }
  };
  walk(dir, "");
  return files;
}

function expectSameFiles(a: Map<string, string>, b: Map<string, string>, step: string): void {
  expect({ step, files: [...a.keys()] }).toEqual({ step, files: [...b.keys()] });
  for (const [name, content] of b) if (a.get(name) !== content) expect({ step, name, content: a.get(name) }).toEqual({ step, name, content });
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-incremental-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test.each([
  [7, true],
  [2025, true],
  [11, false],
  [12, false],
])("random edits, built incrementally, give a full build's bytes (seed %i, archive %s)", async (seed, archive) => {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const stories = new Map<string, Story>();
  let now = START;
  let serial = 0;
  let config: Record<string, unknown> = { siteUrl: "https://www.dainik-nodipar.com.bd", title: "দৈনিক নদীপার", feedSize: 8, archive };
  const articles = join(root, "articles");

  const save = (file: string) => {
    mkdirSync(dirname(join(articles, file)), { recursive: true });
    writeFileSync(join(articles, file), text(stories.get(file)!));
  };
  const add = () => {
    const file = `${pick(["", "", "desk/"])}story-${++serial}.md`;
    // Most in the last ten days (many in or near the news window), a few scheduled for the coming day.
    const published = Math.round((now - random() * 10 * 24 * HOUR + (random() < 0.1 ? 26 * HOUR : 0)) / 60_000) * 60_000;
    stories.set(file, { title: words(3), published, category: pick(CATEGORIES), body: words(12), ...(random() < 0.3 ? { image: `https://cdn.example.org/${serial}.jpg` } : {}) });
    save(file);
  };
  const writeConfig = () => writeFileSync(join(root, "patrika.config.json"), JSON.stringify(config));
  for (let i = 0; i < 240; i++) add();
  writeConfig();

  const edits: Record<string, () => void> = {
    title: () => edit((s) => (s.title = words(3))),
    body: () => edit((s) => (s.body = `${s.body} ${words(2)}`)),
    date: () => edit((s) => (s.published += Math.round((random() - 0.5) * 72) * HOUR)),
    updated: () => edit((s) => (s.updated = s.published + Math.round(random() * 10) * HOUR)),
    category: () => edit((s) => (s.category = pick(CATEGORIES))),
    image: () => edit((s) => (s.image = s.image ? undefined : `https://cdn.example.org/new-${serial++}.jpg`)),
    add,
    delete: () => {
      const file = pick([...stories.keys()]);
      stories.delete(file);
      rmSync(join(articles, file));
    },
    rename: () => {
      const file = pick([...stories.keys()]);
      const to = `renamed/${file.replace(/^.*\//, "")}`;
      if (stories.has(to)) return;
      mkdirSync(dirname(join(articles, to)), { recursive: true });
      renameSync(join(articles, file), join(articles, to));
      stories.set(to, stories.get(file)!);
      stories.delete(file);
    },
    // Just past the window's edge for one article in it (it leaves the news sitemap), or a few hours on.
    now: () => {
      const inWindow = [...stories.values()].map((s) => s.published).filter((p) => p <= now && p >= now - NEWS_WINDOW);
      now = inWindow.length > 0 && random() < 0.6 ? pick(inWindow) + NEWS_WINDOW + 1 + Math.floor(random() * 1000) : now + Math.floor(random() * 6 * HOUR);
    },
    config: () => {
      config = { ...config, feedSize: pick([6, 8, 10]), categoryFeeds: random() < 0.8 };
      writeConfig();
    },
  };
  function edit(change: (story: Story) => void): void {
    const file = pick([...stories.keys()]);
    change(stories.get(file)!);
    save(file);
  }

  const kinds = Object.keys(edits);
  let deltas = 0;
  for (let step = 0; step < 18; step++) {
    // Without archive pages, half the steps edit bodies only: what a delta build is for.
    const bodiesOnly = step === 0 || (!archive && random() < 0.5);
    const done = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const kind = bodiesOnly ? "body" : pick(kinds);
      edits[kind]!();
      return kind;
    });
    const options = { now: new Date(now), articlesDir: articles, configFile: join(root, "patrika.config.json"), cacheRoot: root };
    const incremental = await build({ ...options, outDir: join(root, "A"), cache: true });
    const full = await build({ ...options, outDir: join(root, "B"), cache: false });
    const label = `step ${step} (${done.join(", ")}) at ${iso(now)}`;
    expect({ label, status: incremental.status }).toEqual({ label, status: "ok" });
    expect({ label, status: full.status }).toEqual({ label, status: "ok" });
    expectSameFiles(snapshot(join(root, "A")), snapshot(join(root, "B")), label);
    // The summary lists the same files and counts (the report's size follows the source name it states); only the
    // incremental build kept some.
    const summary = (files: typeof full.files) => files.map(({ kept: _, ...f }) => (f.name === "patrika-report.json" ? { ...f, bytes: 0 } : f));
    expect(full.files.some((f) => f.kept)).toBe(false);
    expect(summary(incremental.files)).toEqual(summary(full.files));
    if (incremental.delta) deltas++;
  }
  if (!archive) expect(deltas).toBeGreaterThan(2);
  else expect(deltas).toBe(0); // archive pages hold bodies: never a delta
}, 120_000);

test("an edit to an article no feed carries rewrites neither the feeds nor the news sitemap", async () => {
  const articles = join(root, "articles");
  mkdirSync(articles, { recursive: true });
  for (let i = 1; i <= 12; i++) {
    writeFileSync(join(articles, `s${i}.md`), text({ title: `খবর ${i}`, published: START - i * 6 * HOUR, category: i % 2 ? "sports" : "economy", body: `লেখা ${i}।` }));
  }
  writeFileSync(join(root, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.dainik-nodipar.com.bd", title: "দৈনিক নদীপার", feedSize: 3 }));
  const options = { now: new Date(START), articlesDir: articles, configFile: join(root, "patrika.config.json"), cacheRoot: root, outDir: join(root, "A"), cache: true };
  await build(options);
  const inode = (name: string) => statSync(join(root, "A", name)).ino;
  const before = ["rss.xml", "news-sitemap.xml", "sitemap.xml", "sports/atom.xml", "economy/feed.json"].map(inode);
  // The oldest article: in no feed (each carries 3), outside the news window; its body is in no output.
  writeFileSync(join(articles, "s12.md"), text({ title: "খবর 12", published: START - 72 * HOUR, category: "economy", body: "নতুন লেখা।" }));
  const report = await build(options);
  expect(report.status).toBe("ok");
  expect(["rss.xml", "news-sitemap.xml", "sitemap.xml", "sports/atom.xml", "economy/feed.json"].map(inode)).toEqual(before);
  // A title in the news window is in the news sitemap: that one is rewritten, the sitemap is not.
  writeFileSync(join(articles, "s1.md"), text({ title: "নতুন শিরোনাম", published: START - 6 * HOUR, category: "sports", body: "লেখা 1।" }));
  await build(options);
  expect(inode("news-sitemap.xml")).not.toBe(before[1]);
  expect(inode("sitemap.xml")).toBe(before[2]);
  expect(inode("economy/feed.json")).toBe(before[4]);
}, 60_000);

test("an output changed or removed by hand is rendered again, not kept", async () => {
  const articles = join(root, "articles");
  mkdirSync(articles, { recursive: true });
  for (let i = 1; i <= 6; i++) writeFileSync(join(articles, `s${i}.md`), text({ title: `খবর ${i}`, published: START - i * 20 * HOUR, category: "sports", body: `লেখা ${i}।` }));
  writeFileSync(join(root, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.dainik-nodipar.com.bd", title: "দৈনিক নদীপার", feedSize: 3 }));
  const options = { now: new Date(START), articlesDir: articles, configFile: join(root, "patrika.config.json"), cacheRoot: root, cache: true };
  await build({ ...options, outDir: join(root, "A") });
  const sitemap = readFileSync(join(root, "A", "sitemap.xml"), "utf8");
  const feed = readFileSync(join(root, "A", "sports", "rss.xml"), "utf8");
  // Same size, so only the stamp tells: the file is not the one the build wrote.
  writeFileSync(join(root, "A", "sitemap.xml"), sitemap.replace("<urlset", "<urlSet"));
  rmSync(join(root, "A", "sports", "rss.xml"));
  writeFileSync(join(articles, "s6.md"), text({ title: "খবর 6", published: START - 120 * HOUR, category: "sports", body: "নতুন লেখা।" }));
  expect((await build({ ...options, outDir: join(root, "A") })).status).toBe("ok");
  expect(readFileSync(join(root, "A", "sitemap.xml"), "utf8")).toBe(sitemap);
  expect(readFileSync(join(root, "A", "sports", "rss.xml"), "utf8")).toBe(feed);
}, 60_000);

test("outputs put back with their times but new inodes (a CI cache restored) are kept by their bytes, not rendered again", async () => {
  const articles = join(root, "articles");
  mkdirSync(articles, { recursive: true });
  for (let i = 1; i <= 8; i++) writeFileSync(join(articles, `s${i}.md`), text({ title: `খবর ${i}`, published: START - i * 10 * HOUR, category: "sports", body: `লেখা ${i}।` }));
  writeFileSync(join(root, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.dainik-nodipar.com.bd", title: "দৈনিক নদীপার", feedSize: 3 }));
  const options = { now: new Date(START), articlesDir: articles, configFile: join(root, "patrika.config.json"), cacheRoot: root, outDir: join(root, "A"), cache: true };
  await build(options);
  // As actions/cache saves and restores a folder: tar --posix keeps each file's time to the nanosecond, not its inode.
  const restore = () => {
    execFileSync("tar", ["--posix", "-cf", join(root, "A.tar"), "-C", root, "A"]);
    rmSync(join(root, "A"), { recursive: true });
    execFileSync("tar", ["-xf", join(root, "A.tar"), "-C", root]);
  };
  restore();
  // Nothing changed: the last build's record matches by size and time.
  expect((await build(options)).upToDate).toBe(true);
  restore();
  const names = ["rss.xml", "sports/atom.xml", "news-sitemap.xml"];
  const inode = (name: string) => statSync(join(root, "A", name)).ino;
  const restored = names.map(inode);
  const bytes = names.map((name) => readFileSync(join(root, "A", name), "utf8"));
  // The oldest article (in no feed, outside the news window) gets a new headline (a body-only edit would be a delta
  // build, which keeps the outputs record as it was): the feeds and the news sitemap stay.
  writeFileSync(join(articles, "s8.md"), text({ title: "খবর ৮", published: START - 80 * HOUR, category: "sports", body: "নতুন লেখা।" }));
  expect((await build(options)).status).toBe("ok");
  expect(names.map(inode)).toEqual(restored);
  expect(names.map((name) => readFileSync(join(root, "A", name), "utf8"))).toEqual(bytes);
  // Their new stamps are recorded: the next build knows them without reading them.
  const record = JSON.parse(readFileSync(join(root, ".patrika-cache", "outputs.json"), "utf8")) as { groups: Record<string, { files: { name: string; ino: number }[] }> };
  expect(record.groups["feed:"]!.files.find((f) => f.name === "rss.xml")!.ino).toBe(restored[0]);
  // A restored file whose bytes differ (same size) is rendered again.
  restore();
  const rss = readFileSync(join(root, "A", "rss.xml"), "utf8");
  const { mtime } = statSync(join(root, "A", "rss.xml"));
  writeFileSync(join(root, "A", "rss.xml"), rss.replace("<channel>", "<Channel>"));
  utimesSync(join(root, "A", "rss.xml"), mtime, mtime);
  writeFileSync(join(articles, "s8.md"), text({ title: "খবর 8", published: START - 80 * HOUR, category: "sports", body: "আরও নতুন লেখা।" }));
  expect((await build(options)).status).toBe("ok");
  expect(readFileSync(join(root, "A", "rss.xml"), "utf8")).toBe(rss);
}, 60_000);
