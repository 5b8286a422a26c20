/** Content as Hugo and Jekyll keep it builds as it is, with the sites' real URLs (issue 14). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { build } from "../../src/build/index.js";
import type { BuildReport } from "../../src/model.js";
import { adaptSource } from "../../src/sources/index.js";
import { FIXTURE_NOW, rawArticle } from "../support/fixtures.js";
import { checkRules, validateOutput } from "../support/validate.js";

const built = async (fixture: string): Promise<{ report: BuildReport; out: string; cleanup: () => void }> => {
  const out = mkdtempSync(join(tmpdir(), `patrika-${fixture}-`));
  const report = await build({ now: FIXTURE_NOW, configFile: `test/fixtures/${fixture}/patrika.config.json`, outDir: out });
  return { report, out, cleanup: () => rmSync(out, { recursive: true, force: true }) };
};
const byTitle = (report: BuildReport) => Object.fromEntries(report.site!.articles.map((a) => [a.title, a]));

/** Every output validates against its schema and the spec rules. */
async function expectValid(out: string): Promise<void> {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith("."));
  for (const entry of files) {
    const name = join(entry.parentPath, entry.name).slice(out.length + 1);
    if (name.endsWith("patrika-report.json")) continue;
    expect({ name, errors: await validateOutput(name, readFileSync(join(out, name), "utf8")) }).toEqual({ name, errors: [] });
    if (name.endsWith(".xml")) expect(checkRules(join(out, name))).toMatch(/^PASS\t/);
  }
}

describe("a Hugo-shaped content folder", () => {
  let site: Awaited<ReturnType<typeof built>>;
  beforeAll(async () => {
    site = await built("hugo");
  });
  afterAll(() => site.cleanup());

  test("builds: list pages, the draft and the expired article are left out and counted", () => {
    expect(site.report.status).toBe("ok");
    expect(site.report.site!.excluded).toEqual({
      drafts: ["test/fixtures/hugo/content/economy/draft-budget.md"],
      scheduled: [],
      expired: ["test/fixtures/hugo/content/economy/old-offer.md"],
      notArticles: ["test/fixtures/hugo/content/_index.md", "test/fixtures/hugo/content/sports/_index.md"],
    });
    expect(site.report.diagnostics.map((d) => [d.code, d.file, d.field])).toEqual([
      ["article.alias-ignored", "test/fixtures/hugo/content/bangladesh/ferry.md", "date"],
    ]);
  });

  test("page bundles are named by their folders, so two index.md neither collide on URL nor on id", () => {
    const articles = byTitle(site.report);
    const final = articles["শেষ বলে জিতল নদীপার একাদশ"]!;
    const rowing = articles["নদীতে নৌকাবাইচের প্রস্তুতি"]!;
    expect([final.url, final.id, rowing.url, rowing.id]).toEqual([
      "https://hugo.example.org/sports/2025/07/cricket-final/",
      "tag:hugo.example.org,2025-07-13:cricket-final",
      "https://hugo.example.org/sports/2025/07/rowing/",
      "tag:hugo.example.org,2025-07-12:rowing",
    ]);
  });

  test("Hugo's fields are read as patrika's: TOML local times in the site zone, lastmod, categories, images, authors, description", () => {
    const final = byTitle(site.report)["শেষ বলে জিতল নদীপার একাদশ"]!;
    expect([final.published.iso, final.updated?.iso, final.category, final.tags, final.image?.url, final.authors, final.summary]).toEqual([
      "2025-07-13T17:28:00+06:00",
      "2025-07-13T19:05:00+06:00",
      "sports",
      ["ফাইনাল", "ক্রিকেট"],
      "https://hugo.example.org/images/final.jpg",
      ["ক্রীড়া প্রতিবেদক"],
      "শেষ ওভারে ছয় রান দরকার ছিল, শেষ বলে এল চার।",
    ]);
    const ferry = byTitle(site.report)["কুয়াশায় ফেরি চলাচল বন্ধ ছিল চার ঘণ্টা"]!;
    expect([ferry.published.iso, ferry.url]).toEqual(["2025-07-14T07:40:00+06:00", "https://hugo.example.org/bangladesh/ferry-fog/"]);
  });

  test("category titles from the config are what readers see; the path stays in URLs and Atom terms", async () => {
    const rss = readFileSync(join(site.out, "sports", "rss.xml"), "utf8");
    expect(rss).toContain("<title>নদীপার বার্তা: খেলা</title>");
    expect(rss).toContain("<description>মাঠের খবর</description>");
    expect(rss).toContain("<category>খেলা</category>");
    expect(readFileSync(join(site.out, "atom.xml"), "utf8")).toContain('<category term="sports" label="খেলা"/>');
    const parsed = await new Parser().parseString(rss);
    // The rowing bundle sits in the sports section (its URL) but names no category, so it is in no category feed.
    expect(parsed.items.map((i) => i.link)).toEqual(["https://hugo.example.org/sports/2025/07/cricket-final/"]);
  });

  test("the sitemaps list the sites' real URLs and every output validates", async () => {
    const sitemap = readFileSync(join(site.out, "sitemap.xml"), "utf8");
    for (const url of ["https://hugo.example.org/sports/2025/07/cricket-final/", "https://hugo.example.org/bangladesh/ferry-fog/"]) expect(sitemap).toContain(`<loc>${url}</loc>`);
    expect(sitemap).not.toContain("old-offer");
    // Category pages end in "/" as the site's pages do ("*": "/:category/:slug/"), so no link is a redirect.
    expect(sitemap).toContain("<loc>https://hugo.example.org/sports/</loc>");
    expect(readFileSync(join(site.out, "sports", "rss.xml"), "utf8")).toContain("<link>https://hugo.example.org/sports/</link>");
    expect(readFileSync(join(site.out, "news-sitemap.xml"), "utf8")).toContain("<loc>https://hugo.example.org/bangladesh/ferry-fog/</loc>");
    await expectValid(site.out);
  });
});

describe("a Jekyll-shaped site", () => {
  let site: Awaited<ReturnType<typeof built>>;
  beforeAll(async () => {
    site = await built("jekyll");
  });
  afterAll(() => site.cleanup());

  test("posts get their date and name from the file name, under the site's base path and pattern", () => {
    expect(site.report.status).toBe("ok");
    const flood = byTitle(site.report)["সিলেটে নদীর পানি বাড়ছে"]!;
    expect([flood.published.iso, flood.published.precision, flood.slug, flood.url, flood.id]).toEqual([
      "2025-07-13T00:00:00+06:00",
      "day",
      "flood-sylhet",
      "https://jekyll.example.org/blog/bangladesh/2025/07/13/flood-sylhet.html",
      "tag:jekyll.example.org,2025-07-13:flood-sylhet",
    ]);
  });

  test("Jekyll's date form, last_modified_at and a per-article permalink; published: false is a draft", () => {
    const market = byTitle(site.report)["কাঁচাবাজারে সবজির দাম কমেছে"]!;
    expect([market.published.iso, market.updated?.iso, market.url]).toEqual([
      "2025-07-14T08:30:00+06:00",
      "2025-07-14T10:00:00+06:00",
      "https://jekyll.example.org/blog/bazar/vegetable-market/",
    ]);
    expect(site.report.site!.excluded.drafts).toEqual(["test/fixtures/jekyll/_posts/2025-07-12-old-notice.md"]);
    // Jekyll's layout means nothing to feeds: it warns, as every field patrika does not read.
    expect(site.report.diagnostics.map((d) => [d.code, d.field])).toEqual(Array(3).fill(["article.unknown-field", "layout"]));
  });

  test("every output validates", async () => {
    expect(readFileSync(join(site.out, "rss.xml"), "utf8")).toContain("<link>https://jekyll.example.org/blog/bazar/vegetable-market/</link>");
    await expectValid(site.out);
  });
});

describe("the source conventions, one by one", () => {
  const adapt = (text: string, path: string) => adaptSource({ ...rawArticle(text, path), file: `site/${path}` });
  test("a file in _drafts/ is a draft; outside _posts/ a dated file name is just a name", () => {
    const draft = adapt('---\ntitle: "ক"\n---\n', "_drafts/x.md");
    expect(draft.kind === "article" && draft.raw.data.draft).toBe(true);
    const plain = adapt('---\ntitle: "ক"\n---\n', "news/2025-07-13-flood.md");
    expect(plain.kind === "article" && [plain.raw.name, plain.raw.data.date]).toEqual(["2025-07-13-flood", undefined]);
  });
  test("an alias that yields to patrika's own field says so", () => {
    const both = adapt('---\ntitle: "ক"\nupdated: "2025-07-14"\nlastmod: "2025-07-13"\n---\n', "a.md");
    expect(both.kind === "article" && [both.raw.data.updated, both.warnings.map((w) => [w.code, w.field, w.line])]).toEqual([
      "2025-07-14",
      [["article.alias-ignored", "lastmod", 4]],
    ]);
  });
});
