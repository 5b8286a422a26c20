/**
 * A story appears once (issue 15): rebuild after every edit an editor makes, and check the ids, the publish diff, and
 * what a reader that keeps state shows: a real feed parser reads rss.xml and atom.xml after each build, and every item
 * whose id it has not seen before counts as "new" for it.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { createServer } from "node:http";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { build, check } from "../../src/build/index.js";
import type { BuildReport } from "../../src/model.js";
import { editorIn } from "../support/editor.js";

const NOW = new Date("2025-07-14T12:00:00+06:00");
const HOST = "www.dainik-nodipar.com.bd";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-identity-"));
  writeConfig({});
  write("flood.md", 'title: "নদীর পানি বাড়ছে"\ndate: "১৩ জুলাই ২০২৫, ১৭:২৮"\ncategory: bangladesh', "উজানের ঢলে পানি বাড়ছে।");
  write("market.md", 'title: "বাজারে দাম কমেছে"\ndate: "2025-07-14T08:30:00+06:00"\nslug: bazar\ncategory: economy', "সবজির দাম কমেছে।");
  write("late.md", 'title: "রাতের ট্রেন দেরিতে"\ndate: "2025-07-13T00:20:00+06:00"', "ট্রেন দুই ঘণ্টা দেরিতে ছাড়ে।");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const { write, edit, move } = editorIn(() => root);
function writeConfig(extra: Record<string, unknown>): void {
  writeFileSync(join(root, "patrika.config.json"), JSON.stringify({ siteUrl: `https://${HOST}`, title: "দৈনিক নদীপার", ...extra }));
}

type Source = "cache" | "output" | "previous";
const run = (source: Source, extra: Partial<Parameters<typeof build>[0]> = {}): Promise<BuildReport> =>
  build({
    now: NOW,
    articlesDir: join(root, "articles"),
    configFile: join(root, "patrika.config.json"),
    outDir: join(root, source === "previous" ? `out-${Date.now()}-${Math.random()}` : "output"),
    cache: source === "cache",
    cacheRoot: root,
    ...extra,
  });

/** A reader subscribed to the main feed: it remembers every id it has shown and reports the ones it has not seen. */
class Reader {
  private readonly seen = new Set<string>();
  async read(out: string): Promise<string[]> {
    const rss = await new Parser().parseString(readFileSync(join(out, "rss.xml"), "utf8"));
    const atom = parseFeed(readFileSync(join(out, "atom.xml"), "utf8"));
    const ids = rss.items.map((item) => item.guid!);
    expect(atom.items.map((item) => item.id)).toEqual(ids); // two parsers, two formats, one set of ids
    const fresh = ids.filter((id) => !this.seen.has(id));
    ids.forEach((id) => this.seen.add(id));
    return fresh;
  }
}

/** Builds, lets a reader see the feed, edits, builds again: returns the second report and what the reader showed as new. */
async function afterEdit(source: Source, change: () => void, extra: Partial<Parameters<typeof build>[0]> = {}) {
  const reader = new Reader();
  const first = await run(source);
  expect(first.status).toBe("ok");
  expect(await reader.read(first.paths.outDir)).toHaveLength(3);
  if (source === "previous") copyFileSync(join(first.paths.outDir, "rss.xml"), join(root, "live-rss.xml"));
  // With the cache the output folder goes (a fresh CI checkout keeps only the cache): the record alone must do.
  if (source === "cache") rmSync(first.paths.outDir, { recursive: true });
  change();
  const second = await run(source, source === "previous" ? { previous: join(root, "live-rss.xml"), ...extra } : extra);
  const shownAgain = second.status === "ok" ? await reader.read(second.paths.outDir) : [];
  return { first, second, shownAgain };
}
const codes = (report: BuildReport) => report.diagnostics.map((d) => `${d.severity} ${d.code}`);
const idOf = (report: BuildReport, title: string) => report.site!.articles.find((a) => a.title === title)!.id;

describe.each(["cache", "output", "previous"] as const)("knowing the last publish from %s", (source) => {
  test("renaming a file that has a slug keeps its id and says so; no reader shows it again", async () => {
    const { first, second, shownAgain } = await afterEdit(source, () => move("market.md", "bazar-dor.md"));
    expect(idOf(second, "বাজারে দাম কমেছে")).toBe(idOf(first, "বাজারে দাম কমেছে"));
    expect(codes(second)).toEqual(["warning article.id-kept"]);
    expect(second.diagnostics[0]!.hint).toBe(`make it permanent: add id: "tag:${HOST},2025-07-14:market" to the front matter`);
    expect(second.publish!.idsChanged).toEqual([{ from: `tag:${HOST},2025-07-14:market`, to: `tag:${HOST},2025-07-14:bazar-dor`, url: `https://${HOST}/economy/bazar`, file: join(root, "articles", "bazar-dor.md"), kept: true }]);
    expect(second.publish!.totals).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(shownAgain).toEqual([]);
  });

  test("renaming a file without a slug keeps its id by its date and title, and says its URL changed", async () => {
    const { second, shownAgain } = await afterEdit(source, () => move("flood.md", "sylhet-flood.md"));
    expect(codes(second)).toEqual(["warning article.id-kept"]);
    expect(second.diagnostics[0]!.message).toContain(`its URL changed from https://${HOST}/bangladesh/flood`);
    expect(second.diagnostics[0]!.hint).toContain("and a slug: to keep its URL");
    expect(second.publish!.totals).toEqual({ added: 0, changed: 1, removed: 0 }); // the link moved: readers update it
    expect(shownAgain).toEqual([]);
  });

  test("in strict mode a rename fails with the exact id: line to add", async () => {
    const { second } = await afterEdit(source, () => move("market.md", "bazar-dor.md"), { strictIds: true });
    expect(second.status).toBe("invalid");
    expect(second.diagnostics.map((d) => [d.code, d.severity, d.hint])).toEqual([["article.id-changed", "error", `add id: "tag:${HOST},2025-07-14:market" to the front matter`]]);
  });

  test.each([
    ["the slug", () => edit("market.md", (t) => t.replace("slug: bazar", "slug: bazar-dor")), { added: 0, changed: 1, removed: 0 }],
    ["the category", () => edit("market.md", (t) => t.replace("category: economy", "category: bangladesh")), { added: 0, changed: 1, removed: 0 }],
    ["the title", () => edit("flood.md", (t) => t.replace("নদীর পানি বাড়ছে", "সিলেটে নদীর পানি বাড়ছে")), { added: 0, changed: 1, removed: 0 }],
    // A feed named by --previous is a reader's view: its bodies are not compared, only ids, links, titles and dates.
    ["the body", () => edit("flood.md", (t) => t.replace("উজানের ঢলে পানি বাড়ছে।", "উজানের ঢলে পানি আরও বাড়ছে।")), { added: 0, changed: source === "previous" ? 0 : 1, removed: 0 }],
    ["the date's form, not its instant", () => edit("flood.md", (t) => t.replace("১৩ জুলাই ২০২৫, ১৭:২৮", "আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮")), { added: 0, changed: 0, removed: 0 }],
    ["the folder it is kept in", () => move("late.md", "2025/july/late.md"), { added: 0, changed: 0, removed: 0 }],
  ])("changing %s changes no id: the story is at most updated in place", async (_what, change, totals) => {
    const { first, second, shownAgain } = await afterEdit(source, change);
    expect(second.status).toBe("ok");
    expect(second.site!.articles.map((a) => a.id).sort()).toEqual(first.site!.articles.map((a) => a.id).sort());
    expect([second.publish!.totals, second.publish!.idsChanged, codes(second)]).toEqual([totals, [], []]);
    expect(shownAgain).toEqual([]);
  });

  test("changing the time zone moves local times: the diff lists them, and a story whose local date changed keeps its id", async () => {
    const { second, shownAgain } = await afterEdit(source, () => writeConfig({ timeZone: "Asia/Kolkata" }));
    expect(second.publish!.datesMoved.map((m) => [m.from, m.to])).toEqual([["2025-07-13T17:28:00+06:00", "2025-07-13T17:28:00+05:30"]]);
    // 00:20 at +06:00 is 23:50 the day before in Kolkata: the minted id's date would change; it is kept.
    expect(second.publish!.idsChanged.map((c) => [c.from, c.to, c.kept])).toEqual([[`tag:${HOST},2025-07-13:late`, `tag:${HOST},2025-07-12:late`, true]]);
    expect(shownAgain).toEqual([]);
  });

  test("a new story is new, a deleted one removed: both in the diff", async () => {
    const { second, shownAgain } = await afterEdit(source, () => {
      rmSync(join(root, "articles", "late.md"));
      write("rain.md", 'title: "ঢাকায় বৃষ্টি"\ndate: "2025-07-14T10:00:00+06:00"');
    });
    expect(second.publish!.totals).toEqual({ added: 1, changed: 0, removed: 1 });
    expect(second.publish!.feeds[""]).toEqual({ added: [`tag:${HOST},2025-07-14:rain`], changed: [], removed: [`tag:${HOST},2025-07-13:late`] });
    expect(shownAgain).toEqual([`tag:${HOST},2025-07-14:rain`]);
  });
});

describe("a site that moves to another host", () => {
  test("is refused until idHost says what is intended; with the old host no reader sees anything again", async () => {
    const reader = new Reader();
    await reader.read((await run("cache")).paths.outDir);
    writeConfig({ siteUrl: "https://nodipar.com.bd" });
    const moved = await run("cache");
    expect([moved.status, moved.diagnostics.map((d) => [d.code, d.hint])]).toEqual(["config-error", [["config.id-host-changed", `add "idHost": "${HOST}"`]]]);
    writeConfig({ siteUrl: "https://nodipar.com.bd", idHost: HOST });
    const kept = await run("cache");
    expect(kept.status).toBe("ok");
    expect(await reader.read(kept.paths.outDir)).toEqual([]);
    expect(kept.site!.articles.every((a) => a.id.startsWith(`tag:${HOST},`) && a.url.startsWith("https://nodipar.com.bd/"))).toBe(true);
  });

  test("with the new host as idHost, the move is deliberate: every id changes, reported, nothing refused", async () => {
    await run("cache");
    writeConfig({ siteUrl: "https://nodipar.com.bd", idHost: "nodipar.com.bd" });
    const moved = await run("cache");
    expect(moved.status).toBe("ok");
    expect(moved.publish!.totals).toEqual({ added: 3, changed: 0, removed: 3 });
  });
});

describe("--previous", () => {
  test("reads the live feed over HTTP; a 404 is a first publish; a refusing server is an error", async () => {
    const first = await run("previous");
    const rss = readFileSync(join(first.paths.outDir, "rss.xml"), "utf8");
    const server = createServer((request, response) => {
      if (request.url === "/rss.xml") response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
      else if (request.url === "/none.xml") response.writeHead(404).end();
      else response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      move("market.md", "bazar-dor.md");
      const live = await run("previous", { previous: `${base}/rss.xml` });
      expect([live.publish!.previous, codes(live)]).toEqual([`--previous ${base}/rss.xml`, ["warning article.id-kept"]]);
      const none = await run("previous", { previous: `${base}/none.xml` });
      expect([none.status, none.publish]).toEqual(["ok", undefined]);
      const down = await run("previous", { previous: `${base}/down.xml` });
      expect([down.status, down.diagnostics.map((d) => [d.code, d.file])]).toEqual(["config-error", [["input.previous-unreadable", `${base}/down.xml`]]]);
    } finally {
      server.close();
    }
  });

  test("check reports the same diff and keeps nothing", async () => {
    await run("output");
    move("market.md", "bazar-dor.md");
    const checked = await check({ now: NOW, articlesDir: join(root, "articles"), configFile: join(root, "patrika.config.json"), outDir: join(root, "output") });
    expect([checked.status, checked.publish!.idsChanged.map((c) => c.kept)]).toEqual(["ok", [true]]);
  });
});

test("the cache remembers the last publish of the 16 output folders built most recently, not of every folder ever built", async () => {
  const folder = join(root, ".patrika-cache");
  mkdirSync(folder, { recursive: true });
  // 20 folders built earlier, one a day: the oldest four are forgotten when this build records its own.
  const earlier = Array.from({ length: 20 }, (_, i) => `published-${i.toString(16).padStart(16, "0")}.json`);
  earlier.forEach((name, i) => {
    writeFileSync(join(folder, name), JSON.stringify({ idHost: HOST, feeds: {}, news: [] }));
    const day = new Date(Date.UTC(2025, 0, 1 + i));
    utimesSync(join(folder, name), day, day);
  });
  writeFileSync(join(folder, "published-notes.txt"), "not a record");
  expect((await run("cache")).status).toBe("ok");
  const left = readdirSync(folder).filter((name) => name.startsWith("published-"));
  const own = left.filter((name) => !earlier.includes(name) && name.endsWith(".json"));
  expect(own).toHaveLength(1);
  expect(left.filter((name) => earlier.includes(name))).toEqual(earlier.slice(5));
  expect(left).toContain("published-notes.txt");
  // The record it kept for this folder is the one the next build compares with.
  edit("flood.md", (text) => text.replace("নদীর পানি বাড়ছে", "নদীর পানি আরও বাড়ছে"));
  const second = await run("cache");
  expect(second.publish?.previous).toBe("the last build (build cache)");
});
