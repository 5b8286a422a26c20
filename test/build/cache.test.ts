/** The build cache: unchanged files are never re-read, changed ones always are, and a damaged cache is never trusted. */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open } from "node:fs/promises";
import { BuildCache, wholeLines } from "../../src/build/cache.js";
import { build, check } from "../../src/build/index.js";
import { FIXTURE_NOW } from "../support/fixtures.js";

let root: string;
const options = () => ({
  now: FIXTURE_NOW,
  articlesDir: join(root, "articles"),
  configFile: "test/fixtures/basic/patrika.config.json",
  outDir: join(root, "output"),
  cache: true,
  cacheRoot: root,
});
const outputs = () => ["rss.xml", "atom.xml", "sitemap.xml", "news-sitemap.xml"].map((n) => readFileSync(join(root, "output", n), "utf8"));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-cache-"));
  cpSync("test/fixtures/basic/articles", join(root, "articles"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("a second build reads no article; its output is byte-identical to an uncached build", async () => {
  const first = await build(options());
  expect([first.articlesFound, first.articlesFromCache]).toEqual([7, 0]);
  const cold = outputs();
  const second = await build(options());
  expect(second.articlesFromCache).toBe(7);
  expect(outputs()).toEqual(cold);
  await build({ ...options(), cache: false });
  expect(outputs()).toEqual(cold);
});

test("a changed article is read again and its change published", async () => {
  await build(options());
  const file = join(root, "articles", "c-cricket.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("শেষ বলে জয় পেল বিভাগীয় দল", "শেষ বলে জিতল বিভাগীয় দল"));
  const report = await build(options());
  expect(report.articlesFromCache).toBe(6);
  expect(readFileSync(join(root, "output", "rss.xml"), "utf8")).toContain("শেষ বলে জিতল বিভাগীয় দল");
});

test("a damaged cache is ignored, never trusted", async () => {
  await build(options());
  const cacheFile = join(root, ".patrika-cache", "articles.journal");
  // check(), not build(): a build would see nothing changed and read neither articles nor cache.
  const text = readFileSync(cacheFile, "utf16le");
  writeFileSync(cacheFile, text.replace("সুরমার", "ভুল"), "utf16le");
  expect((await check(options())).articlesFromCache).toBe(0);
  writeFileSync(cacheFile, Buffer.from(text, "utf16le").subarray(0, Buffer.byteLength(text, "utf16le") - 1)); // an odd length
  expect((await check(options())).articlesFromCache).toBe(0);
  appendFileSync(cacheFile, "garbage");
  expect((await check(options())).articlesFromCache).toBe(0);
  writeFileSync(cacheFile, "not json at all\n{");
  const report = await check(options());
  expect([report.status, report.articlesFromCache]).toEqual(["ok", 0]);
});

test("--no-cache neither reads nor writes the cache", async () => {
  await build({ ...options(), cache: false });
  expect(() => readFileSync(join(root, ".patrika-cache", "articles.journal"))).toThrow();
});

test("a cached article's body is read when a feed renders it", async () => {
  await build(options());
  rmSync(join(root, "output"), { recursive: true });
  await build(options());
  expect(readFileSync(join(root, "output", "rss.xml"), "utf8")).toContain("তিন দিনের টানা বৃষ্টিতে");
});

describe("what the cache keeps and for how long", () => {
  const cacheFile = () => join(root, ".patrika-cache", "articles.journal");

  test("one edited article appends one short checksummed block; the rest of the file is untouched", async () => {
    await build(options());
    const before = readFileSync(cacheFile(), "utf16le");
    const file = join(root, "articles", "c-cricket.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("শেষ বলে জয় পেল বিভাগীয় দল", "শেষ বলে জিতল বিভাগীয় দল"));
    await build(options());
    const after = readFileSync(cacheFile(), "utf16le");
    expect(after.startsWith(before)).toBe(true);
    const appended = after.slice(before.length).trimEnd().split("\n");
    expect(appended).toHaveLength(2); // the entry and its block's checksum
    expect(appended[0]).toContain("শেষ বলে জিতল বিভাগীয় দল");
    expect(appended[1]).toMatch(/^#[0-9a-f]{64}$/);
    expect((await build(options())).articlesFromCache).toBe(7);
  });

  test("a block cut short by a crash discards the whole cache", async () => {
    await build(options());
    const file = join(root, "articles", "c-cricket.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nআরও একটি লাইন।\n`);
    await build(options());
    const text = readFileSync(cacheFile(), "utf16le");
    writeFileSync(cacheFile(), text.slice(0, text.lastIndexOf("\n#") + 1), "utf16le"); // the last block without its checksum
    expect((await check(options())).articlesFromCache).toBe(0);
  });

  test("a relative date is refused at every build, with the absolute date it means at that build's now", async () => {
    writeFileSync(join(root, "articles", "h-relative.md"), '---\ntitle: "আপেক্ষিক"\ndate: "২ ঘণ্টা আগে"\n---\nলেখা।\n');
    for (const [hours, iso] of [[0, "2025-07-14T10:00:00+06:00"], [1, "2025-07-14T11:00:00+06:00"]] as const) {
      const report = await build({ ...options(), now: new Date(FIXTURE_NOW.getTime() + hours * 3_600_000) });
      const problem = report.diagnostics.find((d) => d.code === "article.relative-date")!;
      expect([report.status, report.articlesFromCache, problem.field, problem.line, problem.hint]).toEqual([
        "invalid",
        hours === 0 ? 0 : 7,
        "date",
        3,
        `write date: "${iso}" (the time it means at this build's now)`,
      ]);
    }
  });

  test("invalid articles are never cached: their problems are reported on every build", async () => {
    writeFileSync(join(root, "articles", "bad.md"), '---\ntitle: "ভুল"\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\n');
    for (let i = 0; i < 2; i++) {
      const report = await build(options());
      expect(report.status).toBe("invalid");
      expect(report.diagnostics.map((d) => d.code)).toContain("date.impossible-date");
      expect(report.articlesFromCache).toBe(i === 0 ? 0 : 7);
    }
  });

  test("a cached article is re-checked when now moves back far enough to make its date implausible", async () => {
    await build(options());
    const early = await build({ ...options(), now: new Date("2024-01-01T00:00:00+06:00") });
    expect(early.status).toBe("invalid");
    expect(early.diagnostics.filter((d) => d.code === "article.implausible-date").length).toBeGreaterThan(0);
  });

  test("a different config (or tool version) never reuses the cache", async () => {
    await build(options());
    const config = join(root, "other.config.json");
    writeFileSync(config, readFileSync("test/fixtures/basic/patrika.config.json", "utf8").replace('"feedSize": 50', '"feedSize": 3'));
    const report = await build({ ...options(), configFile: config });
    expect(report.articlesFromCache).toBe(0);
    expect(report.site!.feed.items).toHaveLength(3);
  });
});

describe("a fresh checkout: every file touched, few changed", () => {
  const touchAll = () => {
    const later = new Date(Date.now() + 60_000);
    for (const name of readdirSync(join(root, "articles"))) utimesSync(join(root, "articles", name), later, later);
  };

  test("files with the same bytes are served from the cache by content, and their new stamps recorded", async () => {
    await build(options());
    touchAll();
    const report = await check(options());
    expect(report.articlesFromCache).toBe(7);
    expect((await check(options())).articlesFromCache).toBe(7); // now by stamp again
  });

  test("a file with the same size but other bytes is read and parsed again", async () => {
    await build(options());
    const file = join(root, "articles", "c-cricket.md");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("শেষ বলে জয় পেল", "বেষ বলে জয় পেল")); // one letter for another: same byte length
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    touchAll();
    const report = await check(options());
    expect(report.articlesFromCache).toBe(6);
  });
});

describe("a journal larger than one parsing slice", () => {
  // The journal is read, decoded and parsed about 2 MiB (1M characters) of lines at a time: 3,000 entries of ~2 KB cross
  // that boundary a few times, at places no test chose.
  const stamp = (i: number) => ({ size: 1000 + i, mtimeMs: 1_700_000_000_000 + i / 7, ctimeMs: 1_700_000_000_000 + i });
  const value = (i: number) => ({ n: i, text: `${"অনুচ্ছেদ ".repeat(100)}${i}`, nested: { list: [i, `${i}`, null] } });

  test("every entry comes back as written, after a rewrite and an appended block", async () => {
    const first = await BuildCache.open<ReturnType<typeof value>>(root, "large");
    for (let i = 0; i < 3000; i++) first.set(`f${i}.md`, stamp(i), `${i}`.padStart(40, "0"), value(i));
    await first.save();
    const second = await BuildCache.open<ReturnType<typeof value>>(root, "large");
    second.set("f1500.md", stamp(1500), "e".repeat(40), value(-1));
    second.delete("f2999.md");
    await second.save();
    const third = await BuildCache.open<ReturnType<typeof value>>(root, "large");
    const wrong = Array.from({ length: 3000 }, (_, i) => i).filter((i) => {
      const expected = i === 1500 ? value(-1) : i === 2999 ? undefined : value(i);
      return JSON.stringify(third.get(`f${i}.md`, stamp(i))) !== JSON.stringify(expected);
    });
    expect(wrong).toEqual([]);
    expect(third.blobOf("f1500.md")).toBe("e".repeat(40));
    expect(readFileSync(join(root, ".patrika-cache", "articles.journal")).length).toBeGreaterThan(3 * (1 << 21)) // three reads' worth;
  });

  test("one changed byte deep inside the block discards all of it", async () => {
    const cache = await BuildCache.open<ReturnType<typeof value>>(root, "large");
    for (let i = 0; i < 3000; i++) cache.set(`f${i}.md`, stamp(i), `${i}`.padStart(40, "0"), value(i));
    await cache.save();
    const path = join(root, ".patrika-cache", "articles.journal");
    const bytes = readFileSync(path);
    const at = bytes.indexOf("2500", Math.floor(bytes.length * 0.8), "utf16le");
    bytes[at] = "3".charCodeAt(0);
    writeFileSync(path, bytes);
    const reopened = await BuildCache.open<ReturnType<typeof value>>(root, "large");
    expect([reopened.get("f0.md", stamp(0)), reopened.get("f2999.md", stamp(2999))]).toEqual([undefined, undefined]);
  });

  describe("a journal exactly as this tool last wrote or checked it", () => {
    const path = () => join(root, ".patrika-cache", "articles.journal");
    const recorded = () => JSON.parse(readFileSync(`${path()}.checked`, "utf8")) as number[];
    const stampNow = () => {
      const info = statSync(path());
      return [info.ino, info.size, info.mtimeMs, info.ctimeMs];
    };
    /** Records the journal's present stamp as checked, as if this tool had written it so: only a test does that. */
    const vouch = () => writeFileSync(`${path()}.checked`, JSON.stringify(stampNow()));
    const written = async () => {
      const cache = await BuildCache.open<ReturnType<typeof value>>(root, "large");
      for (let i = 0; i < 3000; i++) cache.set(`f${i}.md`, stamp(i), `${i}`.padStart(40, "0"), value(i));
      await cache.save();
    };
    const opened = () => BuildCache.open<ReturnType<typeof value>>(root, "large");

    test("is not hashed again: its stamp is recorded at each save, and a changed byte under that stamp goes unseen", async () => {
      await written();
      expect(recorded()).toEqual(stampNow());
      const again = await opened();
      again.set("f7.md", stamp(7), "7".repeat(40), value(-7));
      await again.save(); // an appended block
      expect(recorded()).toEqual(stampNow());
      // Changing a byte changes the journal's ctime, so only a forged record can make a changed journal look checked.
      const bytes = readFileSync(path());
      bytes[bytes.indexOf("2500", Math.floor(bytes.length * 0.7), "utf16le")] = "3".charCodeAt(0);
      writeFileSync(path(), bytes);
      expect((await opened()).get("f0.md", stamp(0))).toBeUndefined(); // the record no longer matches: checked, discarded
      vouch();
      const trusted = await opened();
      expect([trusted.get("f0.md", stamp(0)), trusted.get("f7.md", stamp(7))]).toEqual([value(0), value(-7)]);
    });

    test("is still discarded when a crash left a block cut short or a run of zeros inside one", async () => {
      await written();
      const whole = readFileSync(path());
      truncateSync(path(), whole.length - 1000);
      vouch();
      expect((await opened()).get("f0.md", stamp(0))).toBeUndefined();
      const zeroed = Buffer.from(whole);
      zeroed.fill(0, Math.floor(whole.length / 2), Math.floor(whole.length / 2) + 4096);
      writeFileSync(path(), zeroed);
      vouch();
      expect((await opened()).get("f0.md", stamp(0))).toBeUndefined();
    });

    test("is checked in full again when another build appended to it after this one loaded it", async () => {
      await written();
      const mine = await opened();
      const theirs = await opened();
      theirs.set("f1.md", stamp(1), "1".repeat(40), value(-1));
      await theirs.save();
      mine.set("f2.md", stamp(2), "2".repeat(40), value(-2));
      await mine.save();
      expect(recorded()).not.toEqual(stampNow()); // not vouched for: the next build hashes every block
      const next = await opened();
      expect([next.get("f1.md", stamp(1)), next.get("f2.md", stamp(2))]).toEqual([value(-1), value(-2)]);
      await next.save(); // nothing to append: the check it made is recorded
      expect(recorded()).toEqual(stampNow());
    });

    test("is not recorded as checked when another build's lines landed between this build's chunks", async () => {
      await written();
      const mine = await opened();
      for (let i = 0; i < 2500; i++) mine.set(`f${i}.md`, stamp(i), `${i}`.padStart(40, "1"), value(-i)); // two chunks
      // Another build appending at the same moment: its whole line lands between this build's first and second write.
      const probe = await open(path(), "r");
      const handle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
      await probe.close();
      const write = handle.write;
      let first = true;
      handle.write = function (this: unknown, ...args: unknown[]) {
        if (!first) appendFileSync(path(), Buffer.from(`${JSON.stringify(["other.md", null])},\n`, "utf16le"));
        first = false;
        return write.apply(this, args);
      };
      try {
        await mine.save();
      } finally {
        handle.write = write;
      }
      expect(recorded()).not.toEqual(stampNow());
      expect((await opened()).get("f0.md", stamp(0))).toBeUndefined(); // checked in full: the mixed block fails
    });

    test("a damaged record of the check only means every block is checked: the cache itself is kept", async () => {
      await written();
      writeFileSync(`${path()}.checked`, "[1, 2");
      expect((await opened()).get("f0.md", stamp(0))).toEqual(value(0));
    });
  });
});

describe("the journal's bytes", () => {
  const stamp = { size: 10, mtimeMs: 1, ctimeMs: 2 };
  const path = () => join(root, ".patrika-cache", "articles.journal");

  test("is UTF-16LE text, and bytes that read as a newline and '#' across two characters are not a block's end", async () => {
    // U+0A05 U+2300 U+0100 is the byte sequence 05 0A 00 23 00 01: "\n#" in UTF-16LE, one byte out of step.
    const tricky = "\u0A05\u2300\u0100 শিরোনাম";
    const first = await BuildCache.open<{ title: string }>(root, "bytes");
    first.set("a.md", stamp, "a".repeat(40), { title: tricky });
    first.set("b.md", stamp, "b".repeat(40), { title: "দ্বিতীয়" });
    await first.save();
    const bytes = readFileSync(path());
    expect(bytes.indexOf(Buffer.from([0x0a, 0x00, 0x23, 0x00]))).toBe(bytes.indexOf(Buffer.from(tricky, "utf16le")) + 1); // odd: inside the title
    const text = bytes.toString("utf16le");
    expect(text.split("\n")[0]).toBe('{"key":"bytes"}');
    expect(text).toContain(`"title":"${tricky}"`);
    const second = await BuildCache.open<{ title: string }>(root, "bytes");
    expect([second.get("a.md", stamp), second.get("b.md", stamp)]).toEqual([{ title: tricky }, { title: "দ্বিতীয়" }]);
  });

  test("a rewrite removes the UTF-8 journal earlier versions wrote", async () => {
    mkdirSync(join(root, ".patrika-cache"));
    writeFileSync(join(root, ".patrika-cache", "articles.jsonl"), '{"key":"bytes"}\n');
    const cache = await BuildCache.open<number>(root, "bytes");
    cache.set("a.md", stamp, "a".repeat(40), 1);
    await cache.save();
    expect(readdirSync(join(root, ".patrika-cache"))).toEqual(["articles.journal", "articles.journal.checked"]);
  });
});

test("the journal is cut into whole lines wherever a read ends, never inside a character", async () => {
  // "\u0A05\u2300" holds the bytes 0A 00 (a newline, read one byte out of step) across its two characters.
  const lines = ["{\"key\":1}", "\u0A05\u2300\u0100 ক", "", "🙂 \u0A0A", "#end"];
  const path = join(root, "lines");
  writeFileSync(path, `${lines.join("\n")}\n`, "utf16le");
  for (const readBytes of [1, 2, 3, 5, 7, 8, 13, 64]) {
    const file = await open(path, "r");
    const texts: string[] = [];
    for await (const { bytes, text } of wholeLines(file, readBytes)) {
      expect(bytes.toString("utf16le")).toBe(text);
      texts.push(text);
    }
    await file.close();
    expect([readBytes, texts.every((text) => text.endsWith("\n")), texts.join("").split("\n").slice(0, -1)]).toEqual([readBytes, true, lines]);
  }
  writeFileSync(path, Buffer.from("a\nb", "utf16le"));
  const file = await open(path, "r");
  await expect((async () => { for await (const _ of wholeLines(file, 4)) void _; })()).rejects.toThrow("a line cut short");
  await file.close();
});
