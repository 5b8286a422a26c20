/** The same hostile content that breaks the `feed` package, through patrika's pipeline: valid everywhere. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { normaliseArticle } from "../../src/normalise/article.js";
import { renderAtom } from "../../src/render/atom.js";
import { renderNewsSitemap } from "../../src/render/news-sitemap.js";
import { renderRss } from "../../src/render/rss.js";
import { renderSitemap } from "../../src/render/sitemap.js";
import { articleText, FIXTURE_NOW, rawArticle, testConfig, siteOf } from "../support/fixtures.js";
import { checkRules, validateAtomRng, validateSitemapXsd } from "../support/validate.js";

// Written into YAML through JSON.stringify, whose \u0001 escape is also a YAML double-quoted escape.
const HOSTILE_TITLE = 'শিরোনাম\u0001 ]]> দুই & <b>তিন</b> "উদ্ধৃতি"';
const CLEAN_TITLE = 'শিরোনাম ]]> দুই & <b>তিন</b> "উদ্ধৃতি"';
const config = testConfig();
const result = normaliseArticle(
  rawArticle(
    articleText(
      `title: ${JSON.stringify(HOSTILE_TITLE)}\ndate: "2025-07-14T10:00:00+06:00"\nauthor: [নিজস্ব প্রতিবেদক, "ক & খ"]\ncategory: sports\ntags: ["a<b", "ক]]>খ"]\nimage: "https://news.example.org/a.jpg"`,
      "x ]]> y\u0002 <script>alert(1)</script> &lt;b&gt; [click](javascript:alert(1))\n",
    ),
    "hostile.md",
  ),
  { config, now: FIXTURE_NOW },
);
if (result.kind !== "article") throw new Error(JSON.stringify(result));
const site = siteOf({ config, now: FIXTURE_NOW, articles: [result.article], drafts: [] });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "patrika-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the title loses only the control character", () => {
  expect(result.article.title).toBe(CLEAN_TITLE);
});

test("the RSS is valid, uses dc:creator, escapes markup, and drops script and javascript: links", async () => {
  const rss = renderRss(site);
  writeFileSync(join(dir, "rss.xml"), rss);
  expect(checkRules(join(dir, "rss.xml"))).toMatch(/^PASS\t/);
  expect(rss).not.toMatch(/<author>/);
  expect(rss).toContain("<dc:creator>ক &amp; খ</dc:creator>");
  expect(rss).toContain("<category>a&lt;b</category>");
  expect(rss).not.toContain("<script");
  expect(rss).not.toMatch(/href=\S*javascript:/); // markdown-it refuses the link; its text stays as text
  const feed = await new Parser().parseString(rss);
  expect(feed.items[0]!.title).toBe(CLEAN_TITLE);
  // The reader gets HTML in which the typed tags are text, never elements.
  expect(feed.items[0]!["content:encoded"]).toBe(
    "<p>x ]]&gt; y &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt; [click](javascript:alert(1))</p>\n",
  );
});

test("the Atom is valid RELAX NG with category terms escaped", async () => {
  const atom = renderAtom(site);
  writeFileSync(join(dir, "atom.xml"), atom);
  expect(await validateAtomRng(atom)).toEqual([]);
  expect(checkRules(join(dir, "atom.xml"))).toMatch(/^PASS\t/);
  expect(atom).toContain('<category term="a&lt;b"/>');
  const feed = await new Parser().parseString(atom);
  expect(feed.items[0]!.title).toBe(CLEAN_TITLE);
});

test("the sitemaps validate against their schemas", async () => {
  for (const part of [...renderNewsSitemap(site), ...renderSitemap(site)]) expect(await validateSitemapXsd(part.content)).toEqual([]);
});

test("a summary holding markup reaches RSS readers as text: escaped once for HTML, once for XML (issue 18)", async () => {
  const markup = '<script>alert(1)</script><img src=x onerror=alert(1)> & &lt;b&gt;';
  const parsed = normaliseArticle(rawArticle(articleText(`title: t\ndate: "2025-07-14T10:00:00+06:00"\nsummary: ${JSON.stringify(markup)}`), "markup.md"), { config, now: FIXTURE_NOW });
  if (parsed.kind !== "article") throw new Error(JSON.stringify(parsed));
  const rss = renderRss(siteOf({ config: testConfig({ description: "<b>খবর</b>" }), now: FIXTURE_NOW, articles: [parsed.article], drafts: [] }));
  expect(rss).toContain("<description>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; &amp;amp;lt;b&amp;amp;gt;</description>");
  expect(rss).toContain("<description>&amp;lt;b&amp;gt;খবর&amp;lt;/b&amp;gt;</description>");
  // What a reader holds after XML parsing is HTML whose text is the summary as written.
  const item = (await new Parser().parseString(rss)).items[0]!;
  expect(item.content).toBe("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &amp;lt;b&amp;gt;");
});
