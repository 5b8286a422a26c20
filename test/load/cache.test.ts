/** The build cache: unchanged files are never re-read, changed ones always are, and a damaged cache is never trusted. */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build.js";
import { FIXTURE_NOW } from "../support/fixtures.js";

let root: string;
const options = () => ({
  now: FIXTURE_NOW,
  articlesDir: join(root, "articles"),
  configFile: "test/fixtures/basic/patrika.config.json",
  outDir: join(root, "output"),
  cache: true,
  cacheRoot: root,
});
const outputs = () => ["rss.xml", "atom.xml", "sitemap.xml", "news-sitemap.xml"].map((n) => readFileSync(join(root, "output", n), "utf8"));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-cache-"));
  cpSync("test/fixtures/basic/articles", join(root, "articles"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("a second build reads no article; its output is byte-identical to an uncached build", async () => {
  const first = await build(options());
  expect([first.articlesFound, first.articlesFromCache]).toEqual([7, 0]);
  const cold = outputs();
  const second = await build(options());
  expect(second.articlesFromCache).toBe(7);
  expect(outputs()).toEqual(cold);
  await build({ ...options(), cache: false });
  expect(outputs()).toEqual(cold);
});

test("a changed article is read again and its change published", async () => {
  await build(options());
  const file = join(root, "articles", "c-cricket.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("শেষ বলে জয় পেল বিভাগীয় দল", "শেষ বলে জিতল বিভাগীয় দল"));
  const report = await build(options());
  expect(report.articlesFromCache).toBe(6);
  expect(readFileSync(join(root, "output", "rss.xml"), "utf8")).toContain("শেষ বলে জিতল বিভাগীয় দল");
});

test("a damaged cache is ignored, never trusted", async () => {
  await build(options());
  const cacheFile = join(root, ".patrika-cache", "articles.jsonl");
  writeFileSync(cacheFile, readFileSync(cacheFile, "utf8").replace("সুরমার", "ভুল"));
  expect((await build(options())).articlesFromCache).toBe(0);
  appendFileSync(cacheFile, "garbage");
  expect((await build(options())).articlesFromCache).toBe(0);
  writeFileSync(cacheFile, "not json at all\n{");
  const report = await build(options());
  expect([report.status, report.articlesFromCache]).toEqual(["ok", 0]);
});

test("--no-cache neither reads nor writes the cache", async () => {
  await build({ ...options(), cache: false });
  expect(() => readFileSync(join(root, ".patrika-cache", "articles.jsonl"))).toThrow();
});

test("a cached article's body is read when a feed renders it", async () => {
  await build(options());
  rmSync(join(root, "output"), { recursive: true });
  await build(options());
  expect(readFileSync(join(root, "output", "rss.xml"), "utf8")).toContain("তিন দিনের টানা বৃষ্টিতে");
});
