import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { tempSite } from "../support/fixtures.js";

/** Runs the CLI in-process with a fixed clock and captured output. */
async function run(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    clock: () => new Date("2030-01-01T00:00:00Z"),
    readStdin: async () => options.stdin ?? "",
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const FIXTURE = ["--articles", "test/fixtures/basic/articles", "--config", "test/fixtures/basic/patrika.config.json"];
let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), "patrika-cli-"));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

test("build writes every output and summarises what is in each", async () => {
  const result = await run(["build", ...FIXTURE, "--out", out, "--now", "2025-07-14T12:00:00+06:00"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual([
    ".patrika-manifest.json", "atom.xml", "bangladesh", "culture", "economy", "feed.json", "news-sitemap-index.xml",
    "news-sitemap.xml", "patrika-report.json", "rss.xml", "sitemap-index.xml", "sitemap.xml", "sports",
  ]);
  expect(result.stdout).toContain(`${out}/sports/{rss.xml,atom.xml,feed.json}  1 item`);
  expect(result.stdout).toContain("now is 2025-07-14T12:00:00+06:00");
  expect(result.stdout).toMatch(/news-sitemap\.xml +\d+ news articles?/);
  expect(result.stdout).toContain("News window: 2025-07-12T12:00:00+06:00 to 2025-07-14T12:00:00+06:00.");
});

test("SOURCE_DATE_EPOCH fixes now; an empty news sitemap says why", async () => {
  const result = await run(["build", ...FIXTURE, "--out", out], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("now is 2026-01-01T06:00:00+06:00");
  expect(result.stdout).toContain("The news sitemap is empty: no article was published in the 48 hours before 2026-01-01T06:00:00+06:00");
});

test("--no-cache is accepted", async () => {
  expect((await run(["build", ...FIXTURE, "--out", out, "--now", "2025-07-14T12:00:00+06:00", "--no-cache"])).code).toBe(0);
});

test("article errors exit 1, print every problem and leave the output untouched", async () => {
  const site = tempSite({
    "patrika.config.json": '{"siteUrl": "https://example.com"}',
    "articles/a.md": '---\ntitle: a\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\n',
    "articles/b.md": "---\ndate: 2025-07-01\n---\n",
  });
  try {
    const result = await run(["build", "--articles", join(site.dir, "articles"), "--config", join(site.dir, "patrika.config.json"), "--out", out, "--now", "2025-07-14T12:00:00+06:00"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(site.dir, "articles/a.md")}:3:`);
    expect(result.stderr).toContain("[date.impossible-date] date:");
    expect(result.stderr).toContain(`${join(site.dir, "articles/b.md")}:1: error [article.missing-field] title:`);
    expect(result.stderr).toContain("2 errors in 2 article files.");
    expect(readdirSync(out)).toEqual([]);
  } finally {
    site.cleanup();
  }
});

test.each([
  [["build", "--bogus"], "unknown option '--bogus'"],
  [["biuld"], "(Did you mean build?)"],
  [["build", "--now", "yesterday"], "--now \"yesterday\" is not an ISO 8601 date-time with an offset"],
  [["build", "--config", "does-not-exist.json"], "error [config.not-found]"],
  [["build", "--articles", "no/such/folder", "--config", "test/fixtures/basic/patrika.config.json"], "error [input.articles-not-found]"],
])("usage and config errors exit 2: %j", async (args, message) => {
  const result = await run(args);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(message);
});

test("date prints the ISO instant of one text", async () => {
  expect(await run(["date", "আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮"])).toEqual({ code: 0, stdout: "2025-07-13T17:28:00+06:00\n", stderr: "" });
  expect((await run(["date", "2025-07-13 17:28", "--tz", "Asia/Kolkata"])).stdout).toBe("2025-07-13T17:28:00+05:30\n");
});

test("date resolves relative forms against --now, in the zone given", async () => {
  expect((await run(["date", "২ ঘণ্টা আগে", "--now", "2025-07-14T12:00:00+06:00"])).stdout).toBe("2025-07-14T10:00:00+06:00\n");
  expect((await run(["date", "গতকাল রাত ৯টা", "--now", "2025-07-14T12:00:00+06:00", "--tz", "Asia/Kolkata"])).stdout).toBe(
    "2025-07-13T21:00:00+05:30\n",
  );
});

test("date refuses a text it cannot read with the reason, exit 1", async () => {
  const result = await run(["date", "৩১ ফেব্রুয়ারি ২০২৫"]);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(
    'patrika: no such day in the calendar (at character 0, found "৩১ ফেব্রুয়ারি ২০২৫"); expected a day from 1 to 28 in that month\n',
  );
});

test("date without text reads one date per line and marks rejected lines, in order", async () => {
  const result = await run(["date"], { stdin: "১৩ জুলাই ২০২৫, ১৭:২৮\nকোনো তারিখ নেই\n2025-07-13\n" });
  expect(result.code).toBe(0);
  const lines = result.stdout.split("\n");
  expect(lines[0]).toBe("2025-07-13T17:28:00+06:00");
  expect(lines[1]).toMatch(/^ERROR: /);
  expect(lines[2]).toBe("2025-07-13T00:00:00+06:00");
  expect(lines).toHaveLength(4);
});

test("the installed binary answers --help (compiled by npm's prepare step)", () => {
  const help = execFileSync("node", ["dist/bin/patrika.js", "--help"], { encoding: "utf8" });
  expect(help).toContain("Usage: patrika");
  expect(help).toMatch(/build \[options\]/);
  const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;
  expect(execFileSync("node", ["dist/bin/patrika.js", "--version"], { encoding: "utf8" }).trim()).toBe(version);
});

test("init sets up an empty folder that then builds, and never overwrites", async () => {
  const dir = mkdtempSync(join(tmpdir(), "patrika-init-"));
  try {
    const first = await run(["init", "--dir", dir, "--site-url", "https://news.example.com"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "patrika.config.json"), "utf8"))).toMatchObject({ siteUrl: "https://news.example.com", timeZone: "Asia/Dhaka" });
    expect(readFileSync(join(dir, "articles", "first-story.md"), "utf8")).toContain('date: "১ জানুয়ারি ২০৩০, ০৬:০০"'); // the injected clock, in Dhaka
    const built = await run(["build", "--articles", join(dir, "articles"), "--config", join(dir, "patrika.config.json"), "--out", join(dir, "output"), "--now", "2030-01-01T07:00:00+06:00"]);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain("Built 1 article from 1 file");
    const again = await run(["init", "--dir", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("exists already; init never overwrites");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("build --print-config shows the config with its defaults and the paths, and builds nothing", async () => {
  const result = await run(["build", ...FIXTURE, "--out", out, "--print-config", "--now", "2025-07-14T12:00:00+06:00"]);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({
    config: { siteUrl: "https://news.example.org", feedSize: 50, categoryFeeds: true, earliestDate: "1900-01-01" },
    articles: "test/fixtures/basic/articles",
    now: "2025-07-14T12:00:00+06:00",
  });
  expect(readdirSync(out)).toEqual([]);
});

test("the published JSON Schema of the config is the one the loader validates with", async () => {
  const { configJsonSchema } = await import("../../src/config/json-schema.js");
  expect(JSON.parse(readFileSync("schema/patrika.config.schema.json", "utf8"))).toEqual(configJsonSchema());
});

test("--quiet prints nothing on success and still every problem; --verbose lists every file written or kept", async () => {
  const quiet = await run(["--quiet", "build", ...FIXTURE, "--out", out, "--now", "2025-07-14T12:00:00+06:00"]);
  expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
  // test/fixtures/import holds one Markdown file, its README, which has no front matter: a problem to report.
  const broken = await run(["-q", "check", "--articles", "test/fixtures/import", "--config", "test/fixtures/basic/patrika.config.json", "--out", join(out, "none")]);
  expect([broken.code, broken.stdout]).toEqual([1, ""]);
  expect(broken.stderr).toContain("test/fixtures/import/README.md:1: error [frontmatter.missing]");
  const verbose = await run(["--verbose", "build", ...FIXTURE, "--out", join(out, "v"), "--now", "2025-07-14T12:00:00+06:00"]);
  expect(verbose.stdout).toMatch(new RegExp(`    wrote ${out}/v/rss\\.xml \\([\\d,]+ bytes\\)`));
  expect(verbose.stdout).toContain(`    wrote ${out}/v/sports/feed.json (`);
  const unchanged = await run(["--verbose", "build", ...FIXTURE, "--out", join(out, "v"), "--now", "2025-07-14T12:00:00+06:00"]);
  expect(unchanged.stdout).toMatch(/^Up to date: /);
  expect(unchanged.stdout).toMatch(new RegExp(`    kept ${out}/v/rss\\.xml \\([\\d,]+ bytes\\)`));
  // Three days on, the news window has moved past every article: the news sitemap is rewritten, the unchanged feeds are not.
  const later = await run(["--verbose", "build", ...FIXTURE, "--out", join(out, "v"), "--now", "2025-07-17T12:00:00+06:00"]);
  expect(later.stdout).toContain(`    wrote ${out}/v/news-sitemap.xml (`);
  expect(later.stdout).toContain(`    kept ${out}/v/rss.xml (`);
  expect((await run(["-q", "date", "১৩ জুলাই ২০২৫"])).stdout).toBe("2025-07-13T00:00:00+06:00\n");
});

describe("paper cuts (issue 18)", () => {
  test("a closed pipe ends any command quietly, --help included (patrika build --help | head -1)", () => {
    const cli = join(process.cwd(), "dist/bin/patrika.js");
    for (const args of ["build --help", "--help", "check --help"]) {
      // `true` has exited before the CLI writes, so every write meets a closed pipe (EPIPE), deterministically.
      const { stderr } = spawnSync("sh", ["-c", `( "${process.execPath}" "${cli}" ${args}; echo "exit $?" >&2 ) | true`], { encoding: "utf8" });
      const result = stderr;
      expect({ args, result }).toEqual({ args, result: "exit 0\n" });
    }
  });

  test("check --help offers no options that only writing commands use", async () => {
    const help = (await run(["check", "--help"])).stdout;
    expect(help).not.toMatch(/--out\b|--no-cache/);
    expect((await run(["build", "--help"])).stdout).toMatch(/--out <dir>[\s\S]*--no-cache/);
  });

  test("--print-config shows now in the site's offset, as every other message does", async () => {
    const result = await run(["build", "--print-config", ...FIXTURE, "--now", "2025-07-14T06:00:00Z"]);
    expect(JSON.parse(result.stdout).now).toBe("2025-07-14T12:00:00+06:00");
  });

  test("init names only what is left to edit, and the README's next step", async () => {
    for (const [args, next] of [
      [["--site-url", "https://news.example.com"], "(title), then run: npx patrika preview"],
      [[], "(siteUrl, title), then run: npx patrika preview"],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), "patrika-init-"));
      try {
        const result = await run(["init", "--dir", dir, ...args]);
        expect(result.stdout).toBe(`Created ${join(dir, "patrika.config.json")} and ${join(dir, "articles", "first-story.md")}.\nNext: edit ${join(dir, "patrika.config.json")} ${next}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});

test("after a body-only edit the real command says it built from the last build, and what it wrote", () => {
  const date = (h: number) => `2025-07-14T${String(h).padStart(2, "0")}:00:00+06:00`;
  const article = (h: number, body: string) => `---\ntitle: "খবর ${h}"\ndate: "${date(h)}"\n---\n${body}\n`;
  const site = tempSite({
    "patrika.config.json": JSON.stringify({ siteUrl: "https://www.dainik-nodipar.com.bd", title: "দৈনিক নদীপার" }),
    "articles/a.md": article(9, "প্রথম লেখা।"),
    "articles/b.md": article(10, "দ্বিতীয় লেখা।"),
    "articles/c.md": article(11, "খসড়া লেখা।").replace("---\n", "---\ndraft: true\n"),
  });
  const cli = join(process.cwd(), "dist/bin/patrika.js");
  const patrika = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, "--now", date(12)], { cwd: site.dir, encoding: "utf8" });
  try {
    expect(patrika("build").status).toBe(0);
    writeFileSync(join(site.dir, "articles/a.md"), article(9, "প্রথম লেখা, সংশোধিত।"));
    const edited = patrika("build");
    expect([edited.status, edited.stderr]).toEqual([0, ""]);
    expect(edited.stdout).toMatch(/^Built from the last build: 1 edited file of 3 files, front matter as it was, so only the feeds it is in were rendered; now is 2025-07-14T12:00:00\+06:00\.\n/);
    expect(edited.stdout).toContain("0 new stories, 1 updated, 0 removed");
    expect(edited.stdout).toContain("  wrote output/rss.xml, output/atom.xml, output/feed.json, output/patrika-report.json; the other 4 files are as the last build wrote them.");
    writeFileSync(join(site.dir, "articles/a.md"), article(9, "প্রথম লেখা, আবার।"));
    expect(JSON.parse(patrika("build", "--json").stdout)).toMatchObject({ status: "ok", delta: { edited: 1 }, publish: { stories: { changed: 1 } } });
    // A draft is in no feed: its edit renders nothing; the report is rewritten once (nothing published anew), then not.
    const draft = (body: string) => writeFileSync(join(site.dir, "articles/c.md"), article(11, body).replace("---\n", "---\ndraft: true\n"));
    draft("খসড়া, সংশোধিত।");
    const first = patrika("build");
    expect(first.stdout).toMatch(/^Built from the last build: 1 edited file of 3 files, front matter as it was, in no feed, so nothing was rendered; now is /);
    expect(first.stdout).toContain("  wrote output/patrika-report.json; the other 7 files are as the last build wrote them.");
    draft("খসড়া, আবার।");
    expect(patrika("build").stdout).toContain("  wrote nothing: all 8 files are as the last build wrote them.");
  } finally {
    site.cleanup();
  }
});
