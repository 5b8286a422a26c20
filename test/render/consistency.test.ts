/**
 * A generated 5,000-article corpus (shared/bench/gen-corpus.mjs, Bengali dates) through the whole pipeline: every
 * file validates, two real feed parsers read the same titles, links, authors and instants as the source, and RSS,
 * Atom, JSON Feed and the news sitemap agree item by item.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import Parser from "rss-parser";
import { build } from "../../src/build/index.js";
import type { BuildReport } from "../../src/model.js";
import { checkRules, SHARED, validateOutput } from "../support/validate.js";

const NOW = new Date("2025-07-14T12:00:00+06:00");
let site: string;
let out: string;
let report: BuildReport;
const read = (name: string) => readFileSync(join(out, name), "utf8");

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), "patrika-5000-"));
  out = join(site, "output");
  execFileSync("node", [join(SHARED, "bench", "gen-corpus.mjs"), "--out", join(site, "articles"), "--n", "5000", "--seed", "11", "--now", NOW.toISOString()]);
  writeFileSync(join(site, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.example-patrika.com.bd", title: "দৈনিক নদীপার", feedSize: 50 }));
  report = await build({ now: NOW, articlesDir: join(site, "articles"), configFile: join(site, "patrika.config.json"), outDir: out });
}, 120_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

test("the corpus builds without errors", () => {
  expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(report.site!.articles.length).toBe(5000);
  expect(report.site!.news.items.length).toBeGreaterThan(0);
});

test("every output file validates against its schema and passes the spec rules", async () => {
  for (const { name } of report.files) {
    expect(`${name}: ${(await validateOutput(name, read(name))).join("; ")}`).toBe(`${name}: `);
    if (name !== "patrika-report.json") expect(`${name}: ${checkRules(join(out, name))}`).toMatch(/: PASS\t/);
  }
}, 120_000);

test("two feed parsers read the source's titles, links, authors and instants from RSS and Atom", async () => {
  const items = report.site!.feed.items;
  const expected = items.map((a) => ({ title: a.title, link: a.url, authors: a.authors, instant: a.published.instant.getTime() }));
  for (const name of ["rss.xml", "atom.xml"]) {
    const rowan = parseFeed(read(name));
    expect(rowan.items.map((i) => ({ title: i.title, link: i.url, authors: i.authors.map((x) => x.name), instant: i.published!.getTime() }))).toEqual(expected);
    const rss = await new Parser().parseString(read(name));
    expect(rss.items.map((i) => ({ title: i.title, link: i.link, instant: new Date(i.isoDate!).getTime() }))).toEqual(
      expected.map(({ title, link, instant }) => ({ title, link, instant })),
    );
  }
});

test("RSS, Atom, JSON Feed and the news sitemap carry the same items with the same ids, titles, links and instants", () => {
  const rssItems = parseFeed(read("rss.xml")).items.map((i) => [i.id, i.title, i.url, i.published!.getTime()]);
  const atomItems = parseFeed(read("atom.xml")).items.map((i) => [i.id, i.title, i.url, i.published!.getTime()]);
  const json = JSON.parse(read("feed.json")) as { items: { id: string; title: string; url: string; date_published: string }[] };
  const jsonItems = json.items.map((i) => [i.id, i.title, i.url, Date.parse(i.date_published)]);
  expect(atomItems).toEqual(rssItems);
  expect(jsonItems).toEqual(rssItems);

  const news = [...read("news-sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>[\s\S]*?<news:publication_date>([^<]+)<\/news:publication_date>\s*<news:title>([^<]*)<\/news:title>/g)].map(
    (m) => [m[1], Date.parse(m[2]!), m[3]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")],
  );
  const byUrl = new Map(rssItems.map(([, title, url, instant]) => [url, [url, instant, title]]));
  const inBoth = news.filter(([url]) => byUrl.has(url as string));
  expect(inBoth.length).toBe(Math.min(news.length, rssItems.length));
  for (const entry of inBoth) expect(entry).toEqual(byUrl.get(entry[0] as string));
});
