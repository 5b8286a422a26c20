/**
 * patrika/eleventy in real Eleventy 3 builds (issue 14): test/fixtures/eleventy-site built once as it is, and three
 * broken copies built beside it, each failing for one reason; then what landed in _site/ is validated and matched
 * against the pages Eleventy wrote.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Parser from "rss-parser";
import { copySite, expectValidOutputs, feedFiles, pageFile, runTool, type Run } from "./sites.js";

/** The plugin's siteUrl in the fixture: the host and Eleventy's pathPrefix. */
const SITE = "https://www.example-eleventy.com.bd/khobor";
const ARTICLES = [`${SITE}/bangladesh/launch/`, `${SITE}/sports/final/`, `${SITE}/economy/onion/`];
const ELEVENTY = "@11ty/eleventy/cmd.cjs";

/** A copy of the fixture with one change, built; the copy is removed afterwards. */
async function brokenBuild(change: (root: string) => void): Promise<Run & { root: string; remove: () => void }> {
  const site = copySite("eleventy-site");
  change(site.root);
  return { ...(await runTool(ELEVENTY, [], site.root)), ...site };
}

let site: ReturnType<typeof copySite>;
let run: Run;
let out: string;
let broken: Awaited<ReturnType<typeof brokenBuild>>[];
const read = (name: string) => readFileSync(join(out, name), "utf8");

beforeAll(async () => {
  site = copySite("eleventy-site");
  out = join(site.root, "_site");
  [run, ...broken] = await Promise.all([
    runTool(ELEVENTY, [], site.root),
    brokenBuild((root) => writeFileSync(join(root, "src/news/economy/untitled.md"), '---\ndate: "১৪ জুলাই ২০২৫, ১০:০০"\n---\nশিরোনাম নেই।\n')),
    brokenBuild((root) => writeFileSync(join(root, "src/news/economy/relative.md"), '---\ntitle: "কখন?"\ndate: "২ ঘণ্টা আগে"\n---\nলেখা।\n')),
    brokenBuild((root) => {
      const file = join(root, "eleventy.config.mjs");
      writeFileSync(file, readFileSync(file, "utf8").replace("example-eleventy.com.bd/khobor", "example-eleventy.com.bd"));
    }),
  ]);
}, 300_000);
afterAll(() => [site, ...(broken ?? [])].forEach((s) => s?.remove()));

test("eleventy builds, and the plugin writes the feeds and sitemaps into _site/ beside Eleventy's pages, without warnings", () => {
  expect({ code: run.code, output: run.code === 0 ? "" : run.output }).toEqual({ code: 0, output: "" });
  expect(run.output).toContain("[patrika] Wrote 17 files for 3 articles to ./_site/");
  expect(run.output).not.toContain("warning");
  expect(feedFiles(out)).toEqual([
    "atom.xml",
    "bangladesh/atom.xml",
    "bangladesh/feed.json",
    "bangladesh/rss.xml",
    "economy/atom.xml",
    "economy/feed.json",
    "economy/rss.xml",
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
});

test("every article link is the URL of a page Eleventy wrote (its permalink, below the pathPrefix)", async () => {
  const rss = await new Parser().parseString(read("rss.xml"));
  const atom = await new Parser().parseString(read("atom.xml"));
  const news = [...read("news-sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(rss.items.map((i) => i.link)).toEqual(ARTICLES);
  expect(atom.items.map((i) => i.link)).toEqual(ARTICLES);
  expect(news).toEqual(ARTICLES);
  for (const url of ARTICLES) expect({ url, page: existsSync(join(out, pageFile(url, SITE)!)) }).toEqual({ url, page: true });
});

test("dates are exact Dhaka instants, in the feeds and in Eleventy's own page.date (an unquoted YAML time is not UTC)", () => {
  const feed = JSON.parse(read("feed.json")) as { items: { url: string; date_published: string; date_modified: string }[] };
  expect(feed.items.map((i) => [i.url, i.date_published, i.date_modified])).toEqual([
    [ARTICLES[0], "2025-07-14T09:15:00+06:00", "2025-07-14T11:00:00+06:00"], // "সকাল ৯টা ১৫ মিনিট, ১৪ জুলাই ২০২৫"
    [ARTICLES[1], "2025-07-13T17:28:00+06:00", "2025-07-13T17:28:00+06:00"], // date: 2025-07-13 17:28:00, which YAML alone reads as 17:28 UTC
    [ARTICLES[2], "2025-07-12T20:45:00+06:00", "2025-07-12T20:45:00+06:00"], // date: 2025-07-12T20:45:00+06:00
  ]);
  const pageDates = feed.items.map((item) => /<time datetime="([^"]+)"/.exec(read(pageFile(item.url, SITE)!))?.[1]);
  expect(pageDates).toEqual(["2025-07-14T03:15:00.000Z", "2025-07-13T11:28:00.000Z", "2025-07-12T14:45:00.000Z"]);
});

test("fields come from Eleventy's data cascade: categories from directory data, tags without the collection's, aliases", async () => {
  const feed = JSON.parse(read("feed.json")) as { items: { tags?: string[]; summary: string; authors: { name: string }[] }[] };
  expect(feed.items.map((i) => i.tags)).toEqual([["bangladesh"], ["sports", "ক্রিকেট"], ["economy"]]);
  expect(feed.items[0]!.summary).toBe("তিন দিন বন্ধ থাকার পর আবার লঞ্চ ছেড়েছে।"); // description, Eleventy's usual name
  expect(feed.items[0]!.authors.map((a) => a.name)).toEqual(["নিজস্ব প্রতিবেদক", "বরিশাল প্রতিনিধি"]);
  const sports = await new Parser().parseString(read("sports/rss.xml"));
  expect([sports.title, sports.items.map((i) => i.link)]).toEqual(["চরের খবর: খেলা", [ARTICLES[1]]]);
});

test("bodies are the pages as Eleventy rendered them: the template language run, no layout", () => {
  const feed = JSON.parse(read("feed.json")) as { items: { url: string; content_html: string }[] };
  const onion = feed.items.find((i) => i.url === ARTICLES[2])!;
  expect(onion.content_html).toBe("<p>পাইকারি বাজারে সরবরাহ বাড়ায় দাম কমেছে।</p>\n<p>দাম কমেছে 10 টাকা।</p>\n");
});

test("every output validates against its schema and the spec rules", async () => {
  await expectValidOutputs(out, feedFiles(out));
});

describe("a broken site fails the Eleventy build with patrika's reason, and no feed is written", () => {
  test("an article patrika refuses (no title): the diagnostic names the file and the field", () => {
    const [untitled] = broken;
    expect(untitled!.code).not.toBe(0);
    expect(untitled!.output).toContain("src/news/economy/untitled.md:1: error [article.missing-field] title: required field \"title\" is missing");
    expect(existsSync(join(untitled!.root, "_site", "rss.xml"))).toBe(false);
  });
  test("a date patrika cannot read fails in Eleventy's date hook, before any page is written", () => {
    const relative = broken[1]!;
    expect(relative.code).not.toBe(0);
    expect(relative.output).toContain('patrika: ./src/news/economy/relative.md: date "২ ঘণ্টা আগে" is not a date patrika can read:');
    expect(existsSync(join(relative.root, "_site"))).toBe(false);
  });
  test("a siteUrl that is not where the output is served (the pathPrefix is missing) is refused", () => {
    const prefix = broken[2]!;
    expect(prefix.code).not.toBe(0);
    expect(prefix.output).toContain("patrika: siteUrl https://www.example-eleventy.com.bd ends in the path /, but Eleventy's pathPrefix is /khobor/");
    expect(existsSync(join(prefix.root, "_site", "rss.xml"))).toBe(false);
  });
});
