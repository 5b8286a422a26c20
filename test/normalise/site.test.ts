import { normaliseArticle } from "../../src/normalise/article.js";
import { findCollisions } from "../../src/normalise/site.js";
import type { Article } from "../../src/model.js";
import { articleText, FIXTURE_NOW, rawArticle, testConfig, siteOf } from "../support/fixtures.js";

const config = testConfig({ feedSize: 2 });
function make(name: string, date: string, extra = ""): Article {
  const result = normaliseArticle(rawArticle(articleText(`title: ${name}\ndate: "${date}"\n${extra}`, "[লিংক](../other)\n"), `${name}.md`), {
    config,
    now: FIXTURE_NOW,
  });
  if (result.kind !== "article") throw new Error(JSON.stringify(result));
  return result.article;
}

const articles = [
  make("old", "2025-07-01T10:00:00+06:00"),
  make("edge", "2025-07-12T12:00:00+06:00"), // exactly 48 hours before now: inside the window
  make("outside", "2025-07-12T11:59:00+06:00"),
  make("newest", "2025-07-14T12:00:00+06:00", 'updated: "2025-07-14T12:00:00+06:00"'),
  make("future", "2025-07-14T12:01:00+06:00"),
  make("mid", "2025-07-13T08:00:00+06:00", 'updated: "2025-07-14T11:00:00+06:00"'),
];
const site = siteOf({ config, now: FIXTURE_NOW, articles, drafts: ["articles/draft.md"] });

test("scheduled articles are left out; the rest are newest first", () => {
  expect(site.articles.map((a) => a.slug)).toEqual(["newest", "mid", "edge", "outside", "old"]);
  expect(site.excluded).toEqual({ drafts: ["articles/draft.md"], scheduled: ["articles/future.md"], expired: [], notArticles: [] });
  expect(findCollisions(articles)).toEqual([]);
});

test("the feeds carry the newest feedSize articles, with relative links made absolute", () => {
  expect(site.feed.items.map((a) => a.slug)).toEqual(["newest", "mid"]);
  expect(site.feed.items[0]!.description).toBe("লিংক");
  expect(site.feed.items[0]!.html).toBe('<p><a href="https://news.example.org/other">লিংক</a></p>\n');
});

test("the news window is the 48 hours up to now, both ends included", () => {
  expect(site.news.items.map((a) => a.slug)).toEqual(["newest", "mid", "edge"]);
  expect([site.news.start.iso, site.news.end.iso]).toEqual(["2025-07-12T12:00:00+06:00", "2025-07-14T12:00:00+06:00"]);
});

test("the feed's build date is the newest update or publication, not the clock", () => {
  expect(site.updated.iso).toBe("2025-07-14T12:00:00+06:00");
  const older = siteOf({ config, now: new Date("2030-01-01T00:00:00Z"), articles: articles.slice(0, 3), drafts: [] });
  expect(older.updated.iso).toBe("2025-07-12T12:00:00+06:00");
});

test("two articles at one URL are both named", () => {
  const twin = { ...make("old", "2025-07-02T10:00:00+06:00"), file: "articles/z/old.md", id: "urn:x:other" };
  expect(findCollisions([...articles, twin])).toEqual([
    expect.objectContaining({ code: "article.duplicate-url", file: "articles/z/old.md", message: "this article has the same URL as articles/old.md" }),
  ]);
});

describe("category pages are where the site serves them, or absent", () => {
  const categorised = [make("flood", "2025-07-13T08:00:00+06:00", "category: bangladesh/sylhet")];
  const pages = (categoryPages?: string | false) => {
    const built = siteOf({ config: testConfig(categoryPages === undefined ? {} : { categoryPages }), now: FIXTURE_NOW, articles: categorised, drafts: [] });
    return { pages: built.categories.map((c) => c.url), feedLinks: built.categoryFeeds.map((f) => f.homeUrl) };
  };

  test("by default at /:category, below the site URL", () => {
    const urls = ["https://news.example.org/bangladesh", "https://news.example.org/bangladesh/sylhet"];
    expect(pages()).toEqual({ pages: urls, feedLinks: urls });
  });

  test("at the config's pattern, the category path percent-encoded once", () => {
    const urls = ["https://news.example.org/category/bangladesh/", "https://news.example.org/category/bangladesh/sylhet/"];
    expect(pages("/category/:category/")).toEqual({ pages: urls, feedLinks: urls });
  });

  test("with categoryPages false, no category page is listed and the category feeds link to the home page", () => {
    expect(pages(false)).toEqual({ pages: [], feedLinks: ["https://news.example.org/", "https://news.example.org/"] });
  });
});

test("categories that differ only in case are warned about, once per spelling (issue 18)", () => {
  const articles = [make("a", "2025-07-10", "category: Sports"), make("b", "2025-07-11", "category: sports"), make("c", "2025-07-12", "category: sports")];
  expect(findCollisions(articles).map((d) => [d.code, d.severity, d.file, d.field, d.message])).toEqual([
    ["article.category-case", "warning", "articles/b.md", "category", 'the category "sports" differs from "Sports" (articles/a.md) only in upper and lower case, so it makes a second folder and feed'],
  ]);
});
