/** Article URLs from a url field, a per-article permalink or the site's pattern (issue 14). */
import { parseConfig } from "../../src/config/validate.js";
import type { SiteConfig } from "../../src/model.js";
import { normaliseArticle } from "../../src/normalise/article.js";
import { articleText, FIXTURE_NOW, rawArticle, testConfig } from "../support/fixtures.js";

const normalise = (frontMatter: string, config: Partial<SiteConfig> = {}, path = "sports/final.md") =>
  normaliseArticle(rawArticle(articleText(`title: "ক"\ndate: "2025-07-03T17:28:00+06:00"\n${frontMatter}`), path), { config: testConfig(config), now: FIXTURE_NOW });
const urlOf = (frontMatter: string, config: Partial<SiteConfig> = {}, path?: string) => {
  const result = normalise(frontMatter, config, path);
  return result.kind === "article" ? result.article.url : result.kind === "invalid" ? result.diagnostics.map((d) => `${d.code} ${d.field}`) : result.kind;
};

test.each([
  ["/:category/:slug", "category: খেলা\nslug: ফাইনাল", "https://news.example.org/%E0%A6%96%E0%A7%87%E0%A6%B2%E0%A6%BE/%E0%A6%AB%E0%A6%BE%E0%A6%87%E0%A6%A8%E0%A6%BE%E0%A6%B2"],
  ["/:category/:slug/", "", "https://news.example.org/final/"],
  ["/:year/:month/:day/:slug", "", "https://news.example.org/2025/07/03/final"],
  ["/news/:section/:filename.html", "slug: other", "https://news.example.org/news/sports/final.html"],
  ["/:category/:year/:slug/", "category: bangladesh/dhaka", "https://news.example.org/bangladesh/dhaka/2025/final/"],
])("the pattern %s gives the URL from the article's parts, encoded once", (permalink, frontMatter, url) => {
  expect(urlOf(frontMatter, { permalink })).toBe(url);
});

test("a pattern per section (the article's first folder), with * for the rest", () => {
  const permalink = { sports: "/khela/:slug/", "*": "/:slug.html" };
  expect([urlOf("", { permalink }), urlOf("", { permalink }, "national/final.md"), urlOf("", { permalink }, "final.md")]).toEqual([
    "https://news.example.org/khela/final/",
    "https://news.example.org/final.html",
    "https://news.example.org/final.html",
  ]);
});

test("the url field: absolute on this site, or from the site root (below a base path too); already-encoded stays encoded once", () => {
  expect(urlOf('url: "https://news.example.org/2025/07/final-match/"')).toBe("https://news.example.org/2025/07/final-match/");
  expect(urlOf('url: "/archive/%E0%A6%96.html"', { siteUrl: "https://example.org/news" })).toBe("https://example.org/news/archive/%E0%A6%96.html");
  expect(urlOf('url: "https://example.org/news/খেলা/"', { siteUrl: "https://example.org/news" })).toBe("https://example.org/news/%E0%A6%96%E0%A7%87%E0%A6%B2%E0%A6%BE/");
});

test.each([
  ['url: "https://other.example.com/final"', "a page of another host"],
  ['url: "https://example.org/elsewhere/final"', "outside the base path"],
  ['url: "final"', "neither absolute nor from the root"],
  ['url: "https://news.example.org/final?id=3"', "with a query"],
])("%s is refused (%s)", (frontMatter) => {
  const config = frontMatter.includes("example.org/elsewhere") ? { siteUrl: "https://example.org/news" } : {};
  expect(urlOf(frontMatter, config)).toEqual(["article.invalid-url url"]);
});

test("a per-article permalink (Jekyll) wins over the site's pattern; a bad one is a located error", () => {
  expect(urlOf('permalink: "/bazar/:slug/"', { permalink: "/:year/:slug" })).toBe("https://news.example.org/bazar/final/");
  const result = normalise('permalink: "/:year/:title/"');
  expect(result.kind === "invalid" && result.diagnostics.map((d) => [d.code, d.field, d.line, d.expected])).toEqual([
    ["article.invalid-url", "permalink", 4, "known tokens only (:year :month :day :slug :filename :category :section), not :title"],
  ]);
});

test("a URL that would be a file patrika writes is refused, whichever field made it", () => {
  expect(urlOf('url: "/sports/rss.xml"')).toEqual(["article.invalid-url url"]);
  expect(urlOf('url: "/sitemap.xml"')).toEqual(["article.invalid-url url"]);
  expect(urlOf("slug: feed.json", { permalink: "/:year/:slug" })).toEqual(["article.invalid-slug slug"]);
  expect(urlOf("", { permalink: "/:year/:slug/" })).toBe("https://news.example.org/2025/final/");
});

test("the config refuses a pattern it cannot use, saying why", () => {
  const result = parseConfig(JSON.stringify({ siteUrl: "https://example.org", permalink: { sports: "/:year/:month/" } }), "patrika.config.json");
  expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field, d.message, d.found])).toEqual([
    ["config.invalid-value", "permalink.sports", 'config key "permalink.sports" must be a pattern with :slug or :filename, so that two articles never share a URL', '"/:year/:month/"'],
  ]);
});
