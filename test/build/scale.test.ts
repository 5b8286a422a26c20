/** Limits that only show at archive scale, checked with articles made in memory (no files) so the test stays quick. */
import { siteFromResults } from "../../src/build/index.js";
import { parseConfig } from "../../src/config/validate.js";
import type { ArticleResult } from "../../src/normalise/article.js";
import type { Article, PublishedState } from "../../src/model.js";

const NOW = new Date("2025-07-14T12:00:00+06:00");
// Far more than the ~120,000 arguments V8 takes in one call: a spread of every article overflowed the stack.
const ARTICLES = 200_000;

function article(i: number): Article {
  const ms = NOW.getTime() - (i + 1) * 60_000;
  const iso = new Date(ms + 6 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+06:00");
  return {
    file: `articles/${i}.md`,
    relativePath: `${i}.md`,
    id: `tag:www.example.com,2025-07-14:${i}`,
    idMinted: true,
    title: `খবর ${i}`,
    slug: `story-${i}`,
    category: undefined,
    url: `https://www.example.com/story-${i}/`,
    published: { iso, instant: new Date(ms), precision: "minute" },
    updated: undefined,
    authors: [],
    tags: [],
    summary: "সারাংশ।",
    image: undefined,
    expires: undefined,
    body: { text: "লেখা।" },
  };
}

test("a build that keeps the ids of a previous publish handles 200,000 articles", () => {
  const config = parseConfig('{"siteUrl": "https://www.example.com"}', "patrika.config.json");
  if (!config.ok) throw new Error("the test's config is invalid");
  const results: ArticleResult[] = Array.from({ length: ARTICLES }, (_, i) => ({ kind: "article", article: article(i), warnings: [] }));
  const files = results.map((_, i) => `articles/${i}.md`);
  const state: PublishedState = { idHost: "www.example.com", feeds: { "": [] }, news: [] };
  const report = siteFromResults(results, files, config.config, { now: NOW, previous: { state, source: "the feeds in output" } });
  expect(report.status).toBe("ok");
  expect(report.site?.articles).toHaveLength(ARTICLES);
});
