/**
 * Fuzzing the whole pipeline with hostile front matter and config values (issue 18): every input ends in a site
 * that renders or in located diagnostics, within a time bound; nothing throws (which the CLI reports as exit 70).
 */
import fc from "fast-check";
import { renderOutputs, siteFromResults } from "../../src/build/index.js";
import { validateConfig } from "../../src/config/validate.js";
import { parseArticle } from "../../src/load/front-matter.js";
import { normaliseArticle, type ArticleResult } from "../../src/normalise/article.js";
import { FIXTURE_NOW, testConfig } from "../support/fixtures.js";

const FILE = "articles/fuzz.md";
const PATHS = { articlesDir: "articles", outDir: "(not written)" };
/** Per input, far above what any takes (milliseconds) and far below the 20 s an alias bomb took. */
const TIME_BOUND_MS = 2000;

const control = fc.integer({ min: 0, max: 0x1f }).map((code) => `\\x${code.toString(16).padStart(2, "0")}`);
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => `\\u${code.toString(16)}`);
const invisible = fc.constantFrom("\\u200d", "\\u200c", "\\u200b", "\\u2060", "\\ufeff", "\\u3164");
/** A double-quoted YAML scalar: any text, with escapes for control characters, lone surrogates and invisibles. */
const quoted = fc
  .array(fc.oneof(fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s).slice(1, -1)), control, surrogate, invisible, fc.constantFrom("<script>", "&amp;", "]]>", "২০২৫", "জুলাই")), { maxLength: 6 })
  .map((parts) => `"${parts.join("")}"`);
const plain = fc.string({ unit: "grapheme", maxLength: 20 });
const huge = fc.constantFrom(`"${"ক".repeat(300_000)}"`, `"${"a".repeat(1500)}"`, `"${"খ".repeat(25_000)}"`);
const date = fc.constantFrom('"2025-07-13"', '"১৩ জুলাই ২০২৫, ১৭:২৮"', '"2025-11-31"', '"২ ঘণ্টা আগে"', '"2026-01-01T00:00:00+06:00"', "2025-07-13 17:28:00");
const flowList = (depth: number) => `${"[".repeat(depth)}a${"]".repeat(depth)}`;
const value = fc.oneof(quoted, plain, huge, date, fc.integer({ min: 1, max: 200 }).map(flowList), fc.constantFrom("*a", "[*a, *a, *a]", "&a [x, y]", "&a x", "null", "true", "{ url: x }"));
const KEYS = ["title", "date", "updated", "id", "slug", "category", "tags", "summary", "author", "image", "expires", "a", "b", "&k title"];
const line = fc.tuple(fc.constantFrom(...KEYS), value).map(([key, v]) => `${key}: ${v}`);
/** Nine levels of nine aliases each: the billion laughs, which once ran for minutes. */
const aliasBomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefgh".split("").map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`), "tags: [*h, *h, *h, *h, *h, *h, *h, *h, *h]"];
const frontMatter = fc.tuple(fc.array(line, { maxLength: 10 }), fc.boolean(), fc.boolean()).map(([lines, bomb, dated]) =>
  ["---", ...(dated ? ['title: "শিরোনাম"', 'date: "2025-07-13T10:00:00+06:00"'] : []), ...lines, ...(bomb ? aliasBomb : []), "---", "বডি", ""].join("\n"),
);

/** Runs one input through what build does, and says what came out. */
function pipeline(text: string): { kind: "built" | "diagnostics"; located: boolean } {
  const config = testConfig();
  const parsed = parseArticle(new TextEncoder().encode(text), FILE, "fuzz.md");
  const result: ArticleResult = parsed.ok ? normaliseArticle(parsed.article, { config, now: FIXTURE_NOW }) : { kind: "invalid", diagnostics: parsed.diagnostics };
  const report = { ...siteFromResults([result], [FILE], config, { now: FIXTURE_NOW }), paths: PATHS };
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (report.status === "ok") {
    renderOutputs(report, config, true);
    return { kind: "built", located: true };
  }
  return { kind: "diagnostics", located: errors.length > 0 && errors.every((d) => d.file === FILE && d.line !== undefined && d.code !== undefined) };
}

test("random front matter (anchors, control characters, surrogates, huge scalars) ends in a build or located diagnostics, in time", () => {
  fc.assert(
    fc.property(frontMatter, (text) => {
      const started = performance.now();
      const outcome = pipeline(text);
      expect({ located: outcome.located, fast: performance.now() - started < TIME_BOUND_MS }).toEqual({ located: true, fast: true });
    }),
    { numRuns: 300, seed: 18 },
  );
}, 120_000);

const configText = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("\u0001", "a\ud800", "\udc00b", "\u200d", "<b>&</b>", "]]>"));
const configValue = fc.record(
  {
    title: configText,
    description: configText,
    copyright: configText,
    publicationName: configText,
    categories: fc.oneof(fc.constant({ sports: { title: "\u0002" } }), fc.constant({ sports: { title: "খেলা" } }), fc.integer({ min: 1, max: 60 }).map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as unknown)),
  },
  { requiredKeys: [] },
);

test("random config values are refused naming the key, or build: check's verdict is the build's", () => {
  const article = parseArticle(new TextEncoder().encode('---\ntitle: "শিরোনাম"\ndate: "2025-07-13T10:00:00+06:00"\ncategory: sports\n---\nবডি\n'), FILE, "fuzz.md");
  if (!article.ok) throw new Error("fixture");
  fc.assert(
    fc.property(configValue, (values) => {
      const loaded = validateConfig({ siteUrl: "https://news.example.org", ...values }, "patrika.config.json");
      if (!loaded.ok) {
        expect(loaded.diagnostics.every((d) => d.file === "patrika.config.json" && d.field !== undefined)).toBe(true);
        return;
      }
      const result = normaliseArticle(article.article, { config: loaded.config, now: FIXTURE_NOW });
      const report = { ...siteFromResults([result], [FILE], loaded.config, { now: FIXTURE_NOW }), paths: PATHS };
      expect(report.status).toBe("ok");
      renderOutputs(report, loaded.config, true); // what check accepted, build writes
    }),
    { numRuns: 300, seed: 18 },
  );
});
