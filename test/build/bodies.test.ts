/** The store of rendered feed bodies: a body the build cache names is found again without its file being read. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DELTA_FEWEST_WORTH_SAVING, RenderedBodies } from "../../src/build/bodies.js";
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

const STORE = () => join(root, ".patrika-cache", "bodies.bin");
const source = (offset: number) => ({ path: "/nowhere/a.md", offset, blob: BLOB });

/** Stores three bodies (Bengali, ASCII with a newline and a character outside the BMP, empty) and returns them. */
async function storeThree() {
  const store = await RenderedBodies.open(root, "key");
  const texts = ["**সংবাদ** শিরোনাম\n\nদ্বিতীয় অনুচ্ছেদ\n", "plain `code` 🙂\n", ""];
  const rendered = texts.map((text, offset) => store.render(article(source(offset)), () => text));
  await store.save();
  return rendered;
}

test("bodies come back exactly as rendered: Bengali, ASCII, a character outside the BMP and an empty body", async () => {
  const rendered = await storeThree();
  expect(rendered[1]!.html).toBe("<p>plain <code>code</code> 🙂</p>\n");
  const again = await RenderedBodies.open(root, "key");
  expect(rendered.map((_, offset) => again.render(article(source(offset)), unread))).toEqual(rendered);
});

test.each([
  ["one byte of a body changed", (bytes: Buffer) => (bytes[bytes.length - 3]! ^= 1, bytes)],
  ["one unit moved from a body's HTML to its excerpt (the same total)", (bytes: Buffer) => {
    const end = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.toString("utf8", 0, end)) as { lengths: number[] };
    header.lengths[0]! -= 1;
    header.lengths[1]! += 1;
    return Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(end)]);
  }],
  ["the file cut short", (bytes: Buffer) => bytes.subarray(0, bytes.length - 10)],
  ["the header alone", (bytes: Buffer) => bytes.subarray(0, bytes.indexOf(0x0a) + 1)],
  ["no header line", () => Buffer.from("not a store")],
  ["a header that is not JSON", () => Buffer.from("{\n")],
])("a store with %s is not trusted: every body is rendered again", async (_, damage) => {
  await storeThree();
  const damaged = damage(readFileSync(STORE()));
  writeFileSync(STORE(), damaged);
  const again = await RenderedBodies.open(root, "key");
  let reads = 0;
  expect(again.render(article(source(0)), () => (reads++, "নতুন করে\n")).html).toBe("<p>নতুন করে</p>\n");
  expect(reads).toBe(1);
});

test("saving replaces the JSON store of earlier versions and never leaves a temporary file", async () => {
  mkdirSync(join(root, ".patrika-cache"));
  writeFileSync(join(root, ".patrika-cache", "bodies.json"), '{"key":"key","bodies":{}}');
  await storeThree();
  expect(existsSync(join(root, ".patrika-cache", "bodies.json"))).toBe(false);
  expect(readdirSync(join(root, ".patrika-cache"))).toEqual(["bodies.bin"]);
});

test("an unchanged set of bodies is not written again", async () => {
  await storeThree();
  const before = statSync(STORE()).mtimeMs;
  const again = await RenderedBodies.open(root, "key");
  [0, 1, 2].forEach((offset) => again.render(article(source(offset)), unread));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await again.save();
  expect(statSync(STORE()).mtimeMs).toBe(before);
});

test("a delta build's few new bodies leave the store as it was: the next build renders them again, from their files", async () => {
  await storeThree();
  const stored = readFileSync(STORE());
  const delta = await RenderedBodies.open(root, "key");
  [0, 1].forEach((offset) => delta.render(article(source(offset)), unread));
  const edited = article({ path: "/nowhere/a.md", offset: 2, blob: "51".repeat(20) });
  expect(delta.render(edited, () => "সংশোধিত\n").html).toBe("<p>সংশোধিত</p>\n");
  await delta.save(DELTA_FEWEST_WORTH_SAVING);
  expect(readFileSync(STORE())).toEqual(stored);
  // The store lacks the edited body, so it is rendered again (read, not answered wrongly); enough of them are saved.
  const next = await RenderedBodies.open(root, "key");
  expect(next.render(edited, () => "সংশোধিত\n").html).toBe("<p>সংশোধিত</p>\n");
  for (let n = 0; n < DELTA_FEWEST_WORTH_SAVING; n++) next.render(article({ path: "/nowhere/b.md", offset: n, blob: BLOB }), () => `লেখা ${n}\n`);
  await next.save(DELTA_FEWEST_WORTH_SAVING);
  expect(readFileSync(STORE())).not.toEqual(stored);
  expect((await RenderedBodies.open(root, "key")).render(edited, unread).html).toBe("<p>সংশোধিত</p>\n");
});
