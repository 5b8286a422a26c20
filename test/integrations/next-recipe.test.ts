/**
 * The Next.js recipe of docs/integrations.md (issue 14): the route handlers in test/fixtures/next-recipe/app/, called
 * as Next.js calls them (GET, with the dynamic segment's params as a promise), at the fixtures' now.
 */
import { jest } from "@jest/globals";
import Parser from "rss-parser";
import * as atomRoute from "../fixtures/next-recipe/app/atom.xml/route.js";
import * as categoryRoute from "../fixtures/next-recipe/app/[category]/rss.xml/route.js";
import * as jsonRoute from "../fixtures/next-recipe/app/feed.json/route.js";
import * as newsRoute from "../fixtures/next-recipe/app/news-sitemap.xml/route.js";
import * as rssRoute from "../fixtures/next-recipe/app/rss.xml/route.js";
import { feedResponse } from "../fixtures/next-recipe/lib/feeds.js";
import { FIXTURE_NOW } from "../support/fixtures.js";
import { validateOutput } from "../support/validate.js";

const SITE = "https://www.example-next.com.bd";
const PAGES = [`${SITE}/news/metro-station`, `${SITE}/news/waterlogging`, `${SITE}/news/test-squad`];

// The recipe reads the clock (a server's now is the request's time): only Date is pinned, timers stay real.
beforeAll(() => {
  jest.useFakeTimers({ now: FIXTURE_NOW, doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
});
afterAll(() => jest.useRealTimers());

test.each([
  ["rss.xml", rssRoute, "application/rss+xml; charset=utf-8"],
  ["atom.xml", atomRoute, "application/atom+xml; charset=utf-8"],
  ["feed.json", jsonRoute, "application/feed+json; charset=utf-8"],
  ["news-sitemap.xml", newsRoute, "application/xml; charset=utf-8"],
] as const)("GET /%s answers 200 with its media type and a valid body, revalidated every 5 minutes", async (name, route, type) => {
  const response = await route.GET();
  expect([response.status, response.headers.get("content-type"), response.headers.get("cache-control"), route.revalidate]).toEqual([200, type, "public, max-age=300", 300]);
  expect(await validateOutput(name, await response.text())).toEqual([]);
});

test("the feeds link each story's page in the app, with its exact Dhaka time", async () => {
  const rss = await new Parser().parseString(await (await rssRoute.GET()).text());
  expect(rss.items.map((i) => [i.link, i.pubDate])).toEqual([
    [PAGES[0], "Mon, 14 Jul 2025 10:00:00 +0600"],
    [PAGES[1], "Sun, 13 Jul 2025 20:15:00 +0600"],
    [PAGES[2], "Sat, 12 Jul 2025 18:40:00 +0600"],
  ]);
  const json = JSON.parse(await (await jsonRoute.GET()).text()) as { version: string; items: { url: string; date_modified: string }[] };
  expect([json.version, json.items[1]!.date_modified]).toEqual(["https://jsonfeed.org/version/1.1", "2025-07-13T22:30:00+06:00"]);
  const news = await (await newsRoute.GET()).text();
  expect([...news.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(PAGES);
});

test("GET /[category]/rss.xml answers a category's feed, and 404 for a category with no stories", async () => {
  const call = (category: string) => categoryRoute.GET(new Request(`${SITE}/${category}/rss.xml`), { params: Promise.resolve({ category }) });
  const sports = await call("sports");
  const feed = await new Parser().parseString(await sports.text());
  expect([sports.status, feed.title, feed.items.map((i) => i.link)]).toEqual([200, "নগর বার্তা: খেলা", [PAGES[2]]]);
  const weather = await call("weather");
  expect([weather.status, weather.headers.get("content-type")]).toEqual([404, "text/plain; charset=utf-8"]);
});

test("a story patrika refuses is logged with its reason, and the feed answers 500 instead of a wrong feed", async () => {
  const logged: string[] = [];
  const spy = jest.spyOn(console, "error").mockImplementation((message: unknown) => void logged.push(String(message)));
  try {
    const response = await feedResponse("rss.xml", [{ source: "cms:9", title: "ভুল", date: "৩১ ফেব্রুয়ারি ২০২৫", slug: "bad" }]);
    expect([response.status, await response.text()]).toEqual([500, "The feed is unavailable."]);
    expect(logged).toEqual(["patrika could not build the feeds:\ncms:9: date.impossible-date date: not a date patrika can read: no such day in the calendar"]);
  } finally {
    spy.mockRestore();
  }
});
