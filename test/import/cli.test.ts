/** patrika import as a newsroom runs it: folders, zones from the config, re-imports, guesses, and errors worded for what happened. */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { importPages } from "../../src/import/index.js";
import { transliterate } from "../../src/import/transliterate.js";

const FIXTURES = resolve("test/fixtures/import");
let tmp: string;
beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), "patrika-import-"))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in-process and collects what it prints. */
async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, clock: () => new Date(0), readStdin: async () => "" };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

test("--out that does not exist is created, nested folders too, and the article is written there", async () => {
  const out = join(tmp, "new", "articles");
  const { code, stdout } = await run("import", `${FIXTURES}/flood.txt`, "--out", out);
  expect(code).toBe(0);
  expect(readdirSync(out)).toEqual(["sunamogonje-pahari-dhole-nichu-elaka-plabit.md"]);
  expect(stdout).toContain(`→ ${out}/sunamogonje-pahari-dhole-nichu-elaka-plabit.md\n`);
  expect(stdout).toMatch(/1 imported, 0 already imported, 0 not imported\.\n$/);
});

test("the written article: front matter as read, source with the page's hash, body paragraphs", async () => {
  const out = join(tmp, "a");
  await run("import", `${FIXTURES}/flood.txt`, "--out", out, "--category", "bangladesh");
  const text = readFileSync(join(out, "sunamogonje-pahari-dhole-nichu-elaka-plabit.md"), "utf8");
  expect(text.split("\n").slice(0, 12)).toEqual([
    "---",
    'title: "সুনামগঞ্জে পাহাড়ি ঢলে নিচু এলাকা প্লাবিত"',
    'date: "2025-07-13T17:28:00+06:00"',
    'updated: "2025-07-13T19:05:00+06:00"',
    'author: "সুনামগঞ্জ প্রতিনিধি"',
    'category: "bangladesh"',
    "image:",
    '  caption: "নৌকায় করে নিরাপদ আশ্রয়ে যাচ্ছেন স্থানীয় বাসিন্দারা"',
    '  credit: "ছবি: নদীপার"',
    expect.stringMatching(/^source: "flood\.txt sha256:[0-9a-f]{16}"$/),
    "---",
    "টানা দুই দিনের বৃষ্টি আর উজানের ঢলে জেলার চারটি উপজেলার নিচু এলাকা প্লাবিত হয়েছে।",
  ]);
});

test("the same page imported twice makes one article; the second run says where it already is", async () => {
  const out = join(tmp, "articles");
  await run("import", `${FIXTURES}/market.txt`, "--out", out);
  const again = await run("import", `${FIXTURES}/market.txt`, "--out", out);
  expect(again.code).toBe(0);
  expect(readdirSync(out)).toEqual(["kacha-moricher-dam-ek-soptahe-dbigun.md"]);
  expect(again.stdout).toContain(`market.txt: already imported as ${out}/kacha-moricher-dam-ek-soptahe-dbigun.md (the same page text, sha256:`);
  expect(again.stdout).toMatch(/0 imported, 1 already imported, 0 not imported\.\n$/);
  // The same file named twice in one run, and a copy under another name, are one page too.
  copyFileSync(`${FIXTURES}/market.txt`, join(tmp, "copy.txt"));
  const report = await importPages([`${FIXTURES}/market.txt`, join(tmp, "copy.txt")], { outDir: out });
  expect(report.counts).toEqual({ imported: 0, "already-imported": 2, "not-imported": 0 });
});

test("an HTML page saved again (other bytes, same canonical URL) and a WordPress export imported twice are recognised", async () => {
  const out = join(tmp, "articles");
  await importPages([`${FIXTURES}/html/jsonld-newsarticle.html`, `${FIXTURES}/wxr/export.xml`], { outDir: out });
  const resaved = readFileSync(`${FIXTURES}/html/jsonld-newsarticle.html`, "utf8").replace("<div class=\"ad-slot\">বিজ্ঞাপন</div>", "");
  writeFileSync(join(tmp, "resaved.html"), resaved);
  const report = await importPages([join(tmp, "resaved.html"), `${FIXTURES}/wxr/export.xml`], { outDir: out });
  expect(report.results.map((r) => [r.status, r.existing?.by])).toEqual([
    ["already-imported", "the same URL https://nadipar.example/economy/article/4521"],
    ["already-imported", "the same id https://nadipar.example/?p=101"],
    ["already-imported", "the same id https://nadipar.example/?p=102"],
    ["already-imported", "the same id https://nadipar.example/?p=106"],
  ]);
  expect(readdirSync(out).length).toBe(4);
});

test("an editor's own file with the same name is never replaced: the import takes -2 (a WordPress post keeps its slug)", async () => {
  const out = join(tmp, "articles");
  mkdirSync(out);
  writeFileSync(join(out, "bidyaloye-pouchhal-notun-boi.md"), "the editor's own file");
  writeFileSync(join(out, "embankment-repair.md"), "another editor's file");
  await importPages([`${FIXTURES}/no-byline.txt`, `${FIXTURES}/wxr/export.xml`], { outDir: out });
  expect(readFileSync(join(out, "bidyaloye-pouchhal-notun-boi.md"), "utf8")).toBe("the editor's own file");
  expect(existsSync(join(out, "bidyaloye-pouchhal-notun-boi-2.md"))).toBe(true);
  const renamed = readFileSync(join(out, "embankment-repair-2.md"), "utf8");
  expect(renamed).toContain('\nslug: "embankment-repair"\n');
  expect(renamed).toContain('\nurl: "https://nadipar.example/bangladesh/embankment-repair/"\n');
  expect(renamed).toContain('\nid: "https://nadipar.example/?p=102"\n');
});

test("the config's timeZone is used (an Indian site reads +05:30); --tz overrides it", async () => {
  const config = join(tmp, "patrika.config.json");
  writeFileSync(config, JSON.stringify({ siteUrl: "https://kolkata.example", timeZone: "Asia/Kolkata" }));
  const fromConfig = await run("import", `${FIXTURES}/stamp-two-lines.txt`, "--config", config, "--out", join(tmp, "a"), "--json");
  expect(JSON.parse(fromConfig.stdout).results[0]).toMatchObject({ date: "2025-07-10T08:15:00+05:30", updated: "2025-07-10T11:40:00+05:30" });
  const overridden = await run("import", `${FIXTURES}/stamp-two-lines.txt`, "--config", config, "--tz", "Asia/Dhaka", "--out", join(tmp, "b"), "--json");
  expect(JSON.parse(overridden.stdout).results[0]).toMatchObject({ date: "2025-07-10T08:15:00+06:00" });
});

test("the config in the working directory is found; with none, the defaults (Asia/Dhaka) apply", () => {
  const cli = resolve("dist/bin/patrika.js");
  const withConfig = join(tmp, "site");
  mkdirSync(withConfig);
  writeFileSync(join(withConfig, "patrika.config.json"), JSON.stringify({ siteUrl: "https://kolkata.example", timeZone: "Asia/Kolkata", articlesDir: "content" }));
  const a = spawnSync("node", [cli, "import", `${FIXTURES}/no-byline.txt`], { cwd: withConfig, encoding: "utf8" });
  expect(a.status).toBe(0);
  expect(readFileSync(join(withConfig, "content", "bidyaloye-pouchhal-notun-boi.md"), "utf8")).toContain('date: "2025-07-12T09:00:00+05:30"');
  const bare = join(tmp, "bare");
  mkdirSync(bare);
  const b = spawnSync("node", [cli, "import", `${FIXTURES}/no-byline.txt`], { cwd: bare, encoding: "utf8" });
  expect(b.status).toBe(0);
  expect(readFileSync(join(bare, "articles", "bidyaloye-pouchhal-notun-boi.md"), "utf8")).toContain('date: "2025-07-12T09:00:00+06:00"');
});

test("an invalid config, a missing --config, a bad zone or calendar are usage errors (exit 2) that say what is wrong", async () => {
  const bad = join(tmp, "bad.json");
  writeFileSync(bad, JSON.stringify({ siteUrl: "https://x.example", timeZone: 6 }));
  const invalid = await run("import", `${FIXTURES}/flood.txt`, "--config", bad, "--out", tmp);
  expect([invalid.code, invalid.stderr]).toEqual([2, expect.stringContaining("[config.invalid-value] timeZone")]);
  const missing = await run("import", `${FIXTURES}/flood.txt`, "--config", join(tmp, "none.json"), "--out", tmp);
  expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("[config.not-found]")]);
  const zone = await run("import", `${FIXTURES}/flood.txt`, "--tz", "Asia/Dhakka", "--out", tmp);
  expect([zone.code, zone.stderr]).toEqual([2, 'patrika: --tz "Asia/Dhakka" is not an IANA time zone name (e.g. Asia/Dhaka, Asia/Kolkata)\n']);
  const calendar = await run("import", `${FIXTURES}/flood.txt`, "--calendar", "lunar", "--out", tmp);
  expect([calendar.code, calendar.stderr]).toEqual([2, 'patrika: --calendar "lunar" is not a Bangla calendar patrika knows; expected one of bangladesh, west-bengal\n']);
  expect(readdirSync(tmp).filter((n) => n.endsWith(".md"))).toEqual([]);
});

test("inputs and folders that cannot be used get an error naming what happened", async () => {
  const absent = await run("import", join(tmp, "nothing-here.txt"), "--out", join(tmp, "a"));
  expect([absent.code, absent.stderr]).toEqual([2, `patrika: ${join(tmp, "nothing-here.txt")}: no such file or folder\n`]);
  writeFileSync(join(tmp, "afile"), "x");
  const notFolder = await run("import", `${FIXTURES}/flood.txt`, "--out", join(tmp, "afile"));
  expect([notFolder.code, notFolder.stderr]).toEqual([2, `patrika: --out ${join(tmp, "afile")} is a file, not a folder\n`]);
  writeFileSync(join(tmp, "rules.json"), '{"bylines": ["("]}');
  const rules = await run("import", `${FIXTURES}/flood.txt`, "--rules", join(tmp, "rules.json"), "--out", join(tmp, "a"));
  expect(rules.code).toBe(2);
  expect(rules.stderr).toContain('rules: bylines has a pattern that is not a regular expression: "("');
  writeFileSync(join(tmp, "latin1.txt"), Buffer.from([0x64, 0xe9, 0x0a]));
  const latin1 = await run("import", join(tmp, "latin1.txt"), "--out", join(tmp, "a"));
  expect([latin1.code, latin1.stderr]).toEqual([1, `${join(tmp, "latin1.txt")}:1: error [import.not-imported] the file is not UTF-8 text (re-save it as UTF-8; legacy Bengali fonts such as Bijoy need converting to Unicode)\n`]);
});

test("a folder that cannot be written to says so, and nothing is claimed as imported", async () => {
  if (process.getuid?.() === 0) {
    // root writes anywhere: a path below a file is the failure every user meets.
    writeFileSync(join(tmp, "blocker"), "x");
    const result = await run("import", `${FIXTURES}/flood.txt`, "--out", join(tmp, "blocker", "articles"));
    expect([result.code, result.stderr]).toEqual([2, `patrika: the articles folder ${join(tmp, "blocker", "articles")} cannot be used (a part of the path is a file, not a folder, ENOTDIR)\n`]);
    return;
  }
  const locked = join(tmp, "locked");
  mkdirSync(locked);
  chmodSync(locked, 0o500);
  const result = await run("import", `${FIXTURES}/flood.txt`, "--out", locked);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("could not be written (permission denied, EACCES)");
});

test("guesses are written as comments above the fields and printed with the result", async () => {
  const out = join(tmp, "articles");
  const { stdout } = await run("import", `${FIXTURES}/outlet-before-label.txt`, "--out", out, "--tz", "Asia/Kolkata");
  expect(stdout).toContain('    guess (author): the text before the stamp\'s label ("Gangapar Khobor") was taken for the byline\n');
  expect(stdout).toContain("    guess (date): the page prints only an update time; it was taken as the publication time\n");
  const [name] = readdirSync(out);
  expect(readFileSync(join(out, name!), "utf8").split("\n").slice(0, 5)).toEqual([
    "---",
    "# patrika import: check these guesses before publishing (delete this comment when done):",
    '#   author: the text before the stamp\'s label ("Gangapar Khobor") was taken for the byline',
    "#   date: the page prints only an update time; it was taken as the publication time",
    'title: "শহরে টানা বৃষ্টিতে জল জমল একাধিক রাস্তায়"',
  ]);
});

test("--dry-run writes nothing (no folder either) and prints every dropped line", async () => {
  const out = join(tmp, "never");
  const { code, stdout } = await run("import", `${FIXTURES}/market.txt`, "--out", out, "--dry-run");
  expect(code).toBe(0);
  expect(existsSync(out)).toBe(false);
  expect(stdout).toContain(`${FIXTURES}/market.txt → ${out}/kacha-moricher-dam-ek-soptahe-dbigun.md (dry run, not written)`);
  expect(stdout).toContain("    dropped line 9 (page chrome): আরও পড়ুন: চালের দাম স্থিতিশীল, ডালের দাম কমেছে");
  expect(stdout).toMatch(/1 would be imported, 0 already imported, 0 not imported\.\n$/);
});

test("a WordPress export prints its skipped items by kind", async () => {
  const { code, stdout } = await run("import", `${FIXTURES}/wxr/export.xml`, "--out", join(tmp, "a"));
  expect(code).toBe(0);
  expect(stdout).toMatch(/3 imported, 0 already imported, 0 not imported; WordPress items skipped: draft 1, page 1, password-protected 1, private 1, attachment 1\.\n$/);
});

test("a file that is not well-formed XML is not imported, with the line the parser stopped at", async () => {
  const broken = readFileSync(`${FIXTURES}/wxr/export.xml`, "utf8").replace("</item>", "</itme>");
  writeFileSync(join(tmp, "broken.xml"), broken);
  const { code, stderr } = await run("import", join(tmp, "broken.xml"), "--out", join(tmp, "a"));
  expect(code).toBe(1);
  expect(stderr).toMatch(/broken\.xml:\d+: error \[import\.not-imported\] the export is not well-formed XML: /);
});

test("slugs: the documented transliteration, stable and ASCII", () => {
  expect(transliterate("বন্যা পরিস্থিতি")).toBe("bonya-poristhiti");
  expect(transliterate("২০২৫ সালের বাজেট")).toBe("2025-saler-bajet");
  expect(transliterate("বড় খবর: ঢাকায় বৃষ্টি")).toBe("bor-khobor-dhakay-brishti");
  expect(transliterate("মেঘনায়")).toBe(transliterate("মেঘনা\u09DF")); // য় as য + nukta or precomposed
});
