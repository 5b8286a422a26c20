/** The preview page: one article per feed item, everything escaped, every output linked, Bengali dates, same bytes. */
import { check } from "../../src/build/index.js";
import { renderSite } from "../../src/render/index.js";
import { formatBengaliDate } from "../../src/dates/index.js";
import type { Site } from "../../src/model.js";
import { normaliseArticle } from "../../src/normalise/article.js";
import { renderPreview } from "../../src/render/preview.js";
import { articleText, FIXTURE_NOW, rawArticle, testConfig, siteOf } from "../support/fixtures.js";

const FIXTURE = "test/fixtures/basic";

/** The basic fixture site, built fresh, with the outputs a build of it writes (plus its report). */
async function fixtureSite(): Promise<{ site: Site; outputs: { name: string; count: number }[] }> {
  const report = await check({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: "test/fixtures/basic/no-output" });
  if (report.status !== "ok" || !report.site) throw new Error(`fixture does not check: ${JSON.stringify(report.diagnostics)}`);
  const outputs = renderSite(report.site).map(({ name, count }) => ({ name, count }));
  return { site: report.site, outputs: [...outputs, { name: "patrika-report.json", count: 0 }] };
}

/** A one-article site whose title, caption, credit, author and summary all try to break out of the markup. */
function hostileSite(): Site {
  const config = testConfig();
  const text = articleText(
    [
      `title: '<script>alert("x")</script> & "উদ্ধৃতি" <b>মোটা</b>'`,
      'date: "2025-07-14T09:00:00+06:00"',
      `author: '<img src=x onerror=alert(1)>'`,
      `summary: '</p><script>alert(2)</script> & সারাংশ'`,
      "image:",
      '  url: "https://news.example.org/a.jpg"',
      `  caption: '" onerror="alert(3)'`,
      `  credit: '<i>ছবি</i>'`,
    ].join("\n"),
    "গায়ে **মোটা** লেখা আর <em>HTML</em> আছে।\n",
  );
  const result = normaliseArticle(rawArticle(text), { config, now: FIXTURE_NOW });
  if (result.kind !== "article") throw new Error(`hostile fixture must be valid: ${JSON.stringify(result)}`);
  return siteOf({ config, now: FIXTURE_NOW, articles: [result.article], drafts: [] });
}

const VOID = new Set(["meta", "link", "img", "br", "hr", "input", "source", "wbr"]);

/**
 * A strict reading of the page as HTML (no parser ships with the project): a doctype, then tags that nest and
 * close, attribute values in double quotes, `&` only in character references, `<` and `>` only in tags.
 * Returns the problems; the page's text is written to be this regular, so any irregularity is a bug.
 */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith("<!doctype html>\n")) problems.push("no <!doctype html> first");
  const body = html.replace(/<style>[\s\S]*?<\/style>/, "<style></style>");
  const token = /<!doctype html>|<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>|([^<]+)|(<)/gy;
  const open: string[] = [];
  for (let match = token.exec(body); match; match = token.exec(body)) {
    const [whole, closing, name, attributes, text, stray] = match;
    if (stray) problems.push(`stray < at ${match.index}: ${body.slice(match.index, match.index + 40)}`);
    for (const chunk of [text, attributes]) {
      if (chunk && /[<>]|&(?!(?:amp|lt|gt|quot|#\d+);)/.test(chunk)) problems.push(`unescaped text: ${chunk.slice(0, 60)}`);
    }
    if (!name || whole.startsWith("<!")) continue;
    if (closing) {
      if (open.pop() !== name) problems.push(`</${name}> closes the wrong element at ${match.index}`);
    } else if (!VOID.has(name)) open.push(name);
  }
  if (open.length > 0) problems.push(`left open: ${open.join(" > ")}`);
  return problems;
}

test("one <article data-item> per item of the main feed, in the feed's order", async () => {
  const { site, outputs } = await fixtureSite();
  const html = renderPreview(site, outputs);
  expect(site.feed.items.length).toBe(5);
  expect(html.match(/<article data-item>/g)?.length).toBe(site.feed.items.length);
  const linked = [...html.matchAll(/<article data-item>\n<h3><a href="([^"]+)">/g)].map((m) => m[1]);
  expect(linked).toEqual(site.feed.items.map((item) => item.url));
});

test("a complete HTML5 document that nests, with the config's language, charset and viewport", async () => {
  const { site, outputs } = await fixtureSite();
  const html = renderPreview(site, outputs);
  expect(htmlProblems(html)).toEqual([]);
  expect(html).toMatch(/^<!doctype html>\n<html lang="bn">\n<head>\n<meta charset="utf-8">\n/);
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(html.trimEnd().endsWith("</html>")).toBe(true);
  expect(renderPreview({ ...site, config: { ...site.config, language: "bn-IN" } }, outputs)).toContain('<html lang="bn-IN">');
});

test("hostile titles, bylines, summaries and captions come out escaped; no raw <script and no body HTML", () => {
  const site = hostileSite();
  const html = renderPreview(site, [{ name: "rss.xml", count: 1 }]);
  expect(htmlProblems(html)).toEqual([]);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(b|i|em|strong|img src=x)[ >]/);
  expect(html).toContain("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; \"উদ্ধৃতি\" &lt;b&gt;মোটা&lt;/b&gt;</a></h3>");
  expect(html).toContain("<title>পরীক্ষা বার্তা — ফিড ও সাইটম্যাপ</title>");
  expect(html).toContain("<span>&lt;img src=x onerror=alert(1)&gt;</span>");
  expect(html).toContain('<p class="summary">&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; সারাংশ</p>');
  expect(html).toContain('alt="&quot; onerror=&quot;alert(3)"');
  expect(html).toContain('<span class="credit">&lt;i&gt;ছবি&lt;/i&gt;</span>');
  // The item's rendered body is never on the page: only its plain description.
  const item = site.feed.items[0]!;
  expect(item.html).toContain("<strong>");
  expect(html).not.toContain(item.html.trim());
  expect(html).not.toContain("<strong>");
});

test("every feed and sitemap is linked by a relative href; the manifest never, the report only when written", async () => {
  const { site, outputs } = await fixtureSite();
  const html = renderPreview(site, [...outputs, { name: ".patrika-manifest.json", count: 0 }]);
  const hrefs = new Set([...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]));
  for (const { name } of outputs) expect(`${name}: ${hrefs.has(name)}`).toBe(`${name}: true`);
  expect(outputs.map((o) => o.name)).toEqual(expect.arrayContaining(["rss.xml", "sports/atom.xml", "sitemap.xml", "news-sitemap.xml", "patrika-report.json"]));
  expect(html).not.toContain(".patrika-manifest.json");
  const withoutReport = renderPreview(site, outputs.filter((o) => o.name !== "patrika-report.json"));
  expect(withoutReport).not.toContain("patrika-report.json");
  // Category feeds are grouped under their own heading, sitemaps under theirs.
  expect(html.indexOf("বিভাগের ফিড")).toBeLessThan(html.indexOf('href="sports/rss.xml"'));
  expect(html.indexOf("<h3>সাইটম্যাপ</h3>")).toBeLessThan(html.indexOf('href="sitemap.xml"'));
});

test("a category folder in Bengali is percent-encoded in the href and shown as written", () => {
  const site = hostileSite();
  const html = renderPreview(site, [{ name: "খেলা ধুলা/rss.xml", count: 2 }]);
  expect(html).toContain(`<a href="${encodeURIComponent("খেলা ধুলা")}/rss.xml">`);
  expect(html).toContain("<code>খেলা ধুলা</code>");
});

test("dates are local Bengali dates in Bengali digits, each in a <time> whose datetime is the item's ISO", async () => {
  const { site, outputs } = await fixtureSite();
  const html = renderPreview(site, outputs);
  const times = [...html.matchAll(/<time datetime="([^"]+)">([^<]*)<\/time>/g)].map((m) => ({ iso: m[1]!, text: m[2]! }));
  for (const item of site.feed.items) {
    const shown = times.find((t) => t.iso === item.published.iso);
    expect(shown).toBeDefined();
    expect(shown!.text).toBe(formatBengaliDate(item.published.instant, { timeZone: "Asia/Dhaka", time: item.published.precision !== "day" }));
  }
  // The labelled date with a stray space, as the fixture wrote it, whatever TZ the tests run in.
  expect(html).toContain('প্রকাশ: <time datetime="2025-07-13T17:28:00+06:00">১৩ জুলাই ২০২৫, ১৭:২৮</time>');
  expect(html).toContain('হালনাগাদ: <time datetime="2025-07-14T10:00:00+06:00">১৪ জুলাই ২০২৫, ১০:০০</time>');
  // A date written without a time is not shown as midnight.
  expect(html).toContain('<time datetime="2025-07-10T00:00:00+06:00">১০ জুলাই ২০২৫</time>');
  expect(html).toContain('<time datetime="2025-07-12T12:00:00+06:00">১২ জুলাই ২০২৫, ১২:০০</time> থেকে <time datetime="2025-07-14T12:00:00+06:00">');
  expect(html).toContain(`প্রকাশিত ${"৩"}টি খবর`);
  expect(site.news.items.length).toBe(3);
  const shownDates = times.filter((t) => t.text !== site.now.iso);
  expect(shownDates.length).toBeGreaterThan(site.feed.items.length);
  for (const { text } of shownDates) expect(text).toMatch(/^[০-৯]{1,2} \S+ [০-৯]{4}(, [০-৯]{2}:[০-৯]{2})?$/);
});

test("dates are shown in the site's zone, not the default one", () => {
  const config = testConfig({ timeZone: "Asia/Kolkata" });
  const result = normaliseArticle(rawArticle(articleText('title: ক\ndate: "2025-07-14T09:00:00+06:00"')), { config, now: FIXTURE_NOW });
  if (result.kind !== "article") throw new Error("fixture article must be valid");
  const site = siteOf({ config, now: FIXTURE_NOW, articles: [result.article], drafts: [] });
  expect(renderPreview(site, [])).toContain('প্রকাশ: <time datetime="2025-07-14T08:30:00+05:30">১৪ জুলাই ২০২৫, ০৮:৩০</time>');
});

test("the footer names the generator and the build's now, and nothing else varies: same site, same bytes", async () => {
  const first = await fixtureSite();
  const second = await fixtureSite();
  const html = renderPreview(first.site, first.outputs);
  expect(renderPreview(first.site, first.outputs)).toBe(html);
  expect(renderPreview(second.site, second.outputs)).toBe(html);
  expect(html).toContain('patrika 0.1.0 দিয়ে তৈরি, <time datetime="2025-07-14T12:00:00+06:00">2025-07-14T12:00:00+06:00</time>');
});

test("inline CSS only: no scripts, external stylesheets, fonts or other network fetches besides item images", async () => {
  const { site, outputs } = await fixtureSite();
  const html = renderPreview(site, outputs);
  expect(html).not.toMatch(/<script|<link rel="stylesheet"|@import|@font-face|url\(/i);
  const fetched = [...html.matchAll(/<(?:img|link)[^>]* (?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((url) => /^[a-z]+:/i.test(url) && !url.startsWith("data:"));
  expect(fetched.sort()).toEqual(site.feed.items.flatMap((item) => (item.image ? [item.image.url] : [])).sort());
  expect(html).toMatch(/font-family: "Noto Sans Bengali", [^;]*, sans-serif;/);
  expect(html).toMatch(/@media \(max-width: [^)]+\)/);
  expect(html).toContain("img { display: block; max-width: 100%; height: auto;");
});

test("a site with no articles still gives a whole page with no items", () => {
  const config = testConfig();
  const site = siteOf({ config, now: FIXTURE_NOW, articles: [], drafts: [] });
  const html = renderPreview(site, [{ name: "rss.xml", count: 0 }]);
  expect(htmlProblems(html)).toEqual([]);
  expect(html).not.toContain("data-item");
  expect(html).toContain("এখনও কোনো খবর নেই।");
});
