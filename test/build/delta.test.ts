/**
 * Delta builds (build/delta.ts, docs/adr/0011-delta-builds.md): after edits that keep each touched file's front
 * matter, only the feeds those files are in are rendered, from the last build's records. Every test compares with
 * what the full (incremental) build writes for the same files, and checks each case where a delta must not be used.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildOptions } from "../../src/build/index.js";

const NOW = new Date("2025-07-14T12:00:00+06:00");
const HOUR = 3_600_000;

let root: string;
let articles: string;
let options: BuildOptions;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-delta-"));
  articles = join(root, "articles");
  mkdirSync(articles);
  // Twelve stories an hour apart; feeds of five, so the older half is in no feed.
  for (let i = 1; i <= 12; i++) write(`s${i}.md`, story(i));
  writeFileSync(join(root, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.dainik-nodipar.com.bd", title: "দৈনিক নদীপার", feedSize: 5, categoryFeeds: true }));
  options = { now: NOW, articlesDir: articles, configFile: join(root, "patrika.config.json"), cacheRoot: root, outDir: join(root, "out"), cache: true };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function story(i: number, extra = ""): string {
  const date = new Date(NOW.getTime() - i * HOUR + 6 * HOUR).toISOString().replace(/\.\d{3}Z$/, "+06:00");
  return `---\ntitle: "খবর ${i}"\ndate: "${date}"\ncategory: ${i % 2 ? "sports" : "economy"}\n${extra}---\nলেখা ${i}।\n`;
}
const write = (file: string, text: string) => writeFileSync(join(articles, file), text);

/** Every output file and its bytes, the set's generation blanked (a build that changes nothing publishes none). */
function outputs(dir = join(root, "out")): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else files[`${prefix}${entry}`] = readFileSync(path, "utf8").replace(/"generation": ?\d+/, '"generation": 0');
    }
  };
  walk(dir, "");
  return files;
}

test("a body edit renders only the feeds the story is in, byte for byte what a full build writes", async () => {
  expect((await build(options)).status).toBe("ok");
  const before = outputs();
  const sitemapTime = statSync(join(root, "out", "sitemap.xml")).mtimeMs;
  appendFileSync(join(articles, "s1.md"), "নতুন অনুচ্ছেদ।\n");
  const later = new Date(NOW.getTime() + 60_000);
  const delta = await build({ ...options, now: later });
  expect(delta.status).toBe("ok");
  expect(delta.delta?.edited).toBe(1);
  // s1 is in the main feed and the sports feed; the economy feed, the sitemaps and the news sitemap stay.
  expect(delta.files.filter((f) => !f.kept).map((f) => f.name).sort()).toEqual(
    ["atom.xml", "feed.json", "patrika-report.json", "rss.xml", "sports/atom.xml", "sports/feed.json", "sports/rss.xml"].sort(),
  );
  expect(statSync(join(root, "out", "sitemap.xml")).mtimeMs).toBe(sitemapTime);
  expect(outputs()["rss.xml"]).toContain("নতুন অনুচ্ছেদ।");
  expect(outputs()["economy/rss.xml"]).toBe(before["economy/rss.xml"]);
  const report = JSON.parse(outputs()["patrika-report.json"]!) as { publish: { stories: unknown }; now: string };
  expect(report.publish.stories).toEqual({ added: 0, changed: 1, removed: 0 });
  expect(report.now).toBe("2025-07-14T12:01:00+06:00");

  // The same inputs built in full, from the records the delta build left, without the delta record.
  const deltaOutput = outputs();
  rmSync(join(root, ".patrika-cache", "delta.json"));
  // The delta build's records say what it wrote: nothing changed since, so the next build is up to date.
  expect((await build({ ...options, now: later })).upToDate).toBe(true);
  rmSync(join(root, "out"), { recursive: true });
  const full = await build({ ...options, now: later });
  expect(full.delta).toBeUndefined();
  // Every article came from the cache the delta build updated: none read again.
  expect(full.articlesFromCache).toBe(12);
  const fullOutput = outputs();
  const withoutPublish = (o: Record<string, string>) => ({ ...o, "patrika-report.json": o["patrika-report.json"]!.replace(/"publish": \{[\s\S]*?\n  \},\n/, "") });
  expect(withoutPublish(deltaOutput)).toEqual(withoutPublish(fullOutput));
});

test("a delta build after a delta build, and one of a story in no feed, still match the full build", async () => {
  await build(options);
  for (const [file, text] of [
    ["s2.md", "আরও।\n"],
    ["s11.md", "পুরনো খবরে নতুন লাইন।\n"],
    ["s2.md", "আবারও।\n"],
  ] as const) {
    appendFileSync(join(articles, file), text);
    const delta = await build(options);
    expect({ file, delta: delta.delta?.edited }).toEqual({ file, delta: 1 });
    const expected = await fullBuildAt(options.now);
    expect(outputs()).toEqual(expected);
  }
});

test("an edit of a story in no feed writes no output once the report says so, and needs neither the stories nor the bodies", async () => {
  await build(options);
  // s11 and s12 are in no feed (each holds five). The first such edit rewrites only the report (nothing published anew).
  appendFileSync(join(articles, "s11.md"), "পুরনো খবরে নতুন লাইন।\n");
  const first = await build(options);
  expect(first.delta?.edited).toBe(1);
  expect(first.files.filter((f) => !f.kept).map((f) => f.name)).toEqual(["patrika-report.json"]);
  const times = () => Object.fromEntries(Object.keys(outputs()).map((name) => [name, statSync(join(root, "out", name)).mtimeMs]));
  const before = times();
  // The next one would write the same report: nothing is written. Without the stories record, it is still a delta:
  // it never reads it.
  rmSync(join(root, ".patrika-cache", "delta-stories.json"));
  appendFileSync(join(articles, "s12.md"), "আরও একটি লাইন।\n");
  const second = await build(options);
  expect(second.delta?.edited).toBe(1);
  expect(times()).toEqual(before);
  expect(outputs()).toEqual(await fullBuildAt(options.now));
  // The edit of a feed item needs the stories: without them, a full build, which writes the records again.
  appendFileSync(join(articles, "s1.md"), "নতুন অনুচ্ছেদ।\n");
  const full = await build(options);
  expect(full.delta).toBeUndefined();
  expect(outputs()["rss.xml"]).toContain("নতুন অনুচ্ছেদ।");
  expect(outputs()).toEqual(await fullBuildAt(options.now));
  appendFileSync(join(articles, "s1.md"), "আরও একটি অনুচ্ছেদ।\n");
  expect((await build(options)).delta?.edited).toBe(1);
  expect(outputs()).toEqual(await fullBuildAt(options.now));
});

/** What a full build of the same files writes, but the report, whose publish section differs (it knows no last build). */
async function fullBuildAt(now: Date): Promise<Record<string, string>> {
  const copy = join(root, "replay");
  rmSync(copy, { recursive: true, force: true });
  // Without the cache: every article read, every output rendered.
  const full = await build({ ...options, now, cache: false, outDir: join(copy, "out") });
  expect(full.status).toBe("ok");
  const got = outputs(join(copy, "out"));
  // The publish section names what changed since the last build: a build from nothing knows no last build.
  const mine = outputs();
  got["patrika-report.json"] = mine["patrika-report.json"]!;
  rmSync(copy, { recursive: true, force: true });
  return got;
}

test("no delta build when the front matter changed, a body is not UTF-8, a note depends on now, or now moved an article", async () => {
  await build(options);
  // A new headline is front matter: what else it changes (the news sitemap, collisions) only a full build knows.
  write("s3.md", story(3).replace('title: "খবর 3"', 'title: "খবর তিন"'));
  expect((await build(options)).delta).toBeUndefined();
  expect(outputs()["rss.xml"]).toContain("খবর তিন");

  // A body with a byte that is not UTF-8: refused as a full build refuses it, and nothing is written.
  const before = outputs();
  writeFileSync(join(articles, "s4.md"), Buffer.concat([Buffer.from(story(4)), Buffer.from([0xff])]));
  const refused = await build(options);
  expect(refused.status).toBe("invalid");
  expect(refused.diagnostics.map((d) => d.code)).toEqual(["file.not-utf8"]);
  expect(outputs()).toEqual(before);
  write("s4.md", story(4));
  expect((await build(options)).status).toBe("ok");

  // Now moved past a story's hour: a new news window, so not a delta even for a body edit.
  appendFileSync(join(articles, "s5.md"), "এক লাইন।\n");
  const moved = await build({ ...options, now: new Date(NOW.getTime() + 48 * HOUR) });
  expect(moved.status).toBe("ok");
  expect(moved.delta).toBeUndefined();
});

test("a touched file whose bytes did not change rewrites no feed; an edit with a note that depends on now is a full build", async () => {
  await build(options);
  const rssTime = statSync(join(root, "out", "rss.xml")).mtimeMs;
  const later = new Date(Date.now() + 5000);
  utimesSync(join(articles, "s1.md"), later, later);
  const touched = await build(options);
  expect(touched.delta?.edited).toBe(1);
  expect(touched.files.filter((f) => !f.kept).map((f) => f.name)).toEqual(["patrika-report.json"]);
  expect(statSync(join(root, "out", "rss.xml")).mtimeMs).toBe(rssTime);

  // A date with a relative age beside it is checked against now: the note it gives may change with now, so the
  // edit is not taken as a delta when the note differs from the one the last build reported.
  write("s6.md", story(6).replace(/date: "([^"]+)"/, 'date: "$1 (৩ দিন আগে)"'));
  const noted = await build(options);
  expect(noted.status).toBe("ok");
  expect(noted.diagnostics.some((d) => d.file?.endsWith("s6.md") && d.severity === "warning")).toBe(true);
  appendFileSync(join(articles, "s6.md"), "নতুন লাইন।\n");
  // At the same now the note is word for word the same: a delta. An hour on it names another now: a full build.
  expect((await build(options)).delta?.edited).toBe(1);
  appendFileSync(join(articles, "s6.md"), "আরও লাইন।\n");
  expect((await build({ ...options, now: new Date(NOW.getTime() + 60_000) })).delta).toBeUndefined();
});

test("a delta build writes back only the rows it changed; a table that does not match its header is not used", async () => {
  await build(options);
  const cacheFile = (name: string) => join(root, ".patrika-cache", name);
  const table = readFileSync(cacheFile("delta.bin"));
  const bodies = readFileSync(cacheFile("bodies.bin"));
  appendFileSync(join(articles, "s1.md"), "নতুন অনুচ্ছেদ।\n");
  expect((await build(options)).delta?.edited).toBe(1);
  // One 64-byte row changed in place (s1's stamp and blob id); the body store keeps its one new body for later.
  const after = readFileSync(cacheFile("delta.bin"));
  const rows = Array.from({ length: table.length / 64 }, (_, i) => i).filter((i) => !table.subarray(64 * i, 64 * i + 64).equals(after.subarray(64 * i, 64 * i + 64)));
  expect(rows).toHaveLength(1);
  expect(readFileSync(cacheFile("bodies.bin"))).toEqual(bodies);

  // One bit of another file's row damaged: the record is refused, and the full build writes what it always writes.
  after[64 * ((rows[0]! + 1) % (after.length / 64)) + 30]! ^= 1;
  writeFileSync(cacheFile("delta.bin"), after);
  appendFileSync(join(articles, "s1.md"), "আরও একটি অনুচ্ছেদ।\n");
  const refused = await build(options);
  expect(refused.status).toBe("ok");
  expect(refused.delta).toBeUndefined();
  expect(outputs()).toEqual(await fullBuildAt(options.now));
  // That full build wrote the record afresh: the next edit is a delta again.
  appendFileSync(join(articles, "s2.md"), "শেষ লাইন।\n");
  expect((await build(options)).delta?.edited).toBe(1);
  expect(outputs()).toEqual(await fullBuildAt(options.now));
});
