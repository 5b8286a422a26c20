/**
 * A real build's write, failed at every single step (issue 18, "How to prove it"): the basic fixture site (four
 * category feeds, sitemaps, the report) is built over an earlier build that had another set of categories, so the
 * write creates a folder, replaces files, and drops a category. For each operation k of that write, a full disk
 * (ENOSPC) at step k must leave the output folder byte- and entry-identical, folders included; a fault after the set
 * is complete (removing a backup) must leave the new set published and nothing the next build does not clear.
 * The write is repeated for each k with the very files the build wrote, in its order; build() itself, with its
 * report, is run at every seventh step.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build/index.js";
import { FIXTURE_NOW } from "../support/fixtures.js";
import { faultyIo, folderSnapshot, withoutFlush } from "./faults.js";
import { OutputWriteError, writeAtomically, type OutputToWrite, type WriteIo } from "../../src/write/atomic.js";

const FIXTURE = "test/fixtures/basic";
let site: string;
const earlierArticles = () => join(site, "earlier");
const pristine = () => join(site, "pristine");
const out = () => join(site, "output");

/** A build of the full fixture into `output`, through `io`. */
const later = (io?: WriteIo) => build({ now: FIXTURE_NOW, articlesDir: `${FIXTURE}/articles`, configFile: `${FIXTURE}/patrika.config.json`, outDir: out(), ...(io ? { io } : {}) });
/** The published files (the manifest included, hidden leftovers not) with their hashes. */
const published = (dir: string) =>
  folderSnapshot(dir)
    .map((line) => line.split(" ").slice(0, 2).join(" "))
    .filter((line) => !line.includes("/ ") && !line.endsWith("/") && (line.startsWith(".patrika-manifest.json ") || !line.split(" ")[0]!.split("/").pop()!.startsWith(".")));

function resetOutput(): string[] {
  rmSync(out(), { recursive: true, force: true });
  cpSync(pristine(), out(), { recursive: true });
  return folderSnapshot(out());
}

let steps: string[] = [];
let expected: string[] = [];
let referenceTree: string[] = [];
const reference = () => join(site, "reference");
beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), "patrika-build-faults-"));
  // The earlier build: every fixture article but the sports one, and one in a category the later build no longer has.
  cpSync(`${FIXTURE}/articles`, earlierArticles(), { recursive: true });
  rmSync(join(earlierArticles(), "c-cricket.md"));
  writeFileSync(join(earlierArticles(), "w-weather.md"), '---\ntitle: "কাল সারা দেশে বৃষ্টির সম্ভাবনা"\ndate: "১৩ জুলাই ২০২৫, ০৯:০০"\ncategory: weather\n---\nআবহাওয়া অফিসের পূর্বাভাস।\n');
  mkdirSync(pristine());
  const earlier = await build({ now: FIXTURE_NOW, articlesDir: earlierArticles(), configFile: `${FIXTURE}/patrika.config.json`, outDir: pristine() });
  expect(earlier.status).toBe("ok");
  expect(readdirSync(pristine()).sort()).toContain("weather");
  expect(readdirSync(pristine()).sort()).not.toContain("sports");
  // The reference: the later build over the earlier one, with every step counted.
  resetOutput();
  const counting = faultyIo(undefined, withoutFlush);
  expect((await later(counting)).status).toBe("ok");
  steps = counting.log;
  expected = published(out());
  rmSync(reference(), { recursive: true, force: true });
  cpSync(out(), reference(), { recursive: true });
  referenceTree = folderSnapshot(out()).map((line) => line.split(" ")[0]!);
  expect(referenceTree).toEqual(expect.arrayContaining(["sports/", "sports/rss.xml", "culture/atom.xml", "patrika-report.json"]));
  expect(expected.join("\n")).not.toContain("weather");
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

test("the write's steps include every kind of operation, over more than a hundred steps", () => {
  expect([...new Set(steps.map((op) => op.split(" ")[0]))].sort()).toEqual(["close", "create", "link", "mkdir", "remove", "rename", "rmdir", "sync", "syncFolder", "write"]);
  expect(steps.length).toBeGreaterThan(100);
});

/**
 * The files that build wrote, in the order it renamed them, read back from the reference output: the very write the
 * build makes, repeated without the reading and rendering before it (which a fault in the write cannot reach).
 */
function writtenFiles(): OutputToWrite[] {
  const targets = steps.filter((op) => op.startsWith("rename ") && /-\d+\.tmp$/.test(op)).map((op) => op.split(" ")[1]!);
  return targets
    .map((temporary) => temporary.slice(out().length + 1).replace(/(^|\/)\.([^/]+)\.[0-9a-f]{12}-\d+\.tmp$/, "$1$2"))
    .filter((name) => name !== ".patrika-manifest.json")
    .map((name) => ({ name, content: readFileSync(join(reference(), name), "utf8") }));
}

test("ENOSPC at step k, for every k: a failed write leaves the output identical, a published one leaves only the new set", async () => {
  const files = writtenFiles();
  expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(["rss.xml", "sports/rss.xml", "news-sitemap-index.xml", "patrika-report.json"]));
  let failed = 0;
  let before = resetOutput();
  for (let k = 1; k <= steps.length + 1; k++) {
    const outcome = await writeAtomically(out(), files, { io: faultyIo(k, withoutFlush) }).catch((error: unknown) => error);
    const at = { k, step: steps[k - 1]?.replace(out(), "output") };
    if (outcome instanceof OutputWriteError) {
      failed++;
      expect({ ...at, after: folderSnapshot(out()), restored: outcome.restored }).toEqual({ ...at, after: before, restored: true });
      expect(outcome.message).toMatch(/^the output could not be written \(ENOSPC: .*\); the previous output is untouched$/);
      continue; // the folder is the earlier build still: the next k starts from it
    }
    if (outcome instanceof Error) throw outcome;
    expect({ ...at, published: published(out()) }).toEqual({ ...at, published: expected });
    // The next build clears what this one could not: then the folder holds the set and its manifest, nothing else.
    await writeAtomically(out(), files, { io: withoutFlush });
    const setOnly = (lines: string[]) => lines.filter((line) => !line.startsWith(".patrika-manifest.json "));
    expect({ ...at, after: setOnly(published(out())), all: folderSnapshot(out()).map((line) => line.split(" ")[0]!) }).toEqual({ ...at, after: setOnly(expected), all: referenceTree });
    before = resetOutput();
  }
  // Every step before the set is complete (the manifest's rename and the folder flushes after it) fails the write.
  const complete = steps.map((op) => op.startsWith("rename ") && op.endsWith(".patrika-manifest.json")).lastIndexOf(true) + 1;
  expect(failed).toBeGreaterThanOrEqual(complete);
  expect(failed).toBeLessThan(steps.length + 1);
}, 120_000);

test("through build(): a fault at every seventh step gives a write-error report that says only what is true", async () => {
  for (let k = 1; k <= steps.length; k += 7) {
    const before = resetOutput();
    const report = await later(faultyIo(k, withoutFlush));
    if (report.status === "ok") continue; // published; the test above covers what it leaves
    const at = { k, step: steps[k - 1]?.replace(out(), "output") };
    expect({ ...at, status: report.status, after: folderSnapshot(out()) }).toEqual({ ...at, status: "write-error", after: before });
    expect(report.diagnostics.at(-1)).toMatchObject({ code: "output.write-failed", message: expect.stringMatching(/^the output could not be written \(ENOSPC: .*\); the previous output is untouched$/) });
  }
}, 120_000);
