import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Start-up time is mostly what the loaded modules cost, so the quick commands are held to the modules they use: a
// resolve hook prints every module the compiled CLI loads, and the heavy ones must not be among them.
const CLI = resolve("dist/cli/main.js");
const HOOK = `export async function resolve(specifier, context, next) { const r = await next(specifier, context); process._rawDebug("LOADED " + r.url); return r; }`;
const RECORDER = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`)}`;

/** The modules (as paths below the repository) that `patrika ARGS` loads, run in a folder with no config. */
function modulesLoadedBy(args: string[], status = 0): string[] {
  const cwd = mkdtempSync(join(tmpdir(), "patrika-startup-"));
  try {
    const run = spawnSync("node", ["--import", RECORDER, CLI, ...args], { cwd, encoding: "utf8" });
    expect(run.status).toBe(status);
    const root = `file://${resolve(".")}/`;
    return [...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((match) => match[1]!.replace(root, ""));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

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

test("the recorder does see a heavy module when a command uses one", () => {
  const paths = modulesLoadedBy(["check"], 2); // no config in the folder: a usage error, after loading the build
  expect(heavy(paths)).toContain("dist/cli/build.js");
});
