/** RFC 5005 archived feeds: full, stable pages from the oldest article, chained to each other and to the current feed. */
import { parseFeed } from "@rowanmanning/feed-parser";
import { renderAtom, renderAtomArchive } from "../../src/render/atom.js";
import type { Article } from "../../src/model.js";
import { FIXTURE_NOW, testConfig, siteOf } from "../support/fixtures.js";
import { validateAtomRng } from "../support/validate.js";

const config = testConfig({ archive: true, feedSize: 50, categoryFeeds: false });
const articles = (n: number): Article[] =>
  Array.from({ length: n }, (_, i) => {
    const instant = new Date(FIXTURE_NOW.getTime() - (n - i) * 3_600_000); // a0 is the oldest
    return {
      file: `articles/a${i}.md`,
      relativePath: `a${i}.md`,
      id: `tag:news.example.org,2025:a${i}`,
      idMinted: false,
      title: `খবর ${i}`,
      slug: `a${i}`,
      url: `https://news.example.org/a${i}`,
      published: { iso: instant.toISOString(), instant, precision: "minute" },
      authors: [],
      tags: [],
      body: { text: `অনুচ্ছেদ ${i}` },
    };
  });

test("120 articles give two full archive pages of 50, oldest first; the newest 20 wait in the current feed", async () => {
  const site = siteOf({ config, now: FIXTURE_NOW, articles: articles(120), drafts: [] });
  expect(site.archive.map((p) => [p.number, p.items[0]!.slug, p.items.at(-1)!.slug])).toEqual([
    [1, "a0", "a49"],
    [2, "a50", "a99"],
  ]);
  const current = renderAtom(site);
  expect(current).toContain('<link rel="prev-archive" href="https://news.example.org/archive/2.xml"/>');
  const [first, second] = site.archive.map((page) => renderAtomArchive(site, page));
  for (const page of [first!, second!]) {
    expect(await validateAtomRng(page)).toEqual([]);
    expect(page).toContain('<fh:archive/>');
    expect(page).toContain('<link rel="current" type="application/atom+xml" href="https://news.example.org/atom.xml"/>');
  }
  expect(first).not.toContain('rel="prev-archive"');
  expect(first).not.toContain('rel="next-archive"');
  expect(second).toContain('<link rel="prev-archive" href="https://news.example.org/archive/1.xml"/>');
  // Following the chain from the current feed reaches every article, none missing.
  const seen = new Set([current, first!, second!].flatMap((doc) => parseFeed(doc).items.map((i) => i.id)));
  expect(seen.size).toBe(120);
});

test("archive pages never change when newer articles arrive", () => {
  const before = siteOf({ config, now: FIXTURE_NOW, articles: articles(120), drafts: [] });
  const later = new Date(FIXTURE_NOW.getTime() + 40 * 3_600_000);
  const more = [...articles(120), ...articles(160).slice(120).map((a) => ({ ...a, published: { ...a.published, instant: new Date(a.published.instant.getTime() + 40 * 3_600_000) } }))];
  const after = siteOf({ config, now: later, articles: more, drafts: [] });
  expect(after.archive.length).toBe(3);
  expect(renderAtomArchive(after, after.archive[0]!)).toBe(renderAtomArchive(before, before.archive[0]!));
  expect(renderAtomArchive(after, after.archive[1]!)).toBe(renderAtomArchive(before, before.archive[1]!));
});
