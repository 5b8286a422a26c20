/**
 * The writer under real processes: a build killed at any moment leaves each output wholly old or wholly new, no
 * index naming a part that is not there, and the next build finishes the set; two builds cannot write one folder at
 * once; the same input and now give the same bytes under any TZ and LANG.
 * Runs the compiled binary (npm test compiles first).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { nodeIo } from "../../src/write/io.js";
import { recover } from "../../src/write/journal.js";
import { withoutPublish } from "../support/fixtures.js";
import { SHARED } from "../support/validate.js";

const BIN = "dist/bin/patrika.js";
const OUTPUTS = ["atom.xml", "feed.json", "news-sitemap-index.xml", "news-sitemap.xml", "patrika-report.json", "rss.xml", "sitemap-index.xml", "sitemap.xml"];
/** Every file of the output folder (category feeds included), as paths below it. */
const allFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
let site: string;
const config = () => join(site, "patrika.config.json");
const articles = () => join(site, "articles");

function buildInto(out: string, now: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync("node", [BIN, "build", "--articles", articles(), "--config", config(), "--out", out, "--now", now], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}
const snapshot = (dir: string) => Object.fromEntries(allFiles(dir).filter((n) => !n.startsWith(".")).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const path of files.map((entry) => join(entry.parentPath, entry.name)).sort()) hash.update(path).update(readFileSync(path));
  return hash.digest("hex");
}

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), "patrika-process-"));
  execFileSync("node", [join(SHARED, "bench", "gen-corpus.mjs"), "--out", articles(), "--n", "2000", "--seed", "5"]);
  writeFileSync(config(), '{"siteUrl": "https://news.example.org", "title": "প্রক্রিয়া পরীক্ষা"}');
}, 60_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** A seeded generator (mulberry32): "random" kill moments that are the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every published file (the manifest included, hidden temporaries and backups not) with its bytes. */
const publishedSet = (dir: string) =>
  Object.fromEntries(
    allFiles(dir)
      .filter((n) => n === ".patrika-manifest.json" || !n.split("/").pop()!.startsWith("."))
      // The report's publish section and generation describe the build before it (history), not the set's content.
      .map((n) => [n, n === "patrika-report.json" ? withoutPublish(readFileSync(join(dir, n), "utf8")) : readFileSync(join(dir, n), "utf8")]),
  );

/** The files each index names (sitemap indexes their parts; the Atom feed and each archive page the previous page) that do not exist. */
function missingParts(dir: string, siteUrl: string, indexes: readonly string[]): string[] {
  const missing: string[] = [];
  for (const index of indexes) {
    let text: string;
    try {
      text = readFileSync(join(dir, index), "utf8");
    } catch {
      continue; // an index not (yet) there names nothing
    }
    const named = [...text.matchAll(/<loc>([^<]+)<\/loc>|rel="prev-archive" href="([^"]+)"/g)].map((m) => decodeURI((m[1] ?? m[2])!).slice(siteUrl.length + 1));
    for (const part of named) if (!existsSync(join(dir, part))) missing.push(`${index} names ${part}`);
  }
  return missing;
}

test("kill -9 at random moments of a build with many files: every file whole, indexes name only parts that exist, the next build finishes the set", async () => {
  // 300 archive pages and 12 categories' feeds (about 350 files) over an earlier build with 270 pages.
  const many = mkdtempSync(join(tmpdir(), "patrika-many-"));
  const siteUrl = "https://news.example.org";
  const newArticles = join(many, "new");
  const oldArticles = join(many, "old");
  const out = join(many, "output");
  const cfg = join(many, "patrika.config.json");
  const buildMany = (articlesDir: string) =>
    spawn("node", [join(process.cwd(), BIN), "build", "--articles", articlesDir, "--config", cfg, "--out", out, "--now", "2025-07-15T12:00:00+06:00", "--no-cache"], { cwd: many });
  const finished = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on("close", resolve));
  try {
    execFileSync("node", [join(SHARED, "bench", "gen-corpus.mjs"), "--out", newArticles, "--n", "600", "--seed", "7"]);
    cpSync(newArticles, oldArticles, { recursive: true });
    readdirSync(oldArticles).sort().filter((_, i) => i % 10 === 0).forEach((name) => rmSync(join(oldArticles, name)));
    writeFileSync(cfg, JSON.stringify({ siteUrl, title: "অনেক ফাইল", archive: true, feedSize: 2 }));
    expect(await finished(buildMany(oldArticles))).toBe(0);
    const before = publishedSet(out);
    const oldCopy = join(many, "old-output");
    cpSync(out, oldCopy, { recursive: true });
    let started = performance.now();
    expect(await finished(buildMany(newArticles))).toBe(0);
    const fullBuildMs = performance.now() - started;
    const after = publishedSet(out);
    const indexes = ["sitemap-index.xml", "news-sitemap-index.xml", "atom.xml", ...Object.keys(after).filter((n) => n.startsWith("archive/"))];
    expect(Object.keys(after).length).toBeGreaterThan(340);
    expect(Object.keys(after).filter((n) => n.startsWith("archive/")).length).toBe(300);
    expect(Object.keys(before).filter((n) => n.startsWith("archive/")).length).toBe(270);
    expect(missingParts(out, siteUrl, indexes)).toEqual([]);

    const random = seeded(18);
    const outcomes: string[] = [];
    // Three kinds of moment, in turn: anywhere in the build; while it stages (just after its journal appears); while
    // it renames (just after the journal says "forward").
    for (let round = 0; round < 6; round++) {
      rmSync(out, { recursive: true, force: true });
      cpSync(oldCopy, out, { recursive: true });
      const child = buildMany(newArticles);
      const closed = finished(child); // listen now: a fast build may end before the kill
      const journal = join(out, ".patrika-journal.json");
      const kind = round % 3;
      started = performance.now();
      const waitFor = async (ready: () => boolean) => {
        while (!ready() && performance.now() - started < 60_000 && child.exitCode === null) await new Promise((resolve) => setImmediate(resolve));
      };
      if (kind === 1) await waitFor(() => existsSync(journal));
      if (kind === 2) await waitFor(() => existsSync(journal) && readFileSync(journal, "utf8").includes('"state":"forward"'));
      await new Promise((resolve) => setTimeout(resolve, kind === 0 ? random() * fullBuildMs : random() * (kind === 1 ? 40 : 4)));
      child.kill("SIGKILL");
      await closed;
      const killedMidPublish = existsSync(journal);
      // What a reader sees now: each file wholly old or wholly new, and no sitemap index naming a part not there.
      for (const [name, content] of Object.entries(publishedSet(out))) {
        expect({ round, name, whole: content === before[name] || content === after[name] }).toEqual({ round, name, whole: true });
      }
      expect({ round, missing: missingParts(out, siteUrl, ["sitemap-index.xml", "news-sitemap-index.xml"]) }).toEqual({ round, missing: [] });
      // What the next build does first: finish the killed build's set, forward or back, into one whole set.
      await recover(nodeIo, out);
      const recovered = publishedSet(out);
      const whole = JSON.stringify(recovered) === JSON.stringify(before) ? "old" : JSON.stringify(recovered) === JSON.stringify(after) ? "new" : "mixed";
      expect({ round, whole }).not.toEqual({ round, whole: "mixed" });
      expect({ round, missing: missingParts(out, siteUrl, indexes) }).toEqual({ round, missing: [] });
      outcomes.push(`${["anywhere", "staging", "renaming"][kind]}: ${killedMidPublish ? "journal left, " : ""}${whole}`);
      // And the next build completes: the new set, nothing else left.
      const next = buildMany(newArticles);
      let stderr = "";
      next.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      expect({ round, code: await finished(next), stderr }).toEqual({ round, code: 0, stderr: "" });
      const final = publishedSet(out);
      expect({ round, same: Object.keys(final).every((n) => n === ".patrika-manifest.json" || final[n] === after[n]) && Object.keys(final).length === Object.keys(after).length }).toEqual({ round, same: true });
      expect({ round, hidden: allFiles(out).filter((n) => n.split("/").pop()!.startsWith(".") && n !== ".patrika-manifest.json") }).toEqual({ round, hidden: [] });
    }
    // The kills landed where they were aimed: some while staging (rolled back), some while renaming (rolled forward).
    expect(outcomes.filter((o) => o === "staging: journal left, old").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === "renaming: journal left, new").length).toBeGreaterThan(0);
  } finally {
    rmSync(many, { recursive: true, force: true });
  }
}, 300_000);

test("a second build into a folder a live patrika build holds is refused with a clear message (exit 3), and goes once it is gone", async () => {
  const out = mkdtempSync(join(tmpdir(), "patrika-locked-"));
  // A real process holding the lock as a build does, through the compiled writer.
  const lock = pathToFileURL(join(process.cwd(), "dist", "write", "lock.js")).href;
  const io = pathToFileURL(join(process.cwd(), "dist", "write", "io.js")).href;
  const holder = spawn("node", ["--input-type=module", "-e", `const { acquireLock } = await import(${JSON.stringify(lock)}); const { nodeIo } = await import(${JSON.stringify(io)}); await acquireLock(${JSON.stringify(out)}, nodeIo); console.log("held"); setTimeout(() => {}, 60000);`]);
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("held") && resolve());
      holder.on("close", () => reject(new Error("the holder ended before it held the lock")));
    });
    const result = buildInto(out, "2025-07-14T12:00:00+06:00");
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(
      `error [output.locked] another patrika build (process ${holder.pid}) is writing ${out}; wait for it to finish. To tell: \`ps -o pid,lstart,args -p ${holder.pid}\``,
    );
    expect(readdirSync(out)).toEqual([".patrika.lock"]);
    const closed = new Promise((resolve) => holder.on("close", resolve));
    holder.kill("SIGKILL");
    await closed;
    expect(buildInto(out, "2025-07-14T12:00:00+06:00").status).toBe(0); // its lock is now stale: taken over
    expect(readdirSync(out)).not.toContain(".patrika.lock");
  } finally {
    holder.kill("SIGKILL");
    rmSync(out, { recursive: true, force: true });
  }
});

test("a lock left by a dead build is taken over", () => {
  const out = mkdtempSync(join(tmpdir(), "patrika-stale-"));
  try {
    const dead = spawnSync("node", ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(join(out, ".patrika.lock"), `${dead}\n`);
    expect(buildInto(out, "2025-07-14T12:00:00+06:00").status).toBe(0);
    expect(readdirSync(out).filter((n) => !n.startsWith(".") && (n.endsWith(".xml") || n.endsWith(".json"))).sort()).toEqual(OUTPUTS);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("same input and now give byte-identical output under any TZ and LANG; articles are never touched", () => {
  const articlesBefore = treeHash(articles());
  const runs = [
    { TZ: "UTC", LANG: "C" },
    { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8" },
    { TZ: "America/St_Johns", LANG: "bn_BD.UTF-8", LC_ALL: "tr_TR.UTF-8" },
  ].map((env) => {
    const out = mkdtempSync(join(tmpdir(), "patrika-tz-"));
    try {
      expect(buildInto(out, "2025-07-14T12:00:00+06:00", env).status).toBe(0);
      return snapshot(out);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  expect(runs[1]).toEqual(runs[0]);
  expect(runs[2]).toEqual(runs[0]);
  expect(treeHash(articles())).toBe(articlesBefore);
}, 120_000);
