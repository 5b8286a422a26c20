/** patrika import on saved pages written for the project: every field, every body line, every dropped line. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build.js";
import { importPages } from "../../src/import/index.js";
import { transliterate } from "../../src/import/transliterate.js";
import { main, type Io } from "../../src/cli/main.js";
import { checkRules, validateOutput } from "../support/validate.js";

const FIXTURES = "test/fixtures/import";
let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), "patrika-import-"))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

const byInput = async (options = {}) => {
  const results = await importPages([FIXTURES], { outDir: out, ...options });
  return Object.fromEntries(results.map((r) => [r.input.split("/").pop()!, r]));
};

test("flood.txt: byline, both dates, caption and credit once, body without the ad or the read-more block", async () => {
  const { "flood.txt": flood } = await byInput({ category: "bangladesh" });
  expect(flood!.output).toBe(join(out, "sunamogonje-pahari-dhole-nichu-elaka-plabit.md"));
  expect(readFileSync(flood!.output!, "utf8")).toBe(
    [
      "---",
      'title: "সুনামগঞ্জে পাহাড়ি ঢলে নিচু এলাকা প্লাবিত"',
      'date: "2025-07-13T17:28:00+06:00"',
      'updated: "2025-07-13T19:05:00+06:00"',
      'author: "সুনামগঞ্জ প্রতিনিধি"',
      'category: "bangladesh"',
      'source: "flood.txt"',
      "image:",
      '  caption: "নৌকায় করে নিরাপদ আশ্রয়ে যাচ্ছেন স্থানীয় বাসিন্দারা"',
      '  credit: "ছবি: নদীপার"',
      "---",
      "টানা দুই দিনের বৃষ্টি আর উজানের ঢলে জেলার চারটি উপজেলার নিচু এলাকা প্লাবিত হয়েছে।",
      "",
      "পানি উন্নয়ন বোর্ড জানিয়েছে, সুরমা নদীর পানি বিপৎসীমার ২০ সেন্টিমিটার ওপর দিয়ে বইছে।",
      "",
      "জেলা প্রশাসন ১২০টি আশ্রয়কেন্দ্র খুলে দিয়েছে এবং শুকনা খাবার বিতরণ শুরু করেছে।",
      "",
    ].join("\n"),
  );
  expect(flood!.dropped.map((d) => [d.line, d.reason])).toEqual([
    [1, "publication name"],
    [2, "section label"],
    [6, "duplicate caption"],
    [12, "page chrome"],
    [15, "page chrome"],
    [16, "after the article"],
    [17, "after the article"],
    [18, "after the article"],
  ]);
});

test("market.txt: an update-only date, a credit after a comma, an inline read-more line and share icons dropped", async () => {
  const { "market.txt": market } = await byInput();
  const article = market!.article!;
  expect([article.title, article.date.iso, article.updated, article.author]).toEqual([
    "কাঁচা মরিচের দাম এক সপ্তাহে দ্বিগুণ",
    "2025-07-14T10:05:00+06:00",
    undefined,
    "নিজস্ব প্রতিবেদক",
  ]);
  expect(article.image).toEqual({ caption: "রাজধানীর একটি কাঁচাবাজারে সবজি বিক্রি হচ্ছে", credit: "ছবি: আলোকচিত্রী, নদীপার" });
  expect(article.paragraphs).toEqual([
    "বৃষ্টির কারণে সরবরাহ কমে যাওয়ায় রাজধানীর বাজারে কাঁচা মরিচের দাম বেড়েছে।",
    "খুচরা বিক্রেতারা বলছেন, আগামী সপ্তাহে সরবরাহ বাড়লে দাম কমতে পারে।",
  ]);
  expect(market!.dropped.map((d) => d.text)).toEqual([
    "নদীপার অনলাইন",
    "অর্থনীতি",
    "আরও পড়ুন: চালের দাম স্থিতিশীল, ডালের দাম কমেছে",
    "শেয়ার করুন",
    "ফেসবুক",
    "হোয়াটসঅ্যাপ",
  ]);
});

test("cricket.txt: a weekday and a spoken time; a credit with no punctuation before it", async () => {
  const { "cricket.txt": cricket } = await byInput();
  const article = cricket!.article!;
  expect([article.title, article.date.iso, article.author]).toEqual(["শেষ ওভারের নাটকীয়তায় জিতল জেলা দল", "2025-07-13T17:28:00+06:00", "ক্রীড়া ডেস্ক"]);
  expect(article.image).toEqual({ caption: "মাঠে উল্লাস করছেন খেলোয়াড়েরা", credit: "ছবি: সংগৃহীত" });
  expect(article.paragraphs).toEqual(["শেষ ওভারে দরকার ছিল বারো রান।", "প্রথম দুই বলে ছক্কা মেরে ম্যাচ সহজ করে দেন অধিনায়ক।"]);
  expect(cricket!.dropped.map((d) => d.reason)).toEqual(["publication name", "section label", "duplicate caption", "page chrome", "after the article"]);
});

test("no-byline.txt: the headline sits right above the date line", async () => {
  const { "no-byline.txt": page } = await byInput();
  expect([page!.article!.title, page!.article!.author, page!.article!.date.iso, page!.article!.paragraphs.length]).toEqual([
    "বিদ্যালয়ে পৌঁছাল নতুন বই",
    undefined,
    "2025-07-12T09:00:00+06:00",
    2,
  ]);
});

test("no-date.txt is not imported; the error names what is missing and where it looked", async () => {
  const { "no-date.txt": page } = await byInput();
  expect(page).toMatchObject({ error: { message: 'no date line was found (a line such as "প্রকাশ: ১৩ জুলাই ২০২৫, ১৭:২৮")', line: 1 } });
  expect(page!.output).toBeUndefined();
});

test("an existing article is never overwritten; a second import of the same page gets a numbered slug", async () => {
  writeFileSync(join(out, "bidyaloye-pouchhal-notun-boi.md"), "the editor's own file");
  const { "no-byline.txt": page } = await byInput();
  expect(page!.output).toBe(join(out, "bidyaloye-pouchhal-notun-boi-2.md"));
  expect(readFileSync(join(out, "bidyaloye-pouchhal-notun-boi.md"), "utf8")).toBe("the editor's own file");
});

test("--dry-run writes nothing and prints every dropped line", async () => {
  let stdout = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: () => undefined, env: {}, clock: () => new Date(0), readStdin: async () => "" };
  expect(await main(["import", `${FIXTURES}/market.txt`, "--out", out, "--dry-run"], io)).toBe(0);
  expect(readdirSync(out)).toEqual([]);
  expect(stdout).toContain(`${FIXTURES}/market.txt → ${out}/kacha-moricher-dam-ek-soptahe-dbigun.md (dry run, not written)`);
  expect(stdout).toContain("    dropped line 9 (page chrome): আরও পড়ুন: চালের দাম স্থিতিশীল, ডালের দাম কমেছে");
});

test("slugs: the documented transliteration, stable and ASCII", () => {
  expect(transliterate("বন্যা পরিস্থিতি")).toBe("bonya-poristhiti");
  expect(transliterate("২০২৫ সালের বাজেট")).toBe("2025-saler-bajet");
  expect(transliterate("বড় খবর: ঢাকায় বৃষ্টি")).toBe("bor-khobor-dhakay-brishti");
  expect(transliterate("মেঘনায়")).toBe(transliterate("মেঘনা\u09DF")); // য় as য + nukta or precomposed
});

test("importing the fixtures and building them gives valid feeds whose items match the pages field by field", async () => {
  mkdirSync(join(out, "articles"));
  const results = await importPages([FIXTURES], { outDir: join(out, "articles"), category: "imported" });
  writeFileSync(join(out, "patrika.config.json"), '{"siteUrl": "https://news.example.org", "title": "আমদানি পরীক্ষা"}');
  const report = await build({ now: new Date("2025-07-14T12:00:00+06:00"), articlesDir: join(out, "articles"), configFile: join(out, "patrika.config.json"), outDir: join(out, "output") });
  expect(report.status).toBe("ok");
  expect(report.diagnostics.map((d) => d.code)).toEqual(["article.image-without-url", "article.image-without-url", "article.image-without-url"]);
  for (const { name } of report.files) {
    expect(await validateOutput(name, readFileSync(join(out, "output", name), "utf8"))).toEqual([]);
    if (name !== "patrika-report.json") expect(checkRules(join(out, "output", name))).toMatch(/^PASS\t/);
  }
  const imported = results.filter((r) => r.article).map((r) => r.article!);
  expect(report.site!.feed.items.map((i) => [i.title, i.published.iso, i.authors])).toEqual(
    imported
      .sort((a, b) => b.date.instant.getTime() - a.date.instant.getTime() || a.title.localeCompare(b.title))
      .map((a) => [a.title, a.date.iso, a.author ? [a.author] : []]),
  );
});
