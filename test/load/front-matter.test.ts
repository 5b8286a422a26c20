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
