import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Start-up time is mostly what the loaded modules cost, so the quick commands are held to the modules they use: a
// resolve hook prints every file the bundled CLI loads, each file stands for the modules the bundler put in it
// (dist/bin/inputs.json, written beside the bundle), and the heavy ones must not be among them.
const CLI = resolve("dist/bin/patrika.js");
const BUNDLED = JSON.parse(readFileSync(resolve("dist/bin/inputs.json"), "utf8")) as Record<string, string[]>;
const HOOK = `export async function resolve(specifier, context, next) { const r = await next(specifier, context); process._rawDebug("LOADED " + r.url); return r; }`;
// Modules loaded with require (markdown-it is, on first use) pass no import hook: the ones in require's cache are
// printed as the process exits.
const CJS = `process.on("exit", () => { for (const path of Object.keys(require("node:module")._cache)) process._rawDebug("LOADED file://" + path); });`;
const RECORDER = `data:text/javascript,${encodeURIComponent(`import { createRequire, register } from "node:module"; const require = createRequire(process.cwd() + "/"); ${CJS} register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`)}`;

/** The modules (as paths below the repository) that each `patrika ARGS` loads, run in turn in one folder with no config (or `setUp`'s). */
function modulesLoadedByRuns(runs: string[][], setUp?: (cwd: string) => void, status = 0): string[][] {
  const cwd = mkdtempSync(join(tmpdir(), "patrika-startup-"));
  try {
    setUp?.(cwd);
    return runs.map((args) => {
      const run = spawnSync("node", ["--import", RECORDER, CLI, ...args], { cwd, encoding: "utf8" });
      const problems = run.stderr.replace(/^LOADED .*\n/gm, "");
      expect([run.status, status === 0 ? problems : ""]).toEqual([status, ""]);
      const root = `file://${resolve(".")}/`;
      const files = [...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((match) => match[1]!.replace(root, ""));
      return [...new Set(files.flatMap((file) => BUNDLED[file] ?? [file]))];
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const modulesLoadedBy = (args: string[], status = 0): string[] => modulesLoadedByRuns([args], undefined, status)[0]!;

/** What neither --version nor `date` uses: the build, its outputs, the importers, the watcher and their libraries. */
const HEAVY = [
  /^dist\/(build|render|write|load|normalise|import|publish|sources|integrations)\//,
  /^dist\/cli\/(build|watch|import|init|report)\.js$/,
  /^dist\/config\/(schema|validate)\.js$/,
  /node_modules\/(zod|jiti|markdown-it|chokidar|js-yaml|smol-toml|tinyglobby|linkedom|turndown|@mozilla\/readability|saxes|picocolors)\//,
];
const heavy = (paths: string[]) => paths.filter((path) => HEAVY.some((pattern) => pattern.test(path)));

test("--version loads the CLI's entry and commander, nothing heavier, and no date reader", () => {
  const paths = modulesLoadedBy(["--version"]);
  expect(paths).toContain("dist/cli/main.js"); // the recorder works
  expect(heavy(paths)).toEqual([]);
  expect(paths.filter((path) => path.startsWith("dist/dates/"))).toEqual(["dist/dates/reading.js"]);
});

test("date TEXT loads the date reader but not the schema library, the build or the config compiler", () => {
  const paths = modulesLoadedBy(["date", "১৩ জুলাই ২০২৫"]);
  expect(paths).toContain("dist/dates/index.js");
  expect(heavy(paths)).toEqual([]);
});

test("a build without --watch never loads the watcher; one whose feed bodies are all cached never loads markdown-it", () => {
  const site = (cwd: string) => {
    writeFileSync(join(cwd, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.example.com.bd", title: "পরীক্ষা" }));
    mkdirSync(join(cwd, "articles"));
    for (const n of [1, 2]) writeFileSync(join(cwd, "articles", `${n}.md`), `---\ntitle: "খবর ${n}"\ndate: "2025-07-1${n}T10:00:00+06:00"\n---\n**লেখা** ${n}\n`);
  };
  const build = ["build", "--quiet", "--now", "2025-07-14T12:00:00+06:00"];
  const runs = modulesLoadedByRuns([build, build], site); // the second finds nothing changed
  const library = (name: string) => (paths: string[]) => paths.filter((path) => path.includes(`node_modules/${name}/`)).length > 0;
  expect(runs.map(library("chokidar"))).toEqual([false, false]);
  expect(runs.map(library("markdown-it"))).toEqual([true, false]); // the first renders the bodies
});

test("the recorder does see a heavy module when a command uses one", () => {
  const paths = modulesLoadedBy(["check"], 2); // no config in the folder: a usage error, after loading the build
  expect(heavy(paths)).toContain("dist/cli/build.js");
});
