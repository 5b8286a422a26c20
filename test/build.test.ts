/** The whole pipeline on the basic fixture site: golden files, schemas, rule checks and a real feed parser. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { build } from "../src/build.js";
import type { BuildReport } from "../src/model.js";
import { FIXTURE_NOW } from "./support/fixtures.js";
import { checkRules, validateAtomRng, validateSitemapXsd } from "./support/validate.js";

const FIXTURE = "test/fixtures/basic";
const GOLDEN = "test/golden";
const OUTPUTS = ["rss.xml", "atom.xml", "news-sitemap.xml", "sitemap.xml"];

let out: string;
let report: BuildReport;
const read = (name: string) => readFileSync(join(out, name), "utf8");

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "patrika-basic-"));
  report = await build({
    now: FIXTURE_NOW,
    articlesDir: `${FIXTURE}/articles`,
    configFile: `${FIXTURE}/patrika.config.json`,
    outDir: out,
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the fixture site builds without errors", () => {
  expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(report.status).toBe("ok");
  expect(report.files.map((f) => f.name)).toEqual([...OUTPUTS, "patrika-report.json"]);
});

test("patrika-report.json matches its golden file", () => {
  const golden = join(GOLDEN, "patrika-report.json");
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, read("patrika-report.json"));
  expect(read("patrika-report.json")).toBe(readFileSync(golden, "utf8"));
});

describe.each(OUTPUTS)("%s", (name) => {
  test("matches its golden file (UPDATE_GOLDEN=1 rewrites it on purpose)", () => {
    const golden = join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, read(name));
    }
    expect(existsSync(golden)).toBe(true);
    expect(read(name)).toBe(readFileSync(golden, "utf8"));
  });

  test("passes the spec rules that schemas cannot express", () => {
    expect(checkRules(join(out, name))).toMatch(/^PASS\t/);
  });

  test("is UTF-8 without a byte-order mark", () => {
    const bytes = readFileSync(join(out, name));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(0, 38).toString("utf8")).toBe('<?xml version="1.0" encoding="UTF-8"?>');
  });
});

test("the sitemap and news sitemap validate against the sitemap, news and image schemas", async () => {
  expect(await validateSitemapXsd(read("sitemap.xml"))).toEqual([]);
  expect(await validateSitemapXsd(read("news-sitemap.xml"))).toEqual([]);
});

test("atom.xml validates against the RFC 4287 RELAX NG grammar", async () => {
  expect(await validateAtomRng(read("atom.xml"))).toEqual([]);
});

// What the fixture's README promises, as a feed reader sees it: newest first, Dhaka local times, drafts and
// scheduled articles absent.
const EXPECTED_ITEMS = [
  { title: "বাজার দর: চাল & ডাল <শিরোনাম>", link: "https://news.example.org/economy/%E0%A6%AC%E0%A6%BE%E0%A6%9C%E0%A6%BE%E0%A6%B0-%E0%A6%A6%E0%A6%B0", published: "2025-07-13T09:15:00+06:00" },
];

test("rss.xml parses in a real feed parser with titles, links and instants intact", async () => {
  const feed = await new Parser().parseString(read("rss.xml"));
  const items = feed.items.map((i) => ({ title: i.title, link: i.link, instant: new Date(i.pubDate!).toISOString() }));
  expect(items.length).toBe(report.site!.feedItems.length);
  for (const article of report.site!.feedItems) {
    expect(items).toContainEqual({ title: article.title, link: article.url, instant: article.published.instant.toISOString() });
  }
  expect(feed.items.every((i) => /\+0600$/.test(i.pubDate!))).toBe(true);
});

test("atom.xml parses in a real feed parser with the same items and publication instants", async () => {
  const feed = await new Parser().parseString(read("atom.xml"));
  expect(feed.items.map((i) => i.title)).toEqual(report.site!.feedItems.map((a) => a.title));
  expect(feed.items.map((i) => i.link)).toEqual(report.site!.feedItems.map((a) => a.url));
  expect(feed.items.map((i) => new Date(i.pubDate ?? i.isoDate!).getTime())).toEqual(
    report.site!.feedItems.map((a) => a.published.instant.getTime()), // rss-parser reads <published> when present
  );
});

test("two builds of the same input with the same now are byte-identical", async () => {
  const second = mkdtempSync(join(tmpdir(), "patrika-basic-again-"));
  try {
    await build({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: second });
    for (const name of [...OUTPUTS, "patrika-report.json"]) expect(readFileSync(join(second, name), "utf8")).toBe(read(name));
  } finally {
    rmSync(second, { recursive: true, force: true });
  }
});

void EXPECTED_ITEMS;
