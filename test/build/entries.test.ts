/** The library entry point for articles already in memory (issue 14): validated exactly like files. */
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bengaliDate, buildFromEntries } from "../../src/index.js";
import { FIXTURE_NOW } from "../support/fixtures.js";
import { validateOutput } from "../support/validate.js";

const config = { siteUrl: "https://news.example.org", title: "পরীক্ষা বার্তা", permalink: "/:category/:slug/" };

test("entries build every output in memory, with dates as text or Date and the site's URLs", async () => {
  const result = await buildFromEntries({
    config,
    now: FIXTURE_NOW,
    entries: [
      { source: "src/content/news/flood.md", title: "নদীর পানি বাড়ছে", date: "আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮", category: "bangladesh", body: "প্রথম অনুচ্ছেদ।\n\nদ্বিতীয়।" },
      { source: "cms:4411", title: "বাজারে দাম কমেছে", pubDate: new Date("2025-07-14T02:30:00Z"), slug: "market", summary: "এক লাইনে।", body: "লেখা।" },
    ],
  });
  expect(result.status).toBe("ok");
  expect(result.diagnostics).toEqual([]);
  expect(result.site!.articles.map((a) => [a.url, a.id, a.published.iso])).toEqual([
    ["https://news.example.org/market/", "tag:news.example.org,2025-07-14:cms%3A4411", "2025-07-14T08:30:00+06:00"], // minted from the source: stable while the CMS id is
    ["https://news.example.org/bangladesh/flood/", "tag:news.example.org,2025-07-13:flood", "2025-07-13T17:28:00+06:00"],
  ]);
  const names = result.rendered.map((f) => f.name);
  expect(names).toEqual(expect.arrayContaining(["rss.xml", "atom.xml", "feed.json", "news-sitemap.xml", "sitemap.xml", "bangladesh/rss.xml", "patrika-report.json"]));
  for (const file of result.rendered.filter((f) => /(atom|sitemap).*\.xml$/.test(f.name))) expect(await validateOutput(file.name, file.content)).toEqual([]);
  expect(result.rendered.find((f) => f.name === "rss.xml")!.content).toContain("&lt;p&gt;প্রথম অনুচ্ছেদ।&lt;/p&gt;");
});

test("diagnostics name the entry by its source, id, slug or place; nothing is rendered when one is invalid", async () => {
  const result = await buildFromEntries({
    config,
    now: FIXTURE_NOW,
    entries: [
      { source: "cms:1", title: "ক", date: "৩১ ফেব্রুয়ারি ২০২৫" },
      { title: "খ", date: "২ ঘণ্টা আগে", slug: "gha" },
      { date: "2025-07-13" },
      { title: "ঘ", date: "2025-07-13", bodyFormat: "rtf" as never }, // JavaScript callers are not type-checked
    ],
  });
  expect(result.status).toBe("invalid");
  expect(result.rendered).toEqual([]);
  expect(result.diagnostics.map((d) => [d.file, d.code, d.field])).toEqual([
    ["cms:1", "date.impossible-date", "date"],
    ["entries[2]", "article.missing-field", "title"],
    ["entries[3]", "article.invalid-field", "bodyFormat"],
    ["gha", "article.relative-date", "date"],
  ]);
});

test("with outDir the files are written atomically, as a build writes them", async () => {
  const out = mkdtempSync(join(tmpdir(), "patrika-entries-"));
  try {
    const result = await buildFromEntries({ config, now: FIXTURE_NOW, outDir: out, entries: [{ source: "a.md", title: "ক", date: "2025-07-13", body: "" }] });
    expect(result.status).toBe("ok");
    expect(readdirSync(out).sort()).toEqual([".patrika-manifest.json", "atom.xml", "feed.json", "news-sitemap-index.xml", "news-sitemap.xml", "patrika-report.json", "rss.xml", "sitemap-index.xml", "sitemap.xml"]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

describe("bengaliDate: a zod type for content collections", () => {
  test.each([
    ["zod 4", z],
    ["zod 3 (as Astro 5 bundles it)", z3],
  ] as const)("with %s it reads printed dates into instants and refuses what it cannot read", (_name, zod) => {
    const object = zod.object as unknown as (shape: object) => { safeParse(data: unknown): unknown };
    const schema = object({ date: bengaliDate(zod as never, { timeZone: "Asia/Kolkata" }) });
    const ok = schema.safeParse({ date: "১৩ জুলাই ২০২৫, ১৭:২৮" }) as { success: boolean; data?: { date: Date } };
    expect(ok.success && ok.data!.date.toISOString()).toBe("2025-07-13T11:58:00.000Z");
    const bad = schema.safeParse({ date: "২ ঘণ্টা আগে" }) as { success: boolean; error?: { issues: { message: string }[] } };
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe("not a date patrika can read: a relative date cannot be stored: write the date itself");
  });
});

test("an HTML body is made Markdown and rendered like any body: nothing executable reaches readers (issue 14)", async () => {
  const result = await buildFromEntries({
    config,
    now: FIXTURE_NOW,
    entries: [
      {
        source: "cms:5120",
        url: "/news/metro/",
        title: "মেট্রোরেলের সময় বাড়ল",
        date: "2025-07-14T09:00:00+06:00",
        bodyFormat: "html",
        body: '<p>রাত <strong>১১টা</strong> পর্যন্ত চলবে।</p><script>alert(1)</script><img src="/x.jpg" onerror="alert(2)"><p><a href="javascript:alert(3)">লিংক</a></p>',
      },
    ],
  });
  expect([result.status, result.diagnostics]).toEqual(["ok", []]); // the source "cms:5120" is no slug, and needs not be: the url is given
  const item = result.site!.feed.items[0]!;
  expect(item.url).toBe("https://news.example.org/news/metro/");
  expect(item.html).toContain("<p>রাত <strong>১১টা</strong> পর্যন্ত চলবে।</p>");
  expect(item.html).toContain('<img src="https://news.example.org/x.jpg" alt="">');
  expect(item.html).not.toMatch(/script|onerror|javascript:|alert/);
});
