/**
 * Every fixture page, field by field: test/fixtures/import/expected.json says what each page holds (written from the
 * page by hand); the importer must find exactly that, every dropped line and every guess included.
 */
import { readFileSync } from "node:fs";
import { extractHtmlPage } from "../../src/import/html-page.js";
import { importPages } from "../../src/import/index.js";
import type { ImportedArticle } from "../../src/import/model.js";
import { compileRules, SHIPPED_RULES } from "../../src/import/rules.js";
import { extractTextPage } from "../../src/import/text-page.js";

const DIR = "test/fixtures/import";
interface Expected {
  timeZone: string;
  error?: string;
  line?: number;
  [field: string]: unknown;
}
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, "utf8")) as { pages: Record<string, Expected>; skipped: Record<string, unknown> };
const rules = compileRules(SHIPPED_RULES);

/** The fields a person checks, in the shape expected.json writes them. */
function fields(article: ImportedArticle): Record<string, unknown> {
  const out: Record<string, unknown> = { title: article.title, date: article.date.iso };
  if (article.updated) out.updated = article.updated.iso;
  out.authors = article.authors;
  for (const key of ["category", "tags", "slug", "url", "id", "summary", "image"] as const) {
    const value = article[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[key] = value;
  }
  out.body = article.body;
  out.guesses = article.guesses;
  out.dropped = article.dropped.map((d) => [d.line, d.reason, d.text]);
  return out;
}

const pages = Object.entries(expected.pages);
const textPages = pages.filter(([name]) => name.endsWith(".txt"));
const htmlPages = pages.filter(([name]) => name.startsWith("html/"));
const posts = pages.filter(([name]) => name.startsWith("wxr/"));

test("every layout cause has a fixture", () => {
  expect(textPages.length).toBeGreaterThanOrEqual(20);
  expect(htmlPages.length).toBe(4);
  expect(posts.length).toBe(3);
});

test.each(textPages)("plain text %s", (name, { timeZone, ...want }) => {
  const result = extractTextPage(readFileSync(`${DIR}/${name}`, "utf8"), rules, { timeZone });
  if (want.error) expect(result).toEqual({ ok: false, message: want.error, line: want.line });
  else expect(result.ok && fields(result.article)).toEqual(want);
});

test.each(htmlPages)("HTML %s", async (name, { timeZone, ...want }) => {
  const result = await extractHtmlPage(readFileSync(`${DIR}/${name}`, "utf8"), rules, { timeZone });
  expect(result.ok && fields(result.article)).toEqual(want);
});

test("WordPress export: each published post exactly; drafts, pages, attachments, private and protected posts counted", async () => {
  const report = await importPages([`${DIR}/wxr/export.xml`], { outDir: "/nonexistent/never-written", dryRun: true });
  const found = Object.fromEntries(report.results.map((r) => [`wxr/export.xml#${r.input.split("#")[1]}`, r.article ? fields(r.article) : r]));
  const want = Object.fromEntries(posts.map(([name, { timeZone: _zone, ...fieldsWanted }]) => [name, fieldsWanted]));
  expect(found).toEqual(want);
  expect(report.skipped).toEqual(expected.skipped["wxr/export.xml"]);
});
