/** Config extras reach every feed format: logo, icon, copyright, ttl, WebSub hub; enclosures only when complete. */
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { normaliseArticle } from "../../src/normalise/article.js";
import { renderAtom } from "../../src/render/atom.js";
import { renderJsonFeed } from "../../src/render/json-feed.js";
import { renderRss } from "../../src/render/rss.js";
import { articleText, FIXTURE_NOW, rawArticle, testConfig, siteOf } from "../support/fixtures.js";
import { checkRules, validateAtomRng } from "../support/validate.js";

const config = testConfig({
  logo: "https://news.example.org/logo.png",
  icon: "https://news.example.org/icon.png",
  copyright: "© ২০২৫ পরীক্ষা বার্তা",
  ttl: 15,
  hub: "https://hub.example.org/",
});
const withLength = normaliseArticle(
  rawArticle(articleText('title: ক\ndate: "2025-07-14T09:00:00+06:00"\nimage:\n  url: "https://news.example.org/a.jpg"\n  length: 48213')),
  { config, now: FIXTURE_NOW },
);
const withoutLength = normaliseArticle(rawArticle(articleText('title: খ\ndate: "2025-07-14T08:00:00+06:00"\nimage: "https://news.example.org/b.webp"'), "b.md"), {
  config,
  now: FIXTURE_NOW,
});
if (withLength.kind !== "article" || withoutLength.kind !== "article") throw new Error("fixture articles must be valid");
const site = siteOf({ config, now: FIXTURE_NOW, articles: [withLength.article, withoutLength.article], drafts: [] });

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "patrika-channel-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("RSS: image, ttl, copyright, hub link; an enclosure only for the image whose length is known", () => {
  const rss = renderRss(site);
  writeFileSync(join(dir, "rss.xml"), rss);
  expect(checkRules(join(dir, "rss.xml"))).toMatch(/^PASS\t/);
  expect(rss).toContain("<image>\n      <url>https://news.example.org/logo.png</url>");
  expect(rss).toContain("<ttl>15</ttl>");
  expect(rss).toContain("<copyright>© ২০২৫ পরীক্ষা বার্তা</copyright>");
  expect(rss).toContain('<atom:link href="https://hub.example.org/" rel="hub"/>');
  expect(rss.match(/<enclosure [^>]*>/g)).toEqual(['<enclosure url="https://news.example.org/a.jpg" length="48213" type="image/jpeg"/>']);
  expect(parseFeed(rss).image?.url).toBe("https://news.example.org/logo.png");
});

test("Atom: icon, logo, rights and hub, still valid RELAX NG", async () => {
  const atom = renderAtom(site);
  expect(await validateAtomRng(atom)).toEqual([]);
  expect(atom).toContain("<icon>https://news.example.org/icon.png</icon>");
  expect(atom).toContain("<logo>https://news.example.org/logo.png</logo>");
  expect(atom).toContain("<rights>© ২০২৫ পরীক্ষা বার্তা</rights>");
  expect(atom).toContain('<link rel="hub" href="https://hub.example.org/"/>');
});

test("JSON Feed: icon, favicon and a WebSub hub; passes the JSON Feed 1.1 rules", () => {
  const json = renderJsonFeed(site);
  writeFileSync(join(dir, "feed.json"), json);
  expect(checkRules(join(dir, "feed.json"))).toMatch(/^PASS\t/);
  expect(JSON.parse(json)).toMatchObject({
    icon: "https://news.example.org/logo.png",
    favicon: "https://news.example.org/icon.png",
    hubs: [{ type: "WebSub", url: "https://hub.example.org/" }],
  });
});
