/** The shipped sample site (articles/ + patrika.config.json) builds, as the README's quick start does, into valid files. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { build } from "../src/build/index.js";
import type { BuildReport } from "../src/model.js";
import { checkRules, validateOutput } from "./support/validate.js";

// The edition date the sample is frozen at (package.json's build script passes the same --now).
const SAMPLE_NOW = new Date("2025-11-24T12:00:00+06:00");
let out: string;
let report: BuildReport;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "patrika-sample-"));
  report = await build({ now: SAMPLE_NOW, outDir: out });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("builds without errors or warnings; leaves out the draft and the scheduled article", () => {
  expect(report.diagnostics).toEqual([]);
  expect(report.site!.categoryFeeds.map((f) => f.category)).toEqual(["bangladesh", "culture", "economy", "environment", "sports", "technology"]);
  expect(report.status).toBe("ok");
  expect(report.site!.excluded).toEqual({
    drafts: ["articles/bangladesh/draft-budget-meeting.md"],
    scheduled: ["articles/sports/rowing-festival.md"],
    expired: [],
    notArticles: [],
  });
  expect(report.articlesFound).toBeGreaterThanOrEqual(14);
  expect(new Set(report.site!.articles.map((a) => a.category)).size).toBeGreaterThanOrEqual(4);
  expect(report.site!.news.items.length).toBeGreaterThan(0);
});

test("every file validates against its schema and passes the rule checks", async () => {
  expect(report.files.length).toBeGreaterThanOrEqual(9 + 3 * 4);
  for (const { name } of report.files) {
    expect(`${name}: ${(await validateOutput(name, readFileSync(join(out, name), "utf8"))).join("; ")}`).toBe(`${name}: `);
    if (name !== "patrika-report.json") expect(`${name}: ${checkRules(join(out, name))}`).toMatch(/: PASS\t/);
  }
});

test("the feeds parse with every published article's title, link and Dhaka publication time", async () => {
  const rss = await new Parser().parseString(readFileSync(join(out, "rss.xml"), "utf8"));
  expect(rss.items.map((i) => [i.title, i.link, i.pubDate])).toEqual(
    report.site!.articles.map((a) => [a.title, a.url, expect.stringMatching(/ \+0600$/)]),
  );
  expect(rss.items.map((i) => new Date(i.pubDate!).getTime())).toEqual(report.site!.articles.map((a) => a.published.instant.getTime()));
});
