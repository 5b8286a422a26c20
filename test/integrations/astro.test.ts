/**
 * patrika/astro in a real Astro 5 build (issue 14): `astro build` of test/fixtures/astro-site, run once for the file,
 * then what landed in its dist/ is validated, parsed and matched against the pages Astro wrote.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Parser from "rss-parser";
import { copySite, expectValidOutputs, feedFiles, pageFile, runTool, type Run } from "./sites.js";

/** Astro's `site` + `base` in the fixture's astro.config.mjs. */
const SITE = "https://www.example-astro.com.bd/bn";
const encoded = (path: string) => `${SITE}/${path.split("/").map(encodeURIComponent).join("/")}`;
/** The article pages, newest first, as the fixture's route news/[...slug].astro gives them with trailingSlash "always". */
const ARTICLES = [encoded("news/নৌকাবাইচ/"), `${SITE}/news/cricket-final/`, `${SITE}/news/flood-sylhet/`, `${SITE}/news/shelters/`];

let site: ReturnType<typeof copySite>;
let run: Run;
let dist: string;
const read = (name: string) => readFileSync(join(dist, name), "utf8");

beforeAll(async () => {
  site = copySite("astro-site");
  dist = join(site.root, "dist");
  run = await runTool("astro/astro.js", ["build"], site.root);
}, 300_000);
afterAll(() => site?.remove());

test("astro build succeeds, and patrika writes the feeds and sitemaps into dist/ beside Astro's pages", () => {
  expect({ code: run.code, output: run.code === 0 ? "" : run.output }).toEqual({ code: 0, output: "" });
  expect(run.output).toContain("[patrika] 14 files for 4 articles");
  expect(feedFiles(dist)).toEqual([
    "atom.xml",
    "bangladesh/atom.xml",
    "bangladesh/feed.json",
    "bangladesh/rss.xml",
    "feed.json",
    "news-sitemap-index.xml",
    "news-sitemap.xml",
    "patrika-report.json",
    "rss.xml",
    "sitemap-index.xml",
    "sitemap.xml",
    "sports/atom.xml",
    "sports/feed.json",
    "sports/rss.xml",
  ]);
  // Astro's home page is Astro's: patrika's preview page is off.
  expect(read("index.html")).toContain('<link rel="alternate" type="application/rss+xml" href="/bn/rss.xml">');
});

test("every article link in every feed and sitemap is a page Astro wrote, at the site's URL with base and trailing slash", async () => {
  const rss = await new Parser().parseString(read("rss.xml"));
  const atom = await new Parser().parseString(read("atom.xml"));
  const json = JSON.parse(read("feed.json")) as { items: { url: string }[] };
  const news = [...read("news-sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(rss.items.map((i) => i.link)).toEqual(ARTICLES);
  expect(atom.items.map((i) => i.link)).toEqual(ARTICLES);
  expect(json.items.map((i) => i.url)).toEqual(ARTICLES);
  expect(news).toEqual(ARTICLES);
  for (const url of ARTICLES) expect({ url, page: existsSync(join(dist, pageFile(url, SITE)!)) }).toEqual({ url, page: true });
  const categoryFeed = await new Parser().parseString(read("sports/rss.xml"));
  expect(categoryFeed.items.map((i) => i.link)).toEqual([ARTICLES[0], ARTICLES[1]]);
});

test("the sitemap's home and category pages are pages Astro wrote too, ending in / as the site's article URLs do", () => {
  const locs = [...read("sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs).toEqual([`${SITE}/`, `${SITE}/bangladesh/`, `${SITE}/sports/`, ...ARTICLES]);
  for (const url of locs) expect({ url, page: existsSync(join(dist, pageFile(url, SITE)!)) }).toEqual({ url, page: true });
  expect(run.output).not.toContain("which is not a page Astro built");
});

test("dates: Astro's pages (the collection schema's bengaliDate) and the feeds carry the same exact Dhaka instants", () => {
  const feed = JSON.parse(read("feed.json")) as { items: { url: string; date_published: string; date_modified?: string }[] };
  expect(feed.items.map((i) => [i.date_published, i.date_modified])).toEqual([
    ["2025-07-14T08:30:00+06:00", "2025-07-14T08:30:00+06:00"],
    ["2025-07-13T17:28:00+06:00", "2025-07-13T17:28:00+06:00"],
    ["2025-07-13T17:28:00+06:00", "2025-07-14T10:00:00+06:00"],
    ["2025-07-13T00:00:00+06:00", "2025-07-13T00:00:00+06:00"], // ২৯ আষাঢ় ১৪৩২, the Bangladesh calendar
  ]);
  const printed = feed.items.map((item) => /<time datetime="([^"]+)"/.exec(read(pageFile(item.url, SITE)!))?.[1]);
  expect(printed).toEqual(feed.items.map((item) => new Date(item.date_published).toISOString()));
  expect(read("rss.xml")).toContain("<pubDate>Sun, 13 Jul 2025 17:28:00 +0600</pubDate>");
});

test("category display names from the integration's config reach the feeds", () => {
  expect(read("sports/rss.xml")).toContain("<title>নদীপাড় সংবাদ: খেলা</title>");
  expect(read("atom.xml")).toContain('<category term="sports" label="খেলা"/>');
});

test("every output validates against its schema and the spec rules", async () => {
  await expectValidOutputs(dist, feedFiles(dist));
});
