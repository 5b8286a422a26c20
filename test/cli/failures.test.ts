/**
 * Bad input: every broken article gets a located, exact message; strict builds write nothing; --skip-invalid
 * publishes the rest and lists what it left out. The broken site is built fresh here; each file is one case.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

const NOW = "2025-07-14T12:00:00+06:00";
const valid = (title: string, extra = "") => `---\ntitle: "${title}"\ndate: "১৩ জুলাই ২০২৫, ১০:০০"\n${extra}---\nএকটি অনুচ্ছেদ।\n`;

/** One file per case; the name says what is wrong with it. */
const CASES: Record<string, string | Uint8Array> = {
  "good.md": valid("ঠিকঠাক খবর"),
  "bom-crlf.md": new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(valid("উইন্ডোজে লেখা খবর").replace(/\n/g, "\r\n"))]),
  "unknown-field.md": valid("অজানা ঘর", "auther: নিজস্ব প্রতিবেদক\n"),
  "no-front-matter.md": "# শিরোনাম\n\nশুধু লেখা।\n",
  "unterminated.md": '---\ntitle: "খোলা"\ndate: "2025-07-13"\n\nলেখা\n',
  "tab-indent.md": '---\ntitle: "ট্যাব"\nimage:\n\turl: "https://x.example/a.jpg"\n---\n',
  "duplicate-key.md": '---\ntitle: "এক"\ntitle: "দুই"\ndate: "2025-07-13"\n---\n',
  "unclosed-quote.md": '---\ntitle: "খোলা উদ্ধৃতি\ndate: "2025-07-13"\n---\n',
  "list-front-matter.md": "---\n- title\n- date\n---\n",
  "wrong-types.md": '---\ntitle: "ভুল ধরন"\ndate: "2025-07-13"\ntags: 5\nauthor: {}\n---\n',
  "missing-title.md": '---\ntitle: ""\nsummary: "শিরোনাম নেই"\n---\n',
  "bad-date.md": '---\ntitle: "অসম্ভব তারিখ"\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\n',
  "updated-before.md": '---\ntitle: "আগে হালনাগাদ"\ndate: "2025-07-13T10:00:00+06:00"\nupdated: "2025-07-12T10:00:00+06:00"\n---\n',
  "far-future.md": '---\ntitle: "অনেক পরে"\ndate: "2052-07-13"\n---\n',
  "same-slug-a.md": valid("একই ঠিকানা ক", 'slug: "same"\n'),
  "same-slug-b.md": valid("একই ঠিকানা খ", 'slug: "same"\n'),
  "bad-slug.md": valid("বাইরে যাওয়ার চেষ্টা", 'slug: "../../etc"\n'),
  "file name.md": valid("নামে ফাঁকা জায়গা"),
  "bad-image.md": valid("আপেক্ষিক ছবি", 'image: "/images/a.jpg"\n'),
  "latin1.md": new Uint8Array([...new TextEncoder().encode('---\ntitle: "caf'), 0xe9, ...new TextEncoder().encode('"\n---\n')]),
  "empty.md": "",
  "binary.md": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  "huge.md": `---\ntitle: "বিশাল"\ndate: "2025-07-13"\n---\n${"ক".repeat(2_000_000)}\n`,
  "notes.txt": "not an article: ignored",
};

let site: string;
let out: string;

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    clock: () => new Date(NOW),
    readStdin: async () => "",
  };
  const code = await main(args, io);
  const clean = (text: string) => text.split(site).join("<site>");
  return { code, stdout: clean(stdout), stderr: clean(stderr) };
}
const flags = () => ["--articles", join(site, "articles"), "--config", join(site, "patrika.config.json"), "--out", out, "--now", NOW];

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), "patrika-broken-"));
  mkdirSync(join(site, "articles"));
  writeFileSync(join(site, "patrika.config.json"), '{"siteUrl": "https://news.example.org", "title": "ভাঙা সাইট"}');
  for (const [name, content] of Object.entries(CASES)) writeFileSync(join(site, "articles", name), content);
  symlinkSync(".", join(site, "articles", "loop")); // a symbolic link loop must not hang the build
  symlinkSync("missing-target.md", join(site, "articles", "dangling.md")); // unreadable: its target is gone
});
afterAll(() => rmSync(site, { recursive: true, force: true }));
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), "patrika-broken-out-"));
  writeFileSync(join(out, "rss.xml"), "previous build\n");
  writeFileSync(join(out, ".patrika-manifest.json"), '{"generation": 1, "files": ["rss.xml"]}\n'); // written by patrika, so patrika may replace it
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

test("check prints every problem, located and explained, sorted by file, with a count (golden)", async () => {
  const result = await run(["check", ...flags()]);
  expect(result.code).toBe(1);
  const golden = "test/golden/broken-check.txt";
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, result.stderr);
  expect(result.stderr).toBe(readFileSync(golden, "utf8"));
  expect(result.stderr).toMatch(/\n21 errors, 3 warnings in 23 article files\.\n$/);
});

test("a strict build writes nothing and says the previous output is untouched", async () => {
  const result = await run(["build", ...flags()]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`Nothing was written: ${out}/ still holds the previous build.`);
  expect(readdirSync(out).sort()).toEqual([".patrika-manifest.json", "rss.xml"]);
  expect(readFileSync(join(out, "rss.xml"), "utf8")).toBe("previous build\n");
});

test("check --json gives every diagnostic with file, line, column, field, code and message", async () => {
  const result = await run(["check", ...flags(), "--json"]);
  expect(result.code).toBe(1);
  const json = JSON.parse(result.stdout) as { status: string; errors: number; warnings: number; diagnostics: Record<string, unknown>[] };
  expect([json.status, json.errors, json.warnings]).toEqual(["invalid", 21, 3]);
  expect(json.diagnostics.find((d) => d.code === "date.impossible-date")).toEqual({
    file: "<site>/articles/bad-date.md",
    line: 3,
    column: 8,
    field: "date",
    code: "date.impossible-date",
    severity: "error",
    message: "not a date patrika can read: no such day in the calendar",
    found: '"৩১ ফেব্রুয়ারি ২০২৫"',
    expected: "a day from 1 to 28 in that month",
    hint: null,
  });
});

test("build --skip-invalid publishes the valid articles, lists the skipped ones and exits 0", async () => {
  const result = await run(["build", ...flags(), "--skip-invalid"]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("Skipped 19 invalid articles (--skip-invalid)");
  const rss = readFileSync(join(out, "rss.xml"), "utf8");
  expect((rss.match(/<item>/g) ?? []).length).toBe(4); // good, bom-crlf, unknown-field, same-slug-a
  const report = JSON.parse(readFileSync(join(out, "patrika-report.json"), "utf8")) as { articles: Record<string, number>; skipped: { file: string; errors: { code: string }[] }[] };
  expect(report.articles).toMatchObject({ found: 23, published: 4, skipped: 19 });
  expect(report.skipped.map((s) => s.file.replace(site, "<site>"))).toContain("<site>/articles/same-slug-b.md");
  expect(report.skipped.find((s) => s.file.endsWith("bad-date.md"))!.errors.map((e) => e.code)).toEqual(["date.impossible-date"]);
});

test("the README's sample of patrika check ends as check does, with the count, and no claim about writing (issue 18)", () => {
  const readme = readFileSync("README.md", "utf8");
  const sample = /This is `patrika check`[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1]!.trimEnd().split("\n");
  const golden = readFileSync("test/golden/broken-check.txt", "utf8").trimEnd().split("\n");
  expect(sample.at(-1)).toBe(golden.at(-1));
  expect(golden.join("\n")).not.toContain("Nothing was written");
});
