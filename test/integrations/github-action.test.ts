/**
 * The composite GitHub Action (action.yml, issue 14). GitHub itself cannot run here, so: the annotation converter
 * (action/report.mjs) is tested as a module, and the action's shell steps are run with bash, as GitHub runs
 * `shell: bash` steps, in a temporary checkout of a small site where patrika is installed; the steps that `uses:`
 * another action (setup-node, cache) are only checked for what they are.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { annotation, escapeData, escapeProperty, readReport, repositoryPath, type CheckDiagnostic } from "../../action/report.mjs";

const REPO = process.cwd();
const NOW = "2025-07-14T12:00:00+06:00";

const diagnostic = (overrides: Partial<CheckDiagnostic>): CheckDiagnostic => ({
  file: "articles/bad.md",
  line: 3,
  column: 8,
  field: "date",
  code: "date.impossible-date",
  severity: "error",
  message: "not a date patrika can read: no such day in the calendar",
  found: '"৩১ ফেব্রুয়ারি ২০২৫"',
  expected: "a day from 1 to 28 in that month",
  hint: null,
  ...overrides,
});

describe("action/report.mjs: patrika check --json as GitHub annotations", () => {
  test("escaping follows GitHub's workflow commands: % CR LF in messages, and : , in properties too", () => {
    expect(escapeData("১০০% সত্য\r\nদ্বিতীয়: লাইন, শেষ")).toBe("১০০%25 সত্য%0D%0Aদ্বিতীয়: লাইন, শেষ");
    expect(escapeProperty("site/a,b:c%.md")).toBe("site/a%2Cb%3Ac%25.md");
  });

  test("an error becomes ::error with the file from the repository root, line, column, code and every detail", () => {
    expect(annotation(diagnostic({}), { prefix: "site" })).toBe(
      '::error file=site/articles/bad.md,line=3,col=8,title=patrika date.impossible-date::date: not a date patrika can read: no such day in the calendar%0Afound: "৩১ ফেব্রুয়ারি ২০২৫"%0Aexpected: a day from 1 to 28 in that month',
    );
  });

  test.each([
    ["a warning without a column", { severity: "warning", code: "article.unknown-field", field: "auther", column: null, found: null, expected: null, hint: 'did you mean "author"?', message: 'unknown field "auther" is ignored' }, { prefix: "." }, '::warning file=articles/bad.md,line=3,title=patrika article.unknown-field::auther: unknown field "auther" is ignored%0Ahint: did you mean "author"?'],
    ["a config error without a line", { code: "config.not-found", file: "patrika.config.json", line: null, column: null, field: null, found: null, expected: null, message: "no config" }, { prefix: "./news/" }, "::error file=news/patrika.config.json,title=patrika config.not-found::no config"],
    ["no file at all", { file: null, line: null, column: null, field: null, found: null, expected: null, code: "input.invalid-now", message: "bad now" }, {}, "::error title=patrika input.invalid-now::bad now"],
    ["an absolute path inside the workspace", { file: "/home/runner/work/site/articles/x.md", found: null, expected: null }, { workspace: "/home/runner/work/site" }, "::error file=articles/x.md,line=3,col=8,title=patrika date.impossible-date::date: not a date patrika can read: no such day in the calendar"],
  ] as const)("%s", (_name, overrides, options, expected) => {
    expect(annotation(diagnostic(overrides as Partial<CheckDiagnostic>), options)).toBe(expected);
  });

  test("the report gives the counts as step outputs and a summary table; other JSON is refused", () => {
    const result = readReport({ status: "invalid", articles: 2, diagnostics: [diagnostic({}), diagnostic({ severity: "warning", code: "article.unknown-field", message: "a | b" })] }, { prefix: "site" });
    expect(result.outputs).toEqual({ errors: 1, warnings: 1, status: "invalid" });
    expect(result.annotations).toHaveLength(2);
    expect(result.summary.split("\n")).toEqual([
      "### patrika check: 1 error(s), 1 warning(s) in 2 article file(s)",
      "",
      "| | where | code | problem |",
      "| --- | --- | --- | --- |",
      "| error | `site/articles/bad.md:3:8` | `date.impossible-date` | date: not a date patrika can read: no such day in the calendar |",
      "| warning | `site/articles/bad.md:3:8` | `article.unknown-field` | date: a \\| b |",
    ]);
    expect(() => readReport({ status: "ok" })).toThrow("not the JSON of patrika check --json");
    expect(repositoryPath("../shared/x.md", { prefix: "site" })).toBe("shared/x.md");
  });
});

/** One step of action.yml as written. */
interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
  with?: Record<string, string>;
}
const action = yaml.load(readFileSync(join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };

/** `${{ inputs.x }}` and `${{ github.action_path }}`, the only expressions the action's shell steps may hold. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === "github.action_path") return REPO;
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (!input || !(input[1]! in inputs)) throw new Error(`the test cannot evaluate \${{ ${expression} }}`);
    return inputs[input[1]!]!;
  });
}

/** A step's `if:`, in the one form the action uses: inputs compared with == or != to a literal, joined by &&. */
function condition(expression: string | undefined, inputs: Record<string, string>): boolean {
  if (expression === undefined) return true;
  return expression.split("&&").every((part) => {
    const m = /^\s*inputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
    if (!m || !(m[1]! in inputs)) throw new Error(`the test cannot evaluate if: ${expression}`);
    return (inputs[m[1]!] === m[3]) === (m[2] === "==");
  });
}

interface StepRun {
  name: string;
  ran: "bash" | "uses" | "skipped";
  code?: number;
  stdout?: string;
  stderr?: string;
}

/** Runs the action's steps in order as GitHub does: bash `-eo pipefail`, stop at the first failure. */
async function runAction(workspace: string, given: Record<string, string>): Promise<{ steps: StepRun[]; outputs: string; summary: string }> {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...given };
  const runner = mkdtempSync(join(tmpdir(), "patrika-runner-"));
  const files = { GITHUB_OUTPUT: join(runner, "output"), GITHUB_STEP_SUMMARY: join(runner, "summary") };
  writeFileSync(files.GITHUB_OUTPUT, "");
  writeFileSync(files.GITHUB_STEP_SUMMARY, "");
  const steps: StepRun[] = [];
  try {
    for (const step of action.runs.steps) {
      if (!condition(step.if, inputs)) steps.push({ name: step.name, ran: "skipped" });
      else if (step.uses) steps.push({ name: step.name, ran: "uses" });
      else {
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
        const cwd = join(workspace, expand(step["working-directory"] ?? ".", inputs));
        const result = await bash(step.run!, cwd, { ...env, ...files, RUNNER_TEMP: runner, GITHUB_WORKSPACE: workspace });
        steps.push({ name: step.name, ran: "bash", ...result });
        if (result.code !== 0) break;
      }
    }
    return { steps, outputs: readFileSync(files.GITHUB_OUTPUT, "utf8"), summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
  } finally {
    rmSync(runner, { recursive: true, force: true });
  }
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const environment: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, NO_COLOR: "1", ...env };
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd, env: environment, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * A checkout of a newsroom's repository with its site in `site/`, patrika installed there as npm would (the
 * package in node_modules/patrika, its bin in node_modules/.bin), and the articles given.
 */
function checkout(articles: Record<string, string>, config: Record<string, unknown> = {}): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), "patrika-checkout-"));
  const site = join(root, "site");
  mkdirSync(join(site, "articles"), { recursive: true });
  mkdirSync(join(site, "node_modules", ".bin"), { recursive: true });
  symlinkSync(REPO, join(site, "node_modules", "patrika"));
  writeFileSync(join(site, "node_modules", ".bin", "patrika"), `#!/bin/sh\nexec node "${join(REPO, "dist", "bin", "patrika.js")}" "$@"\n`, { mode: 0o755 });
  writeFileSync(join(site, "package.json"), JSON.stringify({ name: "dainik", private: true, dependencies: { patrika: "*" } }));
  writeFileSync(join(site, "patrika.config.json"), JSON.stringify({ siteUrl: "https://action.example.org", title: "কর্মশালা বার্তা", ...config }));
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(site, "articles", name), text);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const GOOD = '---\ntitle: "বাঁধ মেরামত শেষ"\ndate: "১৪ জুলাই ২০২৫, ০৯:৩০"\n---\nলেখা।\n';
const BAD = '---\ntitle: "ভুল তারিখ"\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\nলেখা।\n';
const LOCAL = { "working-directory": "site", install: "false", now: NOW };

describe("action.yml's steps, run with bash in a temporary checkout", () => {
  test("the action is composite; its other actions are setup-node and the cache's restore and save, pinned to a major version", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(["actions/setup-node@v4", "actions/cache/restore@v4", "actions/cache/save@v4"]);
    expect(action.runs.steps.filter((s) => s.run).every((s) => s.shell === "bash" && !/\$\{\{/.test(s.run!))).toBe(true); // inputs only through env
    const [restore, save] = action.runs.steps.filter((s) => s.uses?.startsWith("actions/cache/"));
    expect([restore!.with!.path, save!.with!.key]).toEqual(["${{ inputs.working-directory }}/.patrika-cache", restore!.with!.key]);
  });

  test("a valid site: check finds nothing, the build writes output/ and the cache folder to save", async () => {
    const site = checkout({ "dam.md": GOOD });
    try {
      const run = await runAction(site.root, LOCAL);
      expect(run.steps.map((s) => [s.name, s.ran, s.code])).toEqual([
        ["Set up Node.js", "uses", undefined],
        ["Install the site's dependencies", "skipped", undefined],
        ["Restore patrika's build cache", "uses", undefined],
        ["Check the articles", "bash", 0],
        ["Build the feeds and sitemaps", "bash", 0],
        ["Save patrika's build cache", "uses", undefined],
      ]);
      expect(run.steps[3]!.stdout).toBe("");
      expect(run.outputs).toBe("errors=0\nwarnings=0\nstatus=ok\n");
      expect(readFileSync(join(site.root, "site", "output", "rss.xml"), "utf8")).toContain("<link>https://action.example.org/dam</link>");
      expect(existsSync(join(site.root, "site", ".patrika-cache"))).toBe(true);
    } finally {
      site.remove();
    }
  });

  test("with the cache, a fresh checkout gets the last run's output back, so an unchanged site is not rendered again", async () => {
    const site = checkout({ "dam.md": GOOD });
    const folder = join(site.root, "site");
    const built = (run: { steps: StepRun[] }) => run.steps.find((s) => s.name === "Build the feeds and sitemaps")!;
    try {
      const first = await runAction(site.root, LOCAL);
      expect(built(first).code).toBe(0);
      expect(built(first).stdout).toContain("patrika: kept 8 output files for the next run");
      const rss = readFileSync(join(folder, "output", "rss.xml"), "utf8");
      // Between two runs, as on GitHub: the checkout has no output/, and actions/cache carried .patrika-cache through
      // tar --posix (each file's time kept to the nanosecond, its inode new).
      rmSync(join(folder, "output"), { recursive: true });
      execFileSync("tar", ["--posix", "-cf", join(site.root, "cache.tar"), "-C", folder, ".patrika-cache"]);
      rmSync(join(folder, ".patrika-cache"), { recursive: true });
      execFileSync("tar", ["-xf", join(site.root, "cache.tar"), "-C", folder]);
      const second = await runAction(site.root, LOCAL);
      expect(built(second).code).toBe(0);
      expect(built(second).stdout).toContain("patrika: put back the last run's output (8 files) from the build cache");
      expect(built(second).stdout).toContain("Up to date");
      expect(readFileSync(join(folder, "output", "rss.xml"), "utf8")).toBe(rss);
      // An output folder that exists is never replaced by the kept one: another tool's file there stays.
      rmSync(join(folder, "output"), { recursive: true });
      mkdirSync(join(folder, "output"));
      writeFileSync(join(folder, "output", "index.html"), "<p>another tool's page</p>");
      const third = await runAction(site.root, LOCAL);
      expect(built(third).stdout).toContain("output exists; the kept output was not put back");
      expect(readFileSync(join(folder, "output", "index.html"), "utf8")).toBe("<p>another tool's page</p>");
      expect(readFileSync(join(folder, "output", "rss.xml"), "utf8")).toBe(rss);
      // Without the cache, nothing is put back or kept.
      rmSync(join(folder, ".patrika-cache", "last-output"), { recursive: true });
      const uncached = await runAction(site.root, { ...LOCAL, cache: "false" });
      expect(built(uncached).stdout).not.toContain("patrika: kept");
      expect(existsSync(join(folder, ".patrika-cache", "last-output"))).toBe(false);
    } finally {
      site.remove();
    }
  });

  test("an invalid article: annotated on its file from the repository root, the job fails, nothing is built", async () => {
    const site = checkout({ "dam.md": GOOD, "bad.md": BAD });
    try {
      const run = await runAction(site.root, LOCAL);
      const check = run.steps.find((s) => s.name === "Check the articles")!;
      expect(check.code).toBe(1);
      expect(check.stdout!.trim().split("\n")).toEqual([
        '::error file=site/articles/bad.md,line=3,col=8,title=patrika date.impossible-date::date: not a date patrika can read: no such day in the calendar%0Afound: "৩১ ফেব্রুয়ারি ২০২৫"%0Aexpected: a day from 1 to 28 in that month',
      ]);
      expect(run.steps.map((s) => s.name)).not.toContain("Build the feeds and sitemaps");
      expect(run.summary).toContain("| error | `site/articles/bad.md:3:8` | `date.impossible-date` |");
      expect(existsSync(join(site.root, "site", "output"))).toBe(false);
    } finally {
      site.remove();
    }
  });

  test("with skip-invalid the errors are still annotated, and the valid articles are published", async () => {
    const site = checkout({ "dam.md": GOOD, "bad.md": BAD });
    try {
      const run = await runAction(site.root, { ...LOCAL, "skip-invalid": "true", out: "public" });
      expect(run.steps.filter((s) => s.ran === "bash").map((s) => s.code)).toEqual([0, 0]);
      expect(run.steps[3]!.stdout).toContain("::error file=site/articles/bad.md,line=3,col=8");
      expect(run.steps[3]!.stdout).toContain("::warning title=patrika::some articles are invalid; publishing the valid ones (skip-invalid)");
      const report = JSON.parse(readFileSync(join(site.root, "site", "public", "patrika-report.json"), "utf8")) as { skipped: { file: string }[] };
      expect(report.skipped.map((s) => s.file)).toEqual(["articles/bad.md"]);
    } finally {
      site.remove();
    }
  });

  test("a config error (exit 2) is not skipped, even with skip-invalid", async () => {
    const site = checkout({ "dam.md": GOOD }, { feedSize: 0 });
    try {
      const run = await runAction(site.root, { ...LOCAL, "skip-invalid": "true" });
      const check = run.steps.find((s) => s.name === "Check the articles")!;
      expect(check.code).toBe(2);
      expect(check.stdout!).toMatch(/^::error file=site\/patrika\.config\.json,line=\d+,col=\d+,title=patrika config\.invalid-value::feedSize: /);
    } finally {
      site.remove();
    }
  });

  describe("ping", () => {
    let server: Server;
    const received: string[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          received.push(`${request.method} ${decodeURIComponent(body)}`);
          response.writeHead(204).end();
        });
      });
      await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    });
    afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

    test("with ping, the build tells the config's WebSub hub about every feed", async () => {
      const address = server.address() as { port: number };
      const site = checkout({ "dam.md": GOOD }, { hub: `http://127.0.0.1:${address.port}/hub`, categoryFeeds: false });
      try {
        const run = await runAction(site.root, { ...LOCAL, check: "false", ping: "true" });
        expect(run.steps.filter((s) => s.ran === "bash").map((s) => [s.name, s.code])).toEqual([["Build the feeds and sitemaps", 0]]);
        expect(received.sort()).toEqual(["POST hub.mode=publish&hub.url=https://action.example.org/atom.xml", "POST hub.mode=publish&hub.url=https://action.example.org/feed.json", "POST hub.mode=publish&hub.url=https://action.example.org/rss.xml"]);
      } finally {
        site.remove();
      }
    });
  });
});

describe("examples/github-actions.yml", () => {
  interface Job {
    needs?: string;
    steps: { uses?: string; with?: Record<string, string> }[];
  }
  const workflow = yaml.load(readFileSync(join(REPO, "examples", "github-actions.yml"), "utf8")) as { on: Record<string, unknown>; jobs: Record<string, Job> };

  test("runs on push, on pull requests and on a schedule (the news window moves even when nobody pushes)", () => {
    expect(Object.keys(workflow.on)).toEqual(["push", "pull_request", "schedule", "workflow_dispatch"]);
    expect(workflow.on.schedule).toEqual([{ cron: "*/30 * * * *" }]);
  });

  test("uses the action with inputs it declares, and pings only after the deploy", () => {
    const uses = Object.entries(workflow.jobs).flatMap(([job, { steps }]) => steps.filter((s) => s.uses?.includes("/patrika@")).map((s) => ({ job, with: s.with ?? {} })));
    expect(uses.map((u) => u.job)).toEqual(["build", "notify"]);
    for (const use of uses) for (const input of Object.keys(use.with)) expect(Object.keys(action.inputs)).toContain(input);
    expect([workflow.jobs.notify!.needs, uses[1]!.with.ping, uses[0]!.with.ping]).toEqual(["deploy", "true", undefined]);
  });
});

