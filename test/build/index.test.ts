/** The whole pipeline on the basic fixture site: golden files, schemas, rule checks and real feed parsers. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Parser from "rss-parser";
import { build } from "../../src/build/index.js";
import type { BuildReport } from "../../src/model.js";
import { FIXTURE_NOW } from "../support/fixtures.js";
import { checkRules, validateOutput } from "../support/validate.js";

const FIXTURE = "test/fixtures/basic";
const GOLDEN = "test/golden/basic";

let out: string;
let report: BuildReport;
const read = (name: string) => readFileSync(join(out, name), "utf8");
const written = () => report.files.map((f) => f.name);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "patrika-basic-"));
  report = await build({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: out });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the fixture site builds without errors into every output", () => {
  expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(report.status).toBe("ok");
  expect(written()).toEqual([
    "rss.xml", "atom.xml", "feed.json",
    "bangladesh/rss.xml", "bangladesh/atom.xml", "bangladesh/feed.json",
    "culture/rss.xml", "culture/atom.xml", "culture/feed.json",
    "economy/rss.xml", "economy/atom.xml", "economy/feed.json",
    "sports/rss.xml", "sports/atom.xml", "sports/feed.json",
    "news-sitemap.xml", "news-sitemap-index.xml", "sitemap.xml", "sitemap-index.xml", "patrika-report.json",
  ]);
});

test("the output folder holds exactly those files and the manifest (no temporaries, no lock)", () => {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(out.length + 1));
  expect(files.sort()).toEqual([...written(), ".patrika-manifest.json"].sort());
});

test("every file matches its golden copy (UPDATE_GOLDEN=1 rewrites them on purpose)", () => {
  for (const name of written()) {
    const golden = join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, read(name));
    }
    expect(existsSync(golden)).toBe(true);
    expect(`${name}\n${read(name)}`).toBe(`${name}\n${readFileSync(golden, "utf8")}`);
  }
});

test("every file validates against its schema and passes the spec rules schemas cannot express", async () => {
  for (const name of written()) {
    expect(`${name}: ${(await validateOutput(name, read(name))).join("; ")}`).toBe(`${name}: `);
    if (name !== "patrika-report.json") expect(`${name}: ${checkRules(join(out, name))}`).toMatch(/: PASS\t/);
  }
});

test("every file is UTF-8 without a byte-order mark", () => {
  for (const name of written()) expect([...readFileSync(join(out, name)).subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
});

test("rss.xml parses in a real feed parser with titles, links and instants intact", async () => {
  const feed = await new Parser().parseString(read("rss.xml"));
  const items = feed.items.map((i) => ({ title: i.title, link: i.link, instant: new Date(i.pubDate!).toISOString() }));
  expect(items).toEqual(report.site!.feed.items.map((a) => ({ title: a.title, link: a.url, instant: a.published.instant.toISOString() })));
  expect(feed.items.every((i) => /\+0600$/.test(i.pubDate!))).toBe(true);
});

test("atom.xml parses in a real feed parser with the same items and publication instants", async () => {
  const feed = await new Parser().parseString(read("atom.xml"));
  expect(feed.items.map((i) => [i.title, i.link, new Date(i.pubDate ?? i.isoDate!).getTime()])).toEqual(
    report.site!.feed.items.map((a) => [a.title, a.url, a.published.instant.getTime()]),
  );
});

test("two builds of the same input with the same now are byte-identical", async () => {
  const second = mkdtempSync(join(tmpdir(), "patrika-basic-again-"));
  try {
    await build({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: second });
    for (const name of written()) expect(readFileSync(join(second, name), "utf8")).toBe(read(name));
  } finally {
    rmSync(second, { recursive: true, force: true });
  }
});

test("a Unicode host is written in punycode in every <loc>, link and id alike (issue 16)", async () => {
  const root = mkdtempSync(join(tmpdir(), "patrika-idn-"));
  try {
    mkdirSync(join(root, "articles"));
    writeFileSync(join(root, "articles", "flood.md"), '---\ntitle: "বন্যা"\ndate: "১৩ জুলাই ২০২৫, ১৭:২৮"\n---\nলেখা।\n');
    const config = { siteUrl: "https://দৈনিক.বাংলা/খবর/", title: "দৈনিক" };
    const idn = await build({ now: FIXTURE_NOW, config, articlesDir: join(root, "articles"), outDir: join(root, "out") });
    expect(idn.status).toBe("ok");
    const host = "xn--p5b7ag6gwb.xn--54b7fta0cc";
    const texts = ["sitemap.xml", "news-sitemap.xml", "rss.xml", "atom.xml", "sitemap-index.xml"].map((name) => readFileSync(join(root, "out", name), "utf8"));
    for (const text of texts) {
      expect(text).not.toMatch(/দৈনিক\.বাংলা/);
      expect(text).toContain(`https://${host}/%E0%A6%96%E0%A6%AC%E0%A6%B0/`);
    }
    expect(texts[2]).toContain(`<guid isPermaLink="false">tag:${host},2025-07-13:flood</guid>`);
    for (const name of ["sitemap.xml", "news-sitemap.xml", "atom.xml"]) expect(await validateOutput(name, readFileSync(join(root, "out", name), "utf8"))).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("check writes nothing, not even the build cache (issue 16)", async () => {
  const root = mkdtempSync(join(tmpdir(), "patrika-check-"));
  try {
    const { check } = await import("../../src/build/index.js");
    const result = await check({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: join(root, "out"), cache: true, cacheRoot: root });
    expect(result.status).toBe("ok");
    expect(readdirSync(root)).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe("files patrika did not write (issues 14, 18)", () => {
  const site = () => {
    const root = mkdtempSync(join(tmpdir(), "patrika-foreign-"));
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>the site's own home page</title>\n");
    writeFileSync(join(root, "dist", "rss.xml"), "<rss>another tool's feed</rss>\n");
    writeFileSync(join(root, "dist", "about.html"), "<p>about</p>\n");
    return root;
  };
  const options = (root: string, extra = {}) => ({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: join(root, "dist"), ...extra });

  test("a target another tool wrote is refused before anything is written, naming it; the flag allows it", async () => {
    const root = site();
    try {
      const refused = await build(options(root));
      expect([refused.status, refused.diagnostics.map((d) => [d.code, d.found])]).toEqual(["write-error", [["output.foreign-file", "rss.xml"]]]);
      expect(readdirSync(join(root, "dist")).sort()).toEqual(["about.html", "index.html", "rss.xml"]);
      expect(readFileSync(join(root, "dist", "rss.xml"), "utf8")).toBe("<rss>another tool's feed</rss>\n");
      const allowed = await build(options(root, { replaceForeign: true }));
      expect(allowed.status).toBe("ok");
      expect(readFileSync(join(root, "dist", "about.html"), "utf8")).toBe("<p>about</p>\n"); // not a target: never touched
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("the preview page can be named so the site's index.html stays; once written, plain builds keep it fresh", async () => {
    const root = site();
    try {
      rmSync(join(root, "dist", "rss.xml"));
      const config = JSON.parse(readFileSync(`${FIXTURE}/patrika.config.json`, "utf8")) as { siteUrl: string };
      const withName = { now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, config: { ...config, previewFile: "feeds.html" }, outDir: join(root, "dist") };
      expect((await build({ ...withName, preview: true })).status).toBe("ok");
      expect(readFileSync(join(root, "dist", "index.html"), "utf8")).toContain("the site's own home page");
      const later = new Date(FIXTURE_NOW.getTime() + 3_600_000);
      const plain = await build({ ...withName, now: later });
      expect(plain.files.map((f) => f.name)).toContain("feeds.html");
      expect(readFileSync(join(root, "dist", "feeds.html"), "utf8")).toContain(`<time datetime="2025-07-14T13:00:00+06:00">`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

test("with sitemap off, another tool's sitemap.xml and sitemap-index.xml stay; patrika's own, written before, go", async () => {
  const root = mkdtempSync(join(tmpdir(), "patrika-sitemap-off-"));
  try {
    const config = JSON.parse(readFileSync(`${FIXTURE}/patrika.config.json`, "utf8")) as { siteUrl: string };
    const options = (sitemap: boolean) => ({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, config: { ...config, sitemap }, outDir: join(root, "dist") });
    expect((await build(options(true))).status).toBe("ok");
    expect(existsSync(join(root, "dist", "sitemap.xml"))).toBe(true);
    const off = await build(options(false));
    expect(off.status).toBe("ok");
    expect(off.files.map((f) => f.name).filter((name) => name.includes("sitemap"))).toEqual(["news-sitemap.xml", "news-sitemap-index.xml"]);
    expect(["sitemap.xml", "sitemap-index.xml"].map((name) => existsSync(join(root, "dist", name)))).toEqual([false, false]);
    // Now the site generator writes its own; patrika leaves them alone.
    writeFileSync(join(root, "dist", "sitemap.xml"), "<urlset>the generator's</urlset>\n");
    writeFileSync(join(root, "dist", "sitemap-index.xml"), "<sitemapindex>the generator's</sitemapindex>\n");
    const later = await build({ ...options(false), now: new Date(FIXTURE_NOW.getTime() + 60_000) });
    expect(later.status).toBe("ok");
    expect(readFileSync(join(root, "dist", "sitemap.xml"), "utf8")).toBe("<urlset>the generator's</urlset>\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe("an output folder equal to or inside the articles folder is refused by check and build alike (issue 18)", () => {
  test.each([
    ["inside", "articles/output", "the output folder is inside the articles folder"],
    ["equal", "articles", "the output folder is the articles folder"],
  ])("%s", async (_, outDir, message) => {
    const site = mkdtempSync(join(tmpdir(), "patrika-nested-"));
    try {
      mkdirSync(join(site, "articles"));
      writeFileSync(join(site, "articles", "a.md"), '---\ntitle: t\ndate: "2025-07-13"\n---\nbody\n');
      const config = { siteUrl: "https://news.example.org", articlesDir: "articles", outDir };
      writeFileSync(join(site, "patrika.config.json"), JSON.stringify(config));
      const { check } = await import("../../src/build/index.js");
      const configFile = join(site, "patrika.config.json");
      for (const run of [check, build]) {
        const result = await run({ now: FIXTURE_NOW, configFile });
        expect([result.status, ...result.diagnostics.map((d) => [d.code, d.field, d.message])]).toEqual(["config-error", ["config.out-inside-articles", "outDir", message]]);
      }
      expect(readdirSync(join(site, "articles"))).toEqual(["a.md"]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
