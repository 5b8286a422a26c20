/**
 * The writer under real processes: a build killed at any moment leaves each output wholly old or wholly new; two
 * builds cannot write one folder at once; the same input and now give the same bytes under any TZ and LANG.
 * Runs the compiled binary (npm test compiles first).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHARED } from "../support/validate.js";
import { withoutPublish } from "../support/fixtures.js";

const BIN = "dist/cli/main.js";
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
/** Each output's text; the report without its publish section, which depends on the build before (history, not input). */
const textOf = (dir: string, name: string) => (name === "patrika-report.json" ? withoutPublish : (t: string) => t)(readFileSync(join(dir, name), "utf8"));
const snapshot = (dir: string) => Object.fromEntries(allFiles(dir).filter((n) => !n.startsWith(".")).map((name) => [name, textOf(dir, name)]));
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

test("a build killed at any moment leaves every file wholly old or wholly new, and the next build recovers", async () => {
  const oldOut = mkdtempSync(join(tmpdir(), "patrika-old-"));
  const newOut = mkdtempSync(join(tmpdir(), "patrika-new-"));
  const out = mkdtempSync(join(tmpdir(), "patrika-killed-"));
  try {
    expect(buildInto(oldOut, "2025-07-14T12:00:00+06:00").status).toBe(0);
    expect(buildInto(newOut, "2025-07-15T12:00:00+06:00").status).toBe(0);
    const before = snapshot(oldOut);
    const after = snapshot(newOut);
    expect(before["news-sitemap.xml"]).not.toBe(after["news-sitemap.xml"]);
    for (const delayMs of [5, 150, 350, 600, 900]) {
      expect(buildInto(out, "2025-07-14T12:00:00+06:00").status).toBe(0);
      const child = spawn("node", [BIN, "build", "--articles", articles(), "--config", config(), "--out", out, "--now", "2025-07-15T12:00:00+06:00"]);
      const closed = new Promise((resolve) => child.on("close", resolve)); // listen now: a fast build may end before the kill
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill("SIGKILL");
      await closed;
      for (const name of Object.keys(after)) {
        const content = textOf(out, name);
        expect(content === before[name] || content === after[name]).toBe(true);
      }
      // Whatever the kill left (a lock, temporaries), the next build takes over and finishes cleanly.
      const next = buildInto(out, "2025-07-15T12:00:00+06:00");
      expect(next.stderr).toBe("");
      expect(allFiles(out)).toEqual([".patrika-manifest.json", ...Object.keys(after)].sort());
      expect(snapshot(out)).toEqual(after);
    }
  } finally {
    for (const dir of [oldOut, newOut, out]) rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

test("a second build into a folder another live build holds is refused with a clear message (exit 3)", () => {
  const out = mkdtempSync(join(tmpdir(), "patrika-locked-"));
  const holder = spawn("node", ["-e", "setTimeout(() => {}, 30000)"]);
  try {
    writeFileSync(join(out, ".patrika.lock"), `${holder.pid}\n`);
    const result = buildInto(out, "2025-07-14T12:00:00+06:00");
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`error [output.locked] another patrika build (process ${holder.pid}) is writing ${out}`);
    expect(readdirSync(out)).toEqual([".patrika.lock"]);
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
