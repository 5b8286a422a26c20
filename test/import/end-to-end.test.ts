/** Imported pages and a WordPress export build into feeds that validate, item for item. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build/index.js";
import { importPages } from "../../src/import/index.js";
import { checkRules, validateOutput } from "../support/validate.js";

const FIXTURES = "test/fixtures/import";
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), "patrika-import-e2e-"))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("text pages, HTML pages and a WordPress export import and build; every output validates", async () => {
  const articles = join(tmp, "articles");
  const pages = await importPages([FIXTURES], { outDir: articles, category: "imported", siteUrl: "https://nadipar.example" });
  const wxr = await importPages([`${FIXTURES}/wxr/export.xml`], { outDir: articles, siteUrl: "https://nadipar.example" });
  expect([pages.counts, wxr.counts]).toEqual([
    // 19 plain-text pages (no-date.txt cannot be imported, and says so), 4 HTML pages, 3 posts of export.xml; the second run finds them all.
    { imported: 26, "already-imported": 0, "not-imported": 1 },
    { imported: 0, "already-imported": 3, "not-imported": 0 },
  ]);
  writeFileSync(join(tmp, "patrika.config.json"), JSON.stringify({ siteUrl: "https://nadipar.example", title: "আমদানি পরীক্ষা", feedSize: 100 }));
  const report = await build({ now: new Date("2025-07-16T23:00:00+06:00"), articlesDir: articles, configFile: join(tmp, "patrika.config.json"), outDir: join(tmp, "output") });
  expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(report.status).toBe("ok");
  for (const { name } of report.files) {
    expect(await validateOutput(name, readFileSync(join(tmp, "output", name), "utf8"))).toEqual([]);
    if (name !== "patrika-report.json") expect(checkRules(join(tmp, "output", name))).toMatch(/^PASS\t/);
  }
  // Every imported article published by now is in the feed with the title and date it was imported with.
  const imported = [...pages.results, ...wxr.results].filter((r) => r.status === "imported").map((r) => r.article!);
  const due = imported.filter((a) => a.date.instant.getTime() <= Date.parse("2025-07-16T23:00:00+06:00"));
  expect(due.length).toBe(25); // the scheduled WordPress post (20 July) waits
  const items = report.site!.feed.items.map((i) => `${i.published.iso} ${i.title}`).sort();
  expect(items).toEqual(due.map((a) => `${a.date.iso} ${a.title}`).sort());
  // Pages keep their real URLs; a page saved from another site gets this site's URL, and says so.
  const byUrl = new Map(report.site!.articles.map((a) => [a.url, a]));
  expect(byUrl.has("https://nadipar.example/economy/article/4521")).toBe(true);
  const foreign = [...pages.results].find((r) => r.input.endsWith("og-only.html"))!;
  expect(readFileSync(foreign.output!, "utf8")).toMatch(/^#   url: the page's URL https:\/\/gangapar\.example\/district\/char-sabji-chash-12 is not on this site \(https:\/\/nadipar\.example\)/m);
  expect(readFileSync(foreign.output!, "utf8")).not.toMatch(/^url:/m);
});
