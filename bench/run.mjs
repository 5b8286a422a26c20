#!/usr/bin/env node
// npm run bench: whole-process timings of patrika against the floor (reading every file), a naive baseline and,
// where installed, Hugo, on generated Bengali corpora; plus date strings read per second. Writes bench/results.md.
// (e) edits one article's text before each run; (h) replaces the articles with a fresh git clone's checkout, as CI
// does; (j) edits one article in that clone; (k) clones afresh a commit that edits one article (a CI run after a
// push); (i) touches every file without changing it, outside git; (l) edits a story no output carries.
// Usage: node bench/run.mjs [--sizes 1000,10000,100000] [--runs 3] [--runs-large 1]; also the start-up of --version and date.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const sizes = arg("sizes", "1000,10000,100000").split(",").map(Number);
const runs = Number(arg("runs", "3"));
// 100,000 articles take a minute per configuration (Hugo and the naive baseline most); --runs-large 1 to hurry.
const runsLarge = Number(arg("runs-large", "3"));
let runsNow = runs;
const generator = resolve(root, "..", "shared", "bench", "gen-corpus.mjs");
const NOW = "2025-07-14T12:00:00+06:00";
const work = join(tmpdir(), "patrika-bench");
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" }).status === 0;
const timeBin = existsSync("/usr/bin/time");

/** One corpus per size and date style, generated once and reused by later runs. */
function corpus(n, iso) {
  const dir = join(work, `${n}${iso ? "-iso" : ""}`);
  if (!existsSync(join(dir, ".complete"))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync("node", [generator, "--out", join(dir, "articles"), "--n", String(n), "--seed", "1", "--now", NOW, ...(iso ? ["--iso-dates"] : [])], { stdio: "ignore" });
    writeFileSync(join(dir, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.example-patrika.com.bd", title: "দৈনিক নদীপার", feedSize: 50 }));
    writeFileSync(join(dir, ".complete"), "");
  }
  return dir;
}

/** Runs a command as a whole process: wall, user+sys CPU and peak memory, from /usr/bin/time. */
function measure(command, args, cwd, before) {
  before?.();
  const started = process.hrtime.bigint();
  const result = timeBin
    ? spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", command, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr.slice(-2000)}`);
  const last = timeBin ? result.stderr.trim().split("\n").pop().split(" ").map(Number) : [wall, NaN, NaN, NaN];
  return { wall, cpu: last[1] + last[2], memoryMb: last[3] / 1024 };
}

/** Warm-up once, then the median of `runs` runs (by wall time). */
function median(command, args, cwd, before) {
  measure(command, args, cwd, before);
  const results = Array.from({ length: runsNow }, () => measure(command, args, cwd, before)).sort((a, b) => a.wall - b.wall);
  return results[Math.floor(results.length / 2)];
}

function hugoSite(isoDir) {
  const site = join(isoDir, "hugo");
  if (!existsSync(join(site, "hugo.toml"))) {
    mkdirSync(site, { recursive: true });
    writeFileSync(
      join(site, "hugo.toml"),
      [
        'baseURL = "https://www.example-patrika.com.bd/"',
        'languageCode = "bn"',
        'title = "naive"',
        'disableKinds = ["taxonomy", "term", "section"]',
        "[outputs]",
        'home = ["RSS"]',
        "page = []",
        "[services.rss]",
        "limit = 50",
      ].join("\n"),
    );
    execFileSync("ln", ["-s", join(isoDir, "articles"), join(site, "content")]);
  }
  return site;
}

const git = (cwd, ...args) => execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.org", ...args], { cwd, stdio: "ignore" });

/** A bare repository holding the corpus's articles as one commit, made once per size. */
function gitOrigin(dir) {
  const origin = `${dir}.git`;
  if (!existsSync(join(origin, ".complete"))) {
    rmSync(origin, { recursive: true, force: true });
    rmSync(join(dir, ".git"), { recursive: true, force: true });
    git(dir, "init", "-q");
    git(dir, "add", "articles");
    git(dir, "commit", "-q", "-m", "corpus");
    git(dir, "clone", "-q", "--bare", dir, origin);
    rmSync(join(dir, ".git"), { recursive: true, force: true });
    writeFileSync(join(origin, ".complete"), "");
  }
  return origin;
}

/** The articles folder as a fresh `git clone` leaves it; the output, config and .patrika-cache/ stay. */
function freshClone(dir, origin) {
  rmSync(join(dir, "articles"), { recursive: true, force: true });
  rmSync(join(dir, ".git"), { recursive: true, force: true });
  rmSync(join(dir, ".clone"), { recursive: true, force: true });
  git(dir, "clone", "-q", "--no-checkout", origin, ".clone");
  renameSync(join(dir, ".clone", ".git"), join(dir, ".git"));
  rmSync(join(dir, ".clone"), { recursive: true, force: true });
  git(dir, "checkout", "-q", "-f", "HEAD");
}

const patrika = join(root, "dist", "bin", "patrika.js");

/** The first article (by name) whose slug no feed item's URL and no news sitemap entry ends with, after a build. */
function storyInNoOutput(dir) {
  const out = join(dir, "output");
  const urls = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else if (entry.name === "feed.json") urls.push(...JSON.parse(readFileSync(join(folder, entry.name), "utf8")).items.map((item) => item.url));
    }
  };
  walk(out);
  const news = readFileSync(join(out, "news-sitemap.xml"), "utf8");
  const carried = (slug) => urls.some((url) => url.endsWith(`/${slug}`)) || news.includes(`/${slug}</loc>`);
  for (const name of readdirSync(join(dir, "articles")).sort()) {
    const path = join(dir, "articles", name);
    const slug = /^slug: "?([^"\n]+)"?$/m.exec(readFileSync(path, "utf8"))?.[1];
    if (slug && !carried(slug)) return path;
  }
  throw new Error(`every article in ${dir} is in a feed or the news sitemap`);
}
const rows = [];
for (const n of sizes) {
  runsNow = n >= 100000 ? runsLarge : runs;
  const dir = corpus(n, false);
  const isoDir = corpus(n, true);
  const out = join(dir, "output");
  const build = ["build", "--now", NOW, "--out", out];
  const floor = median("node", [join(root, "bench", "floor.mjs"), join(dir, "articles")], dir);
  const listStat = median("node", [join(root, "bench", "list-stat.mjs"), join(dir, "articles")], dir);
  const naive = median("node", [join(root, "bench", "naive.mjs"), join(isoDir, "articles"), join(isoDir, "naive-output")], isoDir);
  const cold = median("node", [patrika, ...build, "--no-cache"], dir, () => rmSync(join(dir, ".patrika-cache"), { recursive: true, force: true }));
  const unchanged = median("node", [patrika, ...build], dir);
  // One article edited for real before each run (its text changes, not only its time), then restored.
  const first = join(dir, "articles", readdirSync(join(dir, "articles")).sort()[0]);
  const original = readFileSync(first, "utf8");
  let edits = 0;
  const oneChange = median("node", [patrika, ...build], dir, () => writeFileSync(first, `${original}\nসংশোধন ${++edits}।\n`));
  writeFileSync(first, original);
  // (l) The same for a story no output carries (in no feed, not in the news sitemap): what an edit costs beyond an
  // unchanged build before anything is re-rendered. (e) − (l) is then the cost of re-rendering what (e)'s story is in.
  const unseen = storyInNoOutput(dir);
  const unseenText = readFileSync(unseen, "utf8");
  const oneChangeUnseen = median("node", [patrika, ...build], dir, () => writeFileSync(unseen, `${unseenText}\nসংশোধন ${++edits}।\n`));
  writeFileSync(unseen, unseenText);
  // (h) A fresh clone with the cache restored, as CI does: before each run the articles folder is replaced by a new
  // clone's checkout of the corpus (every time new, no byte changed, git's index fresh). Then a plain folder again.
  const origin = gitOrigin(dir);
  const checkout = median("node", [patrika, ...build], dir, () => freshClone(dir, origin));
  // (j) One article edited in that git work tree, as on a newsroom's machine or a CI runner that pulls an edit.
  const oneChangeInGit = median("node", [patrika, ...build], dir, () => writeFileSync(first, `${original}\nসংশোধন ${++edits}।\n`));
  writeFileSync(first, original);
  // (k) A CI run after a newsroom's commit: the commit edits one article's text, and the runner checks it out
  // afresh (every stamp new) with the cache and output kept. Each run commits another edit and clones that.
  const newsroom = `${dir}.newsroom`;
  rmSync(newsroom, { recursive: true, force: true });
  git(work, "clone", "-q", origin, newsroom);
  const editedFirst = join(newsroom, relative(dir, first));
  const oneCommitCloned = median("node", [patrika, ...build], dir, () => {
    writeFileSync(editedFirst, `${original}\nসংশোধন ${++edits}।\n`);
    git(newsroom, "commit", "-q", "-am", "edit");
    freshClone(dir, newsroom);
  });
  rmSync(newsroom, { recursive: true, force: true });
  writeFileSync(first, original);
  rmSync(join(dir, ".git"), { recursive: true, force: true });
  // (i) The same outside git: every file touched, none changed, so each is hashed to be recognised.
  const names = readdirSync(join(dir, "articles"));
  const touched = median("node", [patrika, ...build], dir, () => {
    const now = new Date();
    for (const name of names) utimesSync(join(dir, "articles", name), now, now);
  });
  const hugoRun = hugo ? median("hugo", ["--quiet", "--destination", join(isoDir, "hugo-public")], hugoSite(isoDir)) : undefined;
  rows.push({ n, floor, listStat, naive, cold, unchanged, oneChange, oneChangeUnseen, checkout, oneChangeInGit, oneCommitCloned, touched, hugo: hugoRun });
}

// Start-up: the quick commands against node itself, run by run in turn so the machine's load falls on all alike.
function startup(count = 21) {
  const commands = { node: ["-e", "0"], version: [patrika, "--version"], date: [patrika, "date", "১৩ জুলাই ২০২৫, ১৭:২৮"] };
  const times = Object.fromEntries(Object.keys(commands).map((key) => [key, []]));
  const empty = join(work, "no-config");
  mkdirSync(empty, { recursive: true });
  for (let i = 0; i < count; i++) {
    for (const [key, args] of Object.entries(commands)) {
      const started = process.hrtime.bigint();
      spawnSync("node", args, { cwd: empty, stdio: "ignore" });
      times[key].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const middle = (list) => list.sort((a, b) => a - b)[list.length >> 1];
  return Object.fromEntries(Object.entries(times).map(([key, list]) => [key, middle(list)]));
}
const start = startup();

const dates = JSON.parse(execFileSync("node", [join(root, "bench", "dates.mjs")], { encoding: "utf8" }));
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const lines = [
  "# Benchmark results",
  "",
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. ` +
    `Whole-process timings, median of ${runs} (${runsLarge} at 100,000 and above) after one warm-up; ratios against the floor (a) and the naive baseline (b) of the same run.`,
  "",
  "| articles | run | wall s | CPU s | peak MB | ÷ floor | ÷ naive |",
  "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
];
for (const row of rows) {
  for (const [name, r] of [
    ["(a) floor: read every file", row.floor],
    ["(g) list and stat every file", row.listStat],
    ["(b) naive baseline", row.naive],
    ["(c) patrika cold", row.cold],
    ["(d) patrika unchanged", row.unchanged],
    ["(e) patrika one article edited", row.oneChange],
    ["(l) patrika one article edited that no output carries", row.oneChangeUnseen],
    ["(h) patrika after a fresh git clone, cache kept", row.checkout],
    ["(j) patrika one article edited in that git clone", row.oneChangeInGit],
    ["(k) patrika after a fresh clone of a commit editing one article, cache kept", row.oneCommitCloned],
    ["(i) patrika, every file touched outside git, cache kept", row.touched],
    ["(f) Hugo (RSS + sitemap)", row.hugo],
  ]) {
    if (!r) continue;
    lines.push(`| ${row.n} | ${name} | ${f(r.wall)} | ${f(r.cpu)} | ${f(r.memoryMb, 0)} | ${f(r.wall / row.floor.wall)} | ${f(r.wall / row.naive.wall)} |`);
  }
}
lines.push(
  "",
  "(h) replaces the articles folder with a fresh `git clone` checkout of the corpus (committed once), keeping .patrika-cache/ and output/, as CI does; " +
    "(i) is how (h) was simulated before: every file touched in a folder outside git; (j) edits one article in (h)'s clone, as (e) does outside git; " +
    "(k) is a CI run after a commit: each run commits another edit of one article's text and clones it afresh, as (h); " +
    "(l) edits, as (e), a story that no feed and no news sitemap carries, so nothing is re-rendered (after its warm-up run no output is written either: the report already says nothing was published anew): (e) − (l) is what re-rendering the files (e)'s story is in costs.",
);
if (!hugo) lines.push("", "Hugo is not installed here (Debian package `hugo`), so (f) was not measured.");

lines.push(
  "",
  `Start-up, median of 21 alternating runs in a folder without a config: \`node -e 0\` ${f(start.node, 0)} ms, ` +
    `\`patrika --version\` ${f(start.version, 0)} ms, \`patrika date TEXT\` ${f(start.date, 0)} ms.`,
);

// The targets, checked against this run's own baselines.
const verdict = (ok) => (ok ? "met" : "**not met**");
lines.push("", "| articles | target | measured | verdict |", "| ---: | --- | ---: | --- |");
const general = (name, measured, ok) => lines.push(`| – | ${name} | ${measured} | ${verdict(ok)} |`);
general("start-up: --version ≤ 1.5 × node -e 0", `${f(start.version / start.node)} ×`, start.version <= 1.5 * start.node);
general("start-up: date TEXT ≤ 1.5 × node -e 0", `${f(start.date / start.node)} ×`, start.date <= 1.5 * start.node);
for (const row of rows) {
  const t = (name, measured, ok) => lines.push(`| ${row.n} | ${name} | ${measured} | ${ok === undefined ? "–" : verdict(ok)} |`);
  const hugoRatio = row.hugo ? `${f(row.hugo.wall / row.cold.wall)} ×` : "–";
  if (row.n < 100000) t("cold faster than Hugo", hugoRatio, row.hugo ? row.hugo.wall > row.cold.wall : undefined);
  else {
    t("cold ≤ 3 × floor", `${f(row.cold.wall / row.floor.wall)} ×`, row.cold.wall <= 3 * row.floor.wall);
    t("cold ≥ 5 × faster than Hugo", hugoRatio, row.hugo ? row.hugo.wall >= 5 * row.cold.wall : undefined);
    t("cold peak memory < 300 MB", `${f(row.cold.memoryMb, 0)} MB`, row.cold.memoryMb < 300);
  }
  // The target allows the re-rendering of what the story is in, measured as (e) − (l): (e) ≤ 1.1 × (d) + ((e) − (l)).
  const rerender = row.oneChange.wall - row.oneChangeUnseen.wall;
  t(
    "one edited within 10 % of unchanged plus re-rendering what it is in ((e) − (l))",
    `${f((row.oneChangeUnseen.wall / row.unchanged.wall - 1) * 100, 0)} % (re-rendering ${f(rerender * 1000, 0)} ms)`,
    row.oneChange.wall <= 1.1 * row.unchanged.wall + rerender,
  );
  t("one edited within 10 % of unchanged, no allowance", `${f((row.oneChange.wall / row.unchanged.wall - 1) * 100, 0)} %`, row.oneChange.wall <= 1.1 * row.unchanged.wall);
  t("one edited in a git clone within 10 % of unchanged", `${f((row.oneChangeInGit.wall / row.unchanged.wall - 1) * 100, 0)} %`, row.oneChangeInGit.wall <= 1.1 * row.unchanged.wall);
  t("one edited in a fresh clone of its commit (CI) within 10 % of a fresh clone unchanged (h)", `${f((row.oneCommitCloned.wall / row.checkout.wall - 1) * 100, 0)} %`, row.oneCommitCloned.wall <= 1.1 * row.checkout.wall);
  t("fresh checkout (git clone) ≤ 1.5 × unchanged", `${f(row.checkout.wall / row.unchanged.wall)} ×`, row.checkout.wall <= 1.5 * row.unchanged.wall);
}
const bySize = new Map(rows.map((row) => [row.n, row]));
if (bySize.has(10000) && bySize.has(100000)) {
  const ratio = bySize.get(100000).cold.wall / bySize.get(10000).cold.wall;
  const memory = bySize.get(100000).cold.memoryMb / bySize.get(10000).cold.memoryMb;
  lines.push(`| 100000 | cold 100k ≤ 11 × cold 10k (linear) | ${f(ratio)} × (memory ${f(memory)} ×) | ${verdict(ratio <= 11)} |`);
}
general("dates ≥ 700,000 per second", dates.perSecond.toLocaleString("en"), dates.perSecond >= 700000);
lines.push("", `Date strings read: ${dates.perSecond.toLocaleString("en")} per second on one core (bench/dates.mjs, ${dates.strings.toLocaleString("en")} strings).`, "");
writeFileSync(join(root, "bench", "results.md"), lines.join("\n"));
console.log(lines.join("\n"));
