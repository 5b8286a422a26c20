/**
 * Worker threads: the compiled CLI (the worker script exists only in dist/) builds a generated corpus above the
 * parallel threshold with one worker and with none; the outputs must be byte-identical, and so must the reports.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readOutputs } from "../support/fixtures.js";
import { readWorkerCount } from "../../src/build/workers.js";

const SHARED = resolve("..", "shared");
const NOW = "2025-07-14T12:00:00+06:00";
let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), "patrika-parallel-"));
  execFileSync("node", [join(SHARED, "bench", "gen-corpus.mjs"), "--out", join(site, "articles"), "--n", "3000", "--seed", "5", "--now", new Date(NOW).toISOString()]);
  writeFileSync(join(site, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.example-patrika.com.bd", title: "দৈনিক নদীপার" }));
  // One broken file, so diagnostics from a worker's share are checked too.
  writeFileSync(join(site, "articles", "zz-broken.md"), '---\ntitle: "ভাঙা"\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\n');
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const build = (workers: string, out: string, extra: string[] = [], cli = resolve("dist/bin/patrika.js")) => {
  try {
    const cache = out === "checkout" ? [] : ["--no-cache"];
    return execFileSync("node", [cli, "build", "--now", NOW, ...cache, "--json", "--out", join(site, out), ...extra], {
      cwd: site,
      encoding: "utf8",
      env: { ...process.env, PATRIKA_WORKERS: workers, NODE_OPTIONS: "" },
    });
  } catch (error) {
    return (error as { stdout: string }).stdout; // exit 1: the broken file
  }
};

const tree = readOutputs; // the report's publish section compares with the build before: history, not input

test("one worker and none give the same report, diagnostics in the same order", () => {
  const alone = JSON.parse(build("0", "alone"));
  const shared = JSON.parse(build("1", "shared"));
  expect(alone.status).toBe("invalid");
  expect(alone.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toContain("articles/zz-broken.md date.impossible-date");
  expect([alone.threads, shared.threads]).toEqual([1, 2]); // the worker ran (a failed worker falls back silently)
  expect({ ...shared, threads: 1 }).toEqual(alone);
});

test("with the broken file skipped, one worker and none write byte-identical outputs", () => {
  build("0", "alone", ["--skip-invalid"]);
  build("1", "shared", ["--skip-invalid"]);
  const alone = tree(join(site, "alone"));
  expect(Object.keys(alone).length).toBeGreaterThan(20);
  expect(tree(join(site, "shared"))).toEqual(alone);
});

test("three workers claiming files beside this thread write the same outputs as none (outcomes are placed by index)", () => {
  const alone = JSON.parse(build("0", "alone", ["--skip-invalid"])) as { articles: number };
  const report = JSON.parse(build("3", "three", ["--skip-invalid"])) as { threads: number; articles: number };
  expect(report.threads).toBe(4);
  expect(report.articles).toBe(alone.articles);
  expect(alone.articles).toBeGreaterThan(2900);
  expect(tree(join(site, "three"))).toEqual(tree(join(site, "alone")));
});

test("the library (dist/index.js, as the integrations load it) starts its own worker script and writes the same outputs", () => {
  build("0", "alone", ["--skip-invalid"]);
  const script = `const { build } = await import(${JSON.stringify(resolve("dist/index.js"))});
const report = await build({ now: new Date(${JSON.stringify(NOW)}), outDir: "library", skipInvalid: true });
process.stdout.write(JSON.stringify({ status: report.status, threads: report.threads }));`;
  writeFileSync(join(site, "library.mjs"), script); // a file, not --eval: a worker inherits node's flags, and --input-type stops it
  const run = execFileSync("node", ["library.mjs"], { cwd: site, encoding: "utf8", env: { ...process.env, PATRIKA_WORKERS: "1", NODE_OPTIONS: "" } });
  expect(JSON.parse(run)).toEqual({ status: "ok", threads: 2 });
  expect(tree(join(site, "library"))).toEqual(tree(join(site, "alone")));
});

test("after a fresh checkout (every file touched), workers hash instead of parsing, and the output is the same", () => {
  const cached = (out: string) => JSON.parse(build("1", out, ["--skip-invalid"])) as { fromCache: number; threads: number; upToDate: boolean };
  const first = cached("checkout");
  expect(first.fromCache).toBe(0);
  const later = new Date(Date.now() + 60_000);
  for (const name of readdirSync(join(site, "articles"))) utimesSync(join(site, "articles", name), later, later);
  const again = cached("checkout");
  expect(again.upToDate).toBe(false);
  expect(again.fromCache).toBe(3000); // all but the broken file, by content
  expect(again.threads).toBe(2);
  build("0", "alone", ["--skip-invalid"]);
  expect(tree(join(site, "checkout"))).toEqual(tree(join(site, "alone")));
});

test("PATRIKA_WORKERS: unset or empty means one per core, a whole number is a count (at most 8), anything else is refused", () => {
  const read = (value: string | undefined) => {
    const result = readWorkerCount(value);
    return result.ok ? result.count : "refused";
  };
  expect([undefined, "", "0", "3", " 2 ", "99", "abc", "-1", "2.5", "0x2"].map(read)).toEqual([undefined, undefined, 0, 3, 2, 8, "refused", "refused", "refused", "refused"]);
});

/**
 * A copy of the compiled tool whose worker script is `worker`: the real one cannot be made to fail from outside, and
 * a hook for it in the worker would be code that only tests run.
 */
function toolWithWorker(worker: string): string {
  const copy = mkdtempSync(join(tmpdir(), "patrika-failing-worker-"));
  cpSync(resolve("dist"), join(copy, "dist"), { recursive: true });
  copyFileSync(resolve("package.json"), join(copy, "package.json"));
  symlinkSync(resolve("node_modules"), join(copy, "node_modules"));
  writeFileSync(join(copy, "dist", "bin", "worker.js"), worker); // the bundled CLI's worker script
  return copy;
}

test.each([
  ["dies after claiming files, before sending any", `import { workerData } from "node:worker_threads";\nAtomics.add(workerData.next, 0, 64 * 3);\nprocess.exit(3);\n`],
  [
    "sends one claim's outcomes, claims more, then throws",
    `import { parentPort, workerData } from "node:worker_threads";
import { claims, normaliseFile } from "../build/workers.js";
const task = workerData;
const claimed = claims(task.next, task.files.length);
const [start, end] = claimed.next().value;
const outcomes = [];
for (let i = start; i < end; i++) outcomes.push(normaliseFile(task.articlesDir, task.files[i], task.config, new Date(task.nowMs), "plain", task.sha1, task.unless[i]));
parentPort.postMessage({ start, outcomes });
claimed.next();
throw new Error("a worker that fails half way");
`,
  ],
])("a worker that %s costs time, never a result: this thread reads what it claimed", (_, worker) => {
  const copy = toolWithWorker(worker);
  try {
    const alone = JSON.parse(build("0", "alone", ["--skip-invalid"])) as { articles: number; diagnostics: unknown[] };
    const failed = JSON.parse(build("1", "failed", ["--skip-invalid"], join(copy, "dist", "bin", "patrika.js"))) as { status: string; threads: number; articles: number; diagnostics: unknown[] };
    expect(failed.status).toBe("ok");
    expect(failed.threads).toBe(1); // the worker is not counted
    expect(failed.articles).toBe(alone.articles);
    expect(failed.diagnostics).toEqual(alone.diagnostics);
    expect(tree(join(site, "failed"))).toEqual(tree(join(site, "alone")));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
