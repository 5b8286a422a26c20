import { parseArticle } from "../../src/load/front-matter.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (input: string | Uint8Array) =>
  parseArticle(typeof input === "string" ? bytes(input) : input, "articles/x.md", "x.md");

test("front matter, body and the line and value column of every field", () => {
  const result = parse('---\ntitle: "শিরোনাম"\ndate: ১৩ জুলাই ২০২৫\n---\nপ্রথম অনুচ্ছেদ।\n');
  expect(result.ok && result.article).toEqual({
    file: "articles/x.md",
    relativePath: "x.md",
    data: { title: "শিরোনাম", date: "১৩ জুলাই ২০২৫" },
    fields: { title: { line: 2, column: 9 }, date: { line: 3, column: 7 } },
    body: { text: "প্রথম অনুচ্ছেদ।\n" },
    bodyOffset: 81, // bytes of the four front-matter lines: the body is read from here
  });
});

test("unquoted YAML timestamps stay text (js-yaml would turn them into UTC instants)", () => {
  const result = parse("---\ndate: 2025-07-13 17:28:00\nupdated: 2025-07-13\n---\n");
  expect(result.ok && result.article.data).toEqual({ date: "2025-07-13 17:28:00", updated: "2025-07-13" });
});

test("a byte-order mark and CRLF line endings are accepted", () => {
  const result = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("---\r\ntitle: a\r\n---\r\nbody\r\n")]));
  expect(result.ok && [result.article.data, result.article.body]).toEqual([{ title: "a" }, { text: "body\n" }]);
});

test.each([
  ["an empty file", "", "file.empty", undefined],
  ["no front matter", "# শিরোনাম\n", "frontmatter.missing", 1],
  ["an unterminated front matter", "---\ntitle: a\n\nbody\n", "frontmatter.unterminated", 1],
  ["a tab-indented mapping", "---\nimage:\n\turl: x\n---\n", "frontmatter.invalid-yaml", 3],
  ["a duplicate key", "---\ntitle: a\ntitle: b\n---\n", "frontmatter.invalid-yaml", 3],
  ["an unclosed quote (reported where it opens)", '---\ntitle: "a\ndate: b\n---\n', "frontmatter.invalid-yaml", 2],
  ["a list instead of fields", "---\n- a\n- b\n---\n", "frontmatter.not-a-mapping", 2],
])("%s is reported as %s at its line", (_name, text, code, line) => {
  const result = parse(text);
  expect(!result.ok && result.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([[code, "articles/x.md", line]]);
});

test("text that is not UTF-8 is refused with the line of the first bad byte", () => {
  const result = parse(new Uint8Array([...bytes("---\ntitle: a\n"), 0xe0, 0x41, ...bytes("\n---\n")]));
  expect(!result.ok && result.diagnostics[0]).toMatchObject({ code: "file.not-utf8", line: 3 });
});

test("a binary file is refused", () => {
  const result = parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  expect(!result.ok && result.diagnostics[0]?.code).toBe("file.not-utf8");
});

test("a file that vanished between listing and reading is reported as unreadable", async () => {
  const { readArticle } = await import("../../src/load/read.js");
  const result = await readArticle("test/fixtures/basic/articles", "gone-since-listing.md");
  expect(!result.ok && result.diagnostics[0]).toMatchObject({
    code: "file.unreadable",
    file: "test/fixtures/basic/articles/gone-since-listing.md",
    message: "the file could not be read (ENOENT)",
  });
});

describe("TOML and JSON front matter, as Hugo sites keep it (issue 14)", () => {
  test("TOML between +++ lines; its local date-times stay text for the date reader, offsets are kept", () => {
    const result = parse('+++\ntitle = "শিরোনাম"\ndate = 2025-07-13T17:28:00\nlastmod = 2025-07-14T09:10:00+06:00\nday = 2025-07-13\ntags = ["বন্যা", "সিলেট"]\n[image]\nurl = "https://example.com/a.jpg"\n+++\nলেখা।\n');
    expect(result.ok && result.article.data).toEqual({
      title: "শিরোনাম",
      date: "2025-07-13T17:28:00",
      lastmod: "2025-07-14T09:10:00+06:00",
      day: "2025-07-13",
      tags: ["বন্যা", "সিলেট"],
      image: { url: "https://example.com/a.jpg" },
    });
    expect(result.ok && [result.article.fields.date, result.article.fields.tags, result.article.fields.url, result.article.body]).toEqual([
      { line: 3, column: 8 },
      { line: 6, column: 8 },
      undefined, // a key of the [image] table is not a top-level field
      { text: "লেখা।\n" },
    ]);
  });
  test("a JSON object at the top of the file", () => {
    const result = parse('{\n  "title": "শিরোনাম",\n  "date": "2025-07-13T17:28:00+06:00",\n  "note": "a } inside a string"\n}\nলেখা।\n');
    expect(result.ok && [result.article.data, result.article.fields.date, result.article.body]).toEqual([
      { title: "শিরোনাম", date: "2025-07-13T17:28:00+06:00", note: "a } inside a string" },
      { line: 3, column: 12 },
      { text: "লেখা।\n" },
    ]);
  });
  test.each([
    ["TOML with a bad value", '+++\ntitle = "a"\ndate = 13 July\n+++\n', "frontmatter.invalid-toml", 3],
    ["TOML never closed", '+++\ntitle = "a"\n', "frontmatter.unterminated", 1],
    ["JSON with a trailing comma", '{\n  "title": "a",\n}\n', "frontmatter.invalid-json", 3],
    ["a JSON list", "[1, 2]\n", "frontmatter.missing", 1],
  ])("%s is reported as %s at its line", (_name, text, code, line) => {
    const result = parse(text);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.line])).toEqual([[code, line]]);
  });
});

describe("front matter that would hang or overflow is refused before anything walks it (issue 18)", () => {
  const aliasBomb = [
    "---",
    'title: "x"',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...["b", "c", "d", "e", "f", "g", "h"].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`),
    `tags: [${Array(9).fill("*h").join(",")}]`,
    "---",
    "",
  ].join("\n");

  test("a YAML alias bomb is a located error, in milliseconds", () => {
    const started = performance.now();
    const result = parse(aliasBomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([["frontmatter.too-large", 8, "f"]]);
    expect(!result.ok && result.diagnostics[0]!.message).toBe(
      "the front matter expands to more than 1000000 characters and entries (YAML aliases *name repeat what an anchor &name holds), reached in this field",
    );
  });

  test("a few small aliases are fine", () => {
    const result = parse('---\ntitle: &t "শিরোনাম"\nsummary: *t\n---\n');
    expect(result.ok && result.article.data).toEqual({ title: "শিরোনাম", summary: "শিরোনাম" });
  });

  test("front matter over the size limit is refused before parsing, at its longest line, with the numbers", () => {
    const result = parse(`---\ndate: "2025-07-13"\ntitle: "${"ক".repeat(1_400_000)}"\n---\n`);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.line, d.field, d.message])).toEqual([
      ["frontmatter.too-large", 3, "title", "the front matter is 4200029 bytes, more than the 262144 patrika reads (this line alone is 4200009)"],
    ]);
  });

  test.each([
    ["a deep flow list", `---\ntags: ${"[".repeat(40)}${"]".repeat(40)}\n---\n`, "frontmatter.too-deep", 2],
    ["a list too deep for the YAML parser's stack", `---\ntags: ${"[".repeat(20000)}${"]".repeat(20000)}\n---\n`, "frontmatter.too-deep", 2],
    ["deep JSON front matter", `{"tags": ${"[".repeat(40)}${"]".repeat(40)}}\n`, "frontmatter.too-deep", 1],
  ])("%s is refused, located", (_, text, code, line) => {
    const result = parse(text);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.line])).toEqual([[code, line]]);
  });
});
