#!/usr/bin/env node
// One edited article against an unchanged build and a cold one, as whole processes, in one run (issue 17's
// incremental target): the median wall and CPU (user + sys) time of --runs builds each, and the ratios. Several
// builds of patrika (--cli a.js,b.js: before and after a change) run in turns, each in its own folder with its own
// cache, over one corpus, so a busy machine slows them alike. The corpus is generated once.
// Usage: node bench/edit.mjs [--n 100000] [--runs 3] [--cli dist/bin/patrika.js,...] [--work DIR]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const n = Number(arg("n", "100000"));
const runs = Number(arg("runs", "3"));
const clis = arg("cli", join(root, "dist", "bin", "patrika.js")).split(",").map((cli) => resolve(cli));
const work = resolve(arg("work", join(tmpdir(), "patrika-bench-edit")));
const NOW = "2025-07-14T12:00:00+06:00";
const timeBin = existsSync("/usr/bin/time");

const corpus = join(work, String(n));
if (!existsSync(join(corpus, ".complete"))) {
  rmSync(corpus, { recursive: true, force: true });
  execFileSync("node", [join(root, "..", "shared", "bench", "gen-corpus.mjs"), "--out", join(corpus, "articles"), "--n", String(n), "--seed", "1", "--now", NOW], { stdio: "ignore" });
  writeFileSync(join(corpus, ".complete"), "");
}
const articles = join(corpus, "articles");
const folders = clis.map((_, i) => {
  const folder = join(corpus, `variant-${i}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.example-patrika.com.bd", title: "দৈনিক নদীপার", feedSize: 50 }));
  return folder;
});

/** One build as a whole process: [wall, user + sys] in seconds. */
function build(i, extra = []) {
  const args = [clis[i], "build", "--now", NOW, "--articles", articles, "--out", join(folders[i], "output"), ...extra];
  const started = process.hrtime.bigint();
  const result = timeBin ? spawnSync("/usr/bin/time", ["-f", "%U %S", "node", ...args], { cwd: folders[i], encoding: "utf8" }) : spawnSync("node", args, { cwd: folders[i], encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr || result.stdout}`);
  const [user, sys] = timeBin ? result.stderr.trim().split("\n").pop().split(" ").map(Number) : [NaN, NaN];
  return [wall, user + sys];
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Runs `before` then a build of each variant in turn, `runs` times: per variant, the median wall and CPU time. */
function measure(before, extra = []) {
  const times = clis.map(() => []);
  for (let r = 0; r < runs; r++) clis.forEach((_, i) => (before(i), times[i].push(build(i, extra))));
  return times.map((t) => [median(t.map((x) => x[0])), median(t.map((x) => x[1]))]);
}

const first = join(articles, readdirSync(articles).sort()[0]);
const original = readFileSync(first, "utf8");
try {
  const cold = measure((i) => rmSync(join(folders[i], ".patrika-cache"), { recursive: true, force: true }), ["--no-cache"]);
  clis.forEach((_, i) => build(i)); // the cache and the records, as a first cached build leaves them
  const unchanged = measure(() => undefined);
  let edits = 0;
  // The same edit for every variant of a round: its text changes, not only its time.
  const edited = measure((i) => (i === 0 ? writeFileSync(first, `${original}\nসংশোধন ${++edits}।\n`) : undefined));
  clis.forEach((cli, i) => {
    const line = (label, [wall, cpu]) => `${label.padEnd(20)} ${wall.toFixed(2)} s wall (${(wall / unchanged[i][0]).toFixed(2)} × unchanged), ${cpu.toFixed(2)} s CPU (${(cpu / unchanged[i][1]).toFixed(2)} ×)`;
    console.log(`${n} articles, median of ${runs}: ${cli}`);
    console.log([line("cold (--no-cache)", cold[i]), line("unchanged", unchanged[i]), line("one article edited", edited[i])].join("\n"));
  });
} finally {
  writeFileSync(first, original);
}
