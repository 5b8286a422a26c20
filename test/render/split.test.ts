/**
 * Limits: 1,500 articles in the news window become two news sitemaps of at most 1,000 with an index; 60,000
 * articles become two sitemaps of at most 50,000 URLs with an index. Every part validates.
 */
import { renderNewsSitemap } from "../../src/render/news-sitemap.js";
import { renderSitemap, renderSitemapIndex } from "../../src/render/sitemap.js";
import type { Article } from "../../src/model.js";
import { FIXTURE_NOW, testConfig, siteOf } from "../support/fixtures.js";
import { validateSitemapIndexXsd, validateSitemapXsd } from "../support/validate.js";

const config = testConfig({ categoryFeeds: false });
/** n synthetic articles, one a minute back from now (the newest 1,500 fall in the news window when n is large). */
function articles(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const instant = new Date(FIXTURE_NOW.getTime() - i * 115_000);
    return {
      file: `articles/a${i}.md`,
      relativePath: `a${i}.md`,
      id: `tag:news.example.org,2025-07-14:a${i}`,
      idMinted: false,
      title: `খবর ${i} & <শিরোনাম>`,
      slug: `a${i}`,
      category: i % 2 ? "sports" : "bangladesh",
      url: `https://news.example.org/${i % 2 ? "sports" : "bangladesh"}/a${i}`,
      published: { iso: instant.toISOString(), instant, precision: "minute" },
      authors: [],
      tags: [],
      ...(i % 3 === 0 ? { image: { url: `https://news.example.org/images/${i}.jpg` } } : {}),
      body: { text: "" },
    };
  });
}

test("1,500 articles in the news window are split 1,000 + 500, listed in an index", async () => {
  const site = siteOf({ config, now: FIXTURE_NOW, articles: articles(1800), drafts: [] });
  expect(site.news.items.length).toBe(1503); // 48 h at one article every 115 s, both ends included
  const parts = renderNewsSitemap(site);
  expect(parts.map((p) => [p.name, p.count])).toEqual([
    ["news-sitemap.xml", 1000],
    ["news-sitemap-2.xml", 503],
  ]);
  for (const part of parts) {
    expect(await validateSitemapXsd(part.content)).toEqual([]);
    expect((part.content.match(/<news:news>/g) ?? []).length).toBe(part.count);
  }
  const index = renderSitemapIndex(site, parts);
  expect(await validateSitemapIndexXsd(index)).toEqual([]);
  expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
    "https://news.example.org/news-sitemap.xml",
    "https://news.example.org/news-sitemap-2.xml",
  ]);
}, 60_000);

test("60,000 articles are split at 50,000 URLs, every part valid, with the home page and category pages first", async () => {
  const site = siteOf({ config, now: FIXTURE_NOW, articles: articles(60_000), drafts: [] });
  const parts = renderSitemap(site);
  expect(parts.map((p) => [p.name, p.count])).toEqual([
    ["sitemap.xml", 50_000],
    ["sitemap-2.xml", 10_003], // 60,000 articles + home + 2 category pages
  ]);
  expect(parts[0]!.content).toContain("<loc>https://news.example.org/</loc>");
  expect(parts[0]!.content).toContain("<loc>https://news.example.org/sports</loc>");
  for (const part of parts) {
    expect(Buffer.byteLength(part.content)).toBeLessThanOrEqual(50 * 1024 * 1024);
    expect(await validateSitemapXsd(part.content)).toEqual([]);
  }
  expect(await validateSitemapIndexXsd(renderSitemapIndex(site, parts))).toEqual([]);
}, 120_000);
