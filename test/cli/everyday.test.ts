/** The everyday-use surface of the CLI: --json everywhere, typed configs, colour and progress, --watch, --ping. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { progressBar, progressLine } from "../../src/cli/terminal.js";
import { notifyHub } from "../../src/publish/websub.js";
import { tempSite } from "../support/fixtures.js";

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  isTTY?: boolean;
  signal?: AbortSignal;
  /** Called with everything written to stdout and stderr so far, after each write. */
  onOutput?: (all: string) => void;
}

async function run(args: string[], options: RunOptions = {}) {
  let stdout = "";
  let stderr = "";
  let all = "";
  let tick = 0;
  const io: Io = {
    stdout: (text) => {
      stdout += text;
      options.onOutput?.((all += text));
    },
    stderr: (text) => {
      stderr += text;
      options.onOutput?.((all += text));
    },
    env: options.env ?? {},
    clock: () => new Date("2030-01-01T00:00:00Z"),
    readStdin: async () => options.stdin ?? "",
    isTTY: options.isTTY ?? false,
    monotonic: () => (tick += 100), // every reading 100 ms later: "Done in" and the bar's pace are deterministic
    ...(options.signal ? { interrupt: () => options.signal! } : {}),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const NOW = ["--now", "2025-07-14T12:00:00+06:00"];
const article = (title: string, date = "১৩ জুলাই ২০২৫, ১৭:২৮") => `---\ntitle: "${title}"\ndate: "${date}"\ncategory: bangladesh\n---\nএকটি অনুচ্ছেদ।\n`;
let sites: { cleanup: () => void }[] = [];
const site = (files: Record<string, string>) => {
  const made = tempSite(files);
  sites.push(made);
  return made.dir;
};
afterEach(() => {
  for (const made of sites) made.cleanup();
  sites = [];
});

describe("--json in every command", () => {
  test("date --json gives the reading and how it was read, or the error's code and place", async () => {
    const ok = await run(["date", "--json", "আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ input: "আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮", ok: true, iso: "2025-07-13T17:28:00+06:00", precision: "minute", calendar: "gregorian", notes: [] });
    const bad = await run(["date", "--json", "৩১ ফেব্রুয়ারি ২০২৫"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: "date.impossible-date", offset: 0, expected: "a day from 1 to 28 in that month" } });
  });

  test("date --json reads stdin as JSON Lines, one object per input line", async () => {
    const result = await run(["date", "--json"], { stdin: "২৯ আষাঢ় ১৪৩২\nকোনো তারিখ নেই\n" });
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { ok: boolean; iso?: string; calendar?: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ ok: true, iso: "2025-07-13T00:00:00+06:00", calendar: "bangla" });
    expect(lines[1]!.ok).toBe(false);
  });

  test("init --json lists what it created", async () => {
    const dir = site({});
    const result = await run(["init", "--json", "--dir", dir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ created: [join(dir, "patrika.config.json"), join(dir, "articles", "first-story.md")] });
  });

  test("a PATRIKA_WORKERS that is no whole number stops the build with what it accepts (it was silently none)", async () => {
    for (const value of ["abc", "-1", "2.5"]) {
      const result = await run(["build", "--now", "2025-07-14T12:00:00+06:00"], { env: { PATRIKA_WORKERS: value } });
      expect([value, result.code, result.stderr]).toEqual([value, 2, `patrika: PATRIKA_WORKERS=${JSON.stringify(value)} is not a number of worker threads: use a whole number from 0 (none) to 8, or leave it unset for one per core\n`]);
    }
    const json = await run(["check", "--json", "--now", "2025-07-14T12:00:00+06:00"], { env: { PATRIKA_WORKERS: "many" } });
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "usage-error", diagnostics: [{ code: "input.invalid-workers" }] });
  });

  test("build --json with a bad --now still prints JSON", async () => {
    const result = await run(["build", "--json", "--now", "soon"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: "usage-error", diagnostics: [{ code: "input.invalid-now" }] });
  });
});

describe("typed config (patrika.config.ts)", () => {
  const dist = resolve("dist/index.js"); // compiled by `npm test` before the suite; a site imports "patrika"

  test("init --ts writes a defineConfig module that builds", async () => {
    const dir = site({});
    expect((await run(["init", "--ts", "--dir", dir])).code).toBe(0);
    const text = readFileSync(join(dir, "patrika.config.ts"), "utf8");
    expect(text).toContain('import { defineConfig } from "patrika";');
    expect(text).toContain("export default defineConfig({");
    writeFileSync(join(dir, "patrika.config.ts"), text.replace('"patrika"', JSON.stringify(dist)));
    const built = await run(["build", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.ts"), "--out", join(dir, "output"), "--now", "2030-01-01T07:00:00+06:00"]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(readFileSync(join(dir, "output", "rss.xml"), "utf8")).toContain("<title>আমার সংবাদপত্র</title>");
  });

  test("a TypeScript config with a wrong value is refused with the key, its line and the expected value", async () => {
    const dir = site({
      "patrika.config.ts": `import { defineConfig } from ${JSON.stringify(dist)};\nconst size: number = 0;\nexport default defineConfig({\n  siteUrl: "https://news.example.org",\n  feedSize: size,\n});\n`,
      "articles/a.md": article("ক"),
    });
    const result = await run(["check", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.ts"), ...NOW]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, "patrika.config.ts")}:5:3: error [config.invalid-value] feedSize:`);
    expect(result.stderr).toContain("expected: a whole number from 1 to 1000");
  });

  test("a config module that does not compile, or has no default export, is named with the reason", async () => {
    const dir = site({ "broken.ts": "export default {\n  siteUrl: \n", "nodefault.mjs": "export const siteUrl = 'https://x.example';\n", "articles/a.md": article("ক") });
    const broken = await run(["check", "--articles", join(dir, "articles"), "--config", join(dir, "broken.ts"), ...NOW]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`${join(dir, "broken.ts")}:\\d+:\\d+: error \\[config\\.module-failed\\]`));
    const noDefault = await run(["check", "--articles", join(dir, "articles"), "--config", join(dir, "nodefault.mjs"), ...NOW]);
    expect(noDefault.stderr).toContain("error [config.no-default-export] the config module has no default export");
  });

  test("without --config, the one config file in the folder is used; two are refused as ambiguous", async () => {
    const { loadConfig } = await import("../../src/config/load.js");
    const dir = site({ "patrika.config.mjs": "export default { siteUrl: 'https://mjs.example.org', feedSize: 7 };\n" });
    const found = await loadConfig(undefined, dir);
    expect(found.ok && found.config.feedSize).toBe(7);
    expect(found.ok && found.file).toBe(join(dir, "patrika.config.mjs"));
    writeFileSync(join(dir, "patrika.config.json"), '{"siteUrl": "https://json.example.org"}');
    const both = await loadConfig(undefined, dir);
    expect(both.ok).toBe(false);
    expect(!both.ok && both.diagnostics[0]!.code).toBe("config.ambiguous");
  });
});

describe("output for people", () => {
  // An output folder of its own: the repository's output/ holds the sample site, another site's publish.
  const fixture = ["--articles", "test/fixtures/basic/articles", "--config", "test/fixtures/basic/patrika.config.json", ...NOW, "--no-cache", "--out", "test/fixtures/basic/no-output"];

  test("colour only on a terminal, never with NO_COLOR, and plain stable lines otherwise", async () => {
    const dir = site({});
    const tty = await run(["check", ...fixture], { isTTY: true });
    expect(tty.stdout).toContain("\x1b[");
    const noColour = await run(["check", ...fixture], { isTTY: true, env: { NO_COLOR: "1" } });
    const pipe = await run(["check", ...fixture, "--out", dir]);
    expect(noColour.stdout).not.toContain("\x1b[");
    expect(pipe.stdout).not.toContain("\x1b[");
    expect(noColour.stdout).toBe(pipe.stdout);
    expect(pipe.stdout).toMatch(/^Checked 5 articles from 7 files .*\nDone in \d+\.\d\d s\.\n$/s);
  });

  test("a build prints the summary table: each file with its count, the news window and the time taken", async () => {
    const out = site({});
    const result = await run(["build", ...fixture, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`  ${out}/rss.xml +\\d+ items\\n`));
    expect(result.stdout).toMatch(new RegExp(`  ${out}/sitemap.xml +\\d+ URLs\\n`));
    expect(result.stdout).toContain("News window: 2025-07-12T12:00:00+06:00 to 2025-07-14T12:00:00+06:00.");
    expect(result.stdout).toMatch(/Done in \d+\.\d\d s\.\n$/);
  });

  test("the progress bar draws on a terminal for large sets only, and is wiped before the report", () => {
    expect(progressLine(3300, 10000)).toBe("Reading articles [########----------------]  33%  3,300/10,000");
    expect(progressLine(10000, 10000)).toBe("Reading articles [########################] 100%  10,000/10,000");
    let written = "";
    let clock = 0;
    const io = { stdout: () => undefined, stderr: (t: string) => void (written += t), env: {}, clock: () => new Date(0), readStdin: async () => "", isTTY: true, monotonic: () => clock };
    const bar = progressBar(io, true);
    for (let done = 1; done <= 2000; done++) {
      clock += 1; // 1 ms per file: the bar redraws every 80 ms, not per file
      bar.onProgress!(done, 2000);
    }
    bar.finish();
    const frames = written.split("\r").filter(Boolean);
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.length).toBeLessThan(40);
    expect(frames.at(-2)).toBe(progressLine(2000, 2000));
    expect(frames.at(-1)).toBe("\x1b[2K");
    written = "";
    const small = progressBar(io, true);
    for (let done = 1; done <= 999; done++) small.onProgress!(done, 999);
    small.finish();
    expect(written).toBe("");
    expect(progressBar({ ...io, isTTY: false }, true).onProgress).toBeUndefined();
  });
});

/**
 * `build --watch` on a site folder, stopped by `controller.abort()`: `until` resolves once `text` has appeared `times`
 * times in the output (each rebuild prints its own report); `output` is all printed so far.
 */
function watch(dir: string, out: string) {
  const controller = new AbortController();
  let output = "";
  const waiters: (() => void)[] = [];
  const until = (text: string, times: number) =>
    new Promise<void>((done) => {
      const check = () => (output.split(text).length - 1 >= times ? (done(), true) : false);
      if (!check()) waiters.push(() => void check());
    });
  const running = run(["build", "--watch", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.json"), "--out", out, ...NOW], {
    signal: controller.signal,
    onOutput: (all) => {
      output = all;
      for (const waiter of waiters) waiter();
    },
  });
  return { until, output: () => output, controller, running };
}

describe("build --watch", () => {
  test("rebuilds on a change, survives an invalid edit with the last good output, and picks up the fix", async () => {
    const dir = site({ "patrika.config.json": '{"siteUrl": "https://news.example.org"}', "articles/a.md": article("প্রথম") });
    const out = join(dir, "output");
    const { until, controller, running } = watch(dir, out);
    await until("Watching", 1);
    expect(readFileSync(join(out, "rss.xml"), "utf8")).toContain("প্রথম");
    const goodOutput = readFileSync(join(out, "rss.xml"), "utf8");

    writeFileSync(join(dir, "articles", "b.md"), '---\ntitle: দ্বিতীয়\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\n');
    await until("[date.impossible-date]", 1);
    await until("still holds the previous build", 1);
    expect(readFileSync(join(out, "rss.xml"), "utf8")).toBe(goodOutput);

    writeFileSync(join(dir, "articles", "b.md"), article("দ্বিতীয়", "১৪ জুলাই ২০২৫, ০৯:০০"));
    await until("Built 2 articles", 1);
    expect(readFileSync(join(out, "rss.xml"), "utf8")).toContain("দ্বিতীয়");

    writeFileSync(join(dir, "patrika.config.json"), '{"siteUrl": "https://news.example.org", "title": "নতুন নাম"}');
    await until("Built 2 articles", 2); // a config change rebuilds too
    expect(readFileSync(join(out, "rss.xml"), "utf8")).toContain("<title>নতুন নাম</title>");
    controller.abort();
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("[date.impossible-date]");
    expect(result.stderr).toContain(`Nothing was written: ${out}/ still holds the previous build.`);
    expect(result.stdout).toContain("Built 1 article from 1 file");
  }, 30_000);
});

describe("build --watch under an editor's and a shell's hands (issue 18)", () => {
  test("keeps watching after the articles folder is moved away and back, and after the config is replaced by a rename; names what changed", async () => {
    const dir = site({ "patrika.config.json": '{"siteUrl": "https://news.example.org"}', "articles/a.md": article("প্রথম") });
    const out = join(dir, "output");
    const articles = join(dir, "articles");
    const { until, output, controller, running } = watch(dir, out);
    await until("Watching", 1);

    renameSync(articles, join(dir, "away"));
    await until("[input.articles-not-found]", 1);
    renameSync(join(dir, "away"), articles);
    writeFileSync(join(articles, "b.md"), article("দ্বিতীয়", "১৪ জুলাই ২০২৫, ০৯:০০"));
    await until("Built 2 articles", 1);
    writeFileSync(join(articles, "e.md"), article("পঞ্চম", "১৪ জুলাই ২০২৫, ০৯:৩০"));
    await until("Built 3 articles", 1); // not deaf: files in the folder moved back are seen
    expect(output()).toContain(`Changed: ${join(articles, "e.md")}\n`);

    rmSync(articles, { recursive: true });
    await until("[input.articles-not-found]", 2);
    mkdirSync(articles);
    writeFileSync(join(articles, "c.md"), article("তৃতীয়"));
    await until("Built 1 article", 2);
    writeFileSync(join(articles, "d.md"), article("চতুর্থ", "১৪ জুলাই ২০২৫, ০৯:০০"));
    await until("Built 2 articles", 2); // not deaf: the folder made anew is watched

    // An editor's save: write a new file beside the config, then rename it over the config.
    writeFileSync(join(dir, "config.tmp"), '{"siteUrl": "https://news.example.org", "title": "নতুন নাম"}');
    renameSync(join(dir, "config.tmp"), join(dir, "patrika.config.json"));
    await until("Built 2 articles", 3);
    writeFileSync(join(dir, "config.tmp"), '{"siteUrl": "https://news.example.org", "title": "আরও নতুন"}');
    renameSync(join(dir, "config.tmp"), join(dir, "patrika.config.json"));
    await until("Built 2 articles", 4);
    expect(readFileSync(join(out, "rss.xml"), "utf8")).toContain("<title>আরও নতুন</title>");
    controller.abort();
    expect((await running).code).toBe(0);
  }, 60_000);
});

describe("--ping (WebSub)", () => {
  let server: Server;
  let requests: { method: string; type: string; body: string }[];
  let status: number;
  let hub: string;
  beforeEach(async () => {
    requests = [];
    status = 204;
    server = createServer((request: IncomingMessage, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        requests.push({ method: request.method ?? "", type: request.headers["content-type"] ?? "", body });
        response.statusCode = status;
        response.end();
      });
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`;
  });
  afterEach(() => new Promise<void>((closed) => server.close(() => closed())));

  const hubSite = () =>
    site({ "patrika.config.json": JSON.stringify({ siteUrl: "https://news.example.org", hub, categoryFeeds: false }), "articles/a.md": article("ক") });

  test("after a successful build, the hub is told about every feed, form-encoded", async () => {
    const dir = hubSite();
    const result = await run(["build", "--ping", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.json"), "--out", join(dir, "output"), ...NOW]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Notified ${hub} of 3 feeds.`);
    const topics = requests.map((r) => new URLSearchParams(r.body)).map((p) => [p.get("hub.mode"), p.get("hub.url")]);
    expect(topics.sort()).toEqual([
      ["publish", "https://news.example.org/atom.xml"],
      ["publish", "https://news.example.org/feed.json"],
      ["publish", "https://news.example.org/rss.xml"],
    ]);
    expect(requests.every((r) => r.method === "POST" && r.type === "application/x-www-form-urlencoded")).toBe(true);
  });

  test("after a delta build (only a story's text edited) the hub is told about every feed too", async () => {
    const dir = hubSite();
    const args = ["build", "--ping", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.json"), "--out", join(dir, "output"), ...NOW];
    expect((await run(args)).code).toBe(0);
    requests = [];
    writeFileSync(join(dir, "articles", "a.md"), article("ক").replace("একটি অনুচ্ছেদ।", "একটি সংশোধিত অনুচ্ছেদ।"));
    const result = await run(args);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^Built from the last build: 1 edited file/);
    expect(result.stdout).toContain(`Notified ${hub} of 3 feeds.`);
    expect(requests.map((r) => new URLSearchParams(r.body).get("hub.url")).sort()).toEqual(["https://news.example.org/atom.xml", "https://news.example.org/feed.json", "https://news.example.org/rss.xml"]);
  });

  test("a hub that refuses gives exit 4 and says the output was written", async () => {
    status = 503;
    const dir = hubSite();
    const result = await run(["build", "--ping", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.json"), "--out", join(dir, "output"), ...NOW]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("error [hub.ping-failed] hub: the hub did not accept the publish notification for https://news.example.org/rss.xml: HTTP 503");
    expect(result.stderr).toContain("The output was written; only the hub notification failed.");
    expect(existsSync(join(dir, "output", "rss.xml"))).toBe(true);
  });

  test("no notification when the build fails, and --ping without a hub is a usage error", async () => {
    const dir = hubSite();
    writeFileSync(join(dir, "articles", "bad.md"), "---\ntitle: x\n---\n");
    const failed = await run(["build", "--ping", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.json"), "--out", join(dir, "output"), ...NOW]);
    expect(failed.code).toBe(1);
    expect(requests).toEqual([]);
    const noHub = site({ "patrika.config.json": '{"siteUrl": "https://news.example.org"}', "articles/a.md": article("ক") });
    const usage = await run(["build", "--ping", "--articles", join(noHub, "articles"), "--config", join(noHub, "patrika.config.json"), "--out", join(noHub, "output"), ...NOW]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--ping needs a hub: set "hub" in');
  });

  test("an unreachable or silent hub is reported, never thrown", async () => {
    const closedPort = await new Promise<number>((port) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: number } = probe.address() as AddressInfo;
        probe.close(() => port(number));
      });
    });
    const refused = await notifyHub(`http://127.0.0.1:${closedPort}/`, ["https://news.example.org/rss.xml"]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain("ECONNREFUSED");
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((ready) => silent.listen(0, "127.0.0.1", ready));
    try {
      const timedOut = await notifyHub(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, ["https://news.example.org/rss.xml"], { timeoutMs: 300 });
      expect(timedOut[0]!.message).toContain("no answer within 0.3 s");
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

test("folders: flags override the config, the config (relative to its file) overrides the defaults", async () => {
  const dir = site({ "patrika.config.json": '{"siteUrl": "https://news.example.org", "articlesDir": "content", "outDir": "public"}', "content/a.md": article("ক") });
  const config = ["--config", join(dir, "patrika.config.json"), ...NOW, "--no-cache"];
  const fromConfig = await run(["build", ...config]);
  expect(fromConfig.code).toBe(0);
  expect(existsSync(join(dir, "public", "rss.xml"))).toBe(true);
  expect(fromConfig.stdout).toContain(`${join(dir, "public")}/rss.xml`);
  const printed = JSON.parse((await run(["build", "--print-config", ...config, "--out", join(dir, "elsewhere")])).stdout);
  expect(printed).toMatchObject({ articles: join(dir, "content"), out: join(dir, "elsewhere") });
  expect(printed.config.outDir).toBeUndefined();
  const flagged = await run(["build", ...config, "--out", join(dir, "elsewhere")]);
  expect(flagged.code).toBe(0);
  expect(existsSync(join(dir, "elsewhere", "rss.xml"))).toBe(true);
  const missing = await run(["check", ...config, "--articles", join(dir, "nothing-here")]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("[input.articles-not-found]");
});

test("--print-config names the config file it found", async () => {
  const result = await run(["build", "--print-config", "--config", "test/fixtures/basic/patrika.config.json", ...NOW]);
  expect(JSON.parse(result.stdout)).toMatchObject({ configFile: "test/fixtures/basic/patrika.config.json", config: { siteUrl: expect.any(String) } });
});

test("preview writes index.html beside the feeds and lists it in the summary", async () => {
  const out = site({});
  const result = await run(["preview", "--articles", "test/fixtures/basic/articles", "--config", "test/fixtures/basic/patrika.config.json", "--out", out, ...NOW, "--no-cache"]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/index\.html +5 items \(preview page for people\)/);
  expect(readFileSync(join(out, "index.html"), "utf8")).toMatch(/^<!doctype html>/i);
});
