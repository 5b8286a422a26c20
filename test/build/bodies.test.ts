/** The store of rendered feed bodies: a body the build cache names is found again without its file being read. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RenderedBodies } from "../../src/build/bodies.js";
import type { Article, BodySource } from "../../src/model.js";

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), "patrika-bodies-"))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const article = (body: BodySource, url = "https://example.com.bd/a/one") => ({ url, body }) as Article;
const BLOB = "3f".repeat(20);
const unread = () => {
  throw new Error("the body was read");
};

test("a body named by its file's blob id and offset is rendered once, then answered without reading it", async () => {
  const first = await RenderedBodies.open(root, "key");
  const rendered = first.render(article({ path: "/nowhere/a.md", offset: 120, blob: BLOB }), () => "[পরের খবর](../two) **জরুরি**\n");
  expect(rendered.html).toBe('<p><a href="https://example.com.bd/two">পরের খবর</a> <strong>জরুরি</strong></p>\n');
  await first.save();
  const second = await RenderedBodies.open(root, "key");
  expect(second.render(article({ path: "/nowhere/a.md", offset: 120, blob: BLOB }), unread)).toEqual(rendered);
});

test("another blob, offset, URL or store key is another body: it is read and rendered", async () => {
  const first = await RenderedBodies.open(root, "key");
  first.render(article({ path: "/nowhere/a.md", offset: 120, blob: BLOB }), () => "প্রথম\n");
  await first.save();
  const second = await RenderedBodies.open(root, "key");
  expect(second.render(article({ path: "/nowhere/a.md", offset: 120, blob: "40".repeat(20) }), () => "দ্বিতীয়\n").html).toBe("<p>দ্বিতীয়</p>\n");
  expect(second.render(article({ path: "/nowhere/a.md", offset: 121, blob: BLOB }), () => "তৃতীয়\n").html).toBe("<p>তৃতীয়</p>\n");
  expect(second.render(article({ path: "/nowhere/a.md", offset: 120, blob: BLOB }, "https://example.com.bd/b"), () => "চতুর্থ\n").html).toBe("<p>চতুর্থ</p>\n");
  const other = await RenderedBodies.open(root, "another tool version");
  expect(other.render(article({ path: "/nowhere/a.md", offset: 120, blob: BLOB }), () => "পঞ্চম\n").html).toBe("<p>পঞ্চম</p>\n");
});

test("a body without a blob id (an entry's text, or a file the cache does not know) is named by its Markdown", async () => {
  const first = await RenderedBodies.open(root, "key");
  first.render(article({ text: "একই লেখা\n" }), () => "একই লেখা\n");
  await first.save();
  const second = await RenderedBodies.open(root, "key");
  let reads = 0;
  const read = (text: string) => () => (reads++, text);
  expect(second.render(article({ text: "একই লেখা\n" }), read("একই লেখা\n")).html).toBe("<p>একই লেখা</p>\n");
  expect(second.render(article({ path: "/nowhere/a.md", offset: 0 }), read("নতুন লেখা\n")).html).toBe("<p>নতুন লেখা</p>\n");
  expect(reads).toBe(2); // each read once: to name it and, the new one, to render it
});
