/**
 * Adversarial content: sites built from random articles (controls, lone surrogates, RTL marks, emoji, "]]>",
 * "&", markup, huge and empty fields). Every output must validate and parse back with the same titles, less only
 * the characters XML forbids.
 */
import fc from "fast-check";
import Parser from "rss-parser";
import { isInvisible, normaliseArticle } from "../../src/normalise/article.js";
import { MAX_TITLE_LENGTH } from "../../src/limits.js";
import { renderAtom } from "../../src/render/atom.js";
import { renderNewsSitemap } from "../../src/render/news-sitemap.js";
import { renderRss } from "../../src/render/rss.js";
import { renderSitemap } from "../../src/render/sitemap.js";
import type { Article } from "../../src/model.js";
import { xmlSafe } from "../../src/text.js";
import { FIXTURE_NOW, rawArticle, testConfig, siteOf } from "../support/fixtures.js";
import { validateAtomRng, validateSitemapXsd } from "../support/validate.js";

const nasty = fc.constantFrom("\u0000", "]]>", "&", "&amp;", "&lt;b&gt;", "<b>", "<script>alert(1)</script>", "\u202E", "\u200F", "\u200D", "😀", "\uD800", "\uDFFF", "\u0001", "\u0008", "\uFFFE", "\uFFFF", '"', "'", "\t", "\n", "ক্ষ", "");
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.array(nasty, { maxLength: 8 }).map((parts) => parts.join("x")), fc.constant("ক".repeat(MAX_TITLE_LENGTH)));
const article = fc.record({ title: text, summary: text, author: text, tag: text, body: fc.oneof(text, fc.constant("")) });

const parser = new Parser();
/** The title a reader should see: our cleaning, then a parser's whitespace handling. */
const expectedTitle = (title: string) => xmlSafe(title).replace(/\s+/g, " ").trim();

test("random articles give valid, parseable feeds and sitemaps with the same titles", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 4 }), async (specs) => {
      const config = testConfig();
      const articles: Article[] = [];
      specs.forEach((spec, i) => {
        const yaml = [
          `title: ${JSON.stringify(spec.title)}`,
          `date: "2025-07-14T0${i}:00:00+06:00"`,
          `summary: ${JSON.stringify(spec.summary)}`,
          `author: ${JSON.stringify(spec.author)}`,
          `tags: [${JSON.stringify(spec.tag)}]`,
        ].join("\n");
        // A raw NUL byte makes a file binary, which is refused before any of this (test/failures.test.ts), so the
        // body carries every other character raw; the YAML fields carry NUL too, escaped.
        const body = spec.body.replace(/\0/g, "");
        const result = normaliseArticle(rawArticle(`---\n${yaml}\n---\n${body}\n`, `a${i}.md`), { config, now: FIXTURE_NOW });
        if (result.kind === "article") articles.push(result.article);
        else if (result.kind === "invalid") expect(isInvisible(expectedTitle(spec.title))).toBe(true); // only a title readers would not see may be refused
      });
      const site = siteOf({ config, now: FIXTURE_NOW, articles, drafts: [] });
      const rss = renderRss(site);
      const atom = renderAtom(site);
      expect(await validateAtomRng(atom)).toEqual([]);
      for (const part of [...renderNewsSitemap(site), ...renderSitemap(site)]) expect(await validateSitemapXsd(part.content)).toEqual([]);
      const titles = site.feed.items.map((a) => a.title);
      expect((await parser.parseString(rss)).items.map((i) => i.title ?? "")).toEqual(titles.map(expectedTitle));
      expect((await parser.parseString(atom)).items.map((i) => i.title ?? "")).toEqual(titles.map(expectedTitle));
      specs.forEach((spec, i) => {
        const published = articles.find((a) => a.slug === `a${i}`);
        if (published) expect(published.title).toBe(expectedTitle(spec.title));
      });
    }),
    { numRuns: 40 },
  );
}, 120_000);
