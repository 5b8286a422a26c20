import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeIo, writeAtomically, type WriteIo } from "../../src/write/atomic.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "patrika-write-"));
  writeFileSync(join(dir, "a.xml"), "old a");
  writeFileSync(join(dir, "b.xml"), "old b");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  { name: "a.xml", content: "new a" },
  { name: "b.xml", content: "new b" },
  { name: "c.xml", content: "new c" },
];

test("all files are replaced and no temporary file remains", async () => {
  await writeAtomically(dir, files);
  expect(readdirSync(dir).sort()).toEqual([".patrika-manifest.json", "a.xml", "b.xml", "c.xml"]);
  expect(files.map((f) => readFileSync(join(dir, f.name), "utf8"))).toEqual(["new a", "new b", "new c"]);
});

test.each([1, 2, 3])("when write number %i fails, every previous file is untouched and no temporary is left", async (n) => {
  let writes = 0;
  const failing: WriteIo = {
    ...nodeIo,
    async writeFileDurably(path, content) {
      if (++writes === n) throw new Error("ENOSPC: no space left on device");
      await nodeIo.writeFileDurably(path, content);
    },
  };
  await expect(writeAtomically(dir, files, failing)).rejects.toThrow("ENOSPC");
  expect(readdirSync(dir).sort()).toEqual(["a.xml", "b.xml"]);
  expect([readFileSync(join(dir, "a.xml"), "utf8"), readFileSync(join(dir, "b.xml"), "utf8")]).toEqual(["old a", "old b"]);
});

test("a file an earlier build wrote and this one does not is removed, with its emptied folder", async () => {
  await writeAtomically(dir, [...files, { name: "sports/rss.xml", content: "sports" }]);
  expect(readdirSync(join(dir, "sports"))).toEqual(["rss.xml"]);
  await writeAtomically(dir, files);
  expect(readdirSync(dir).sort()).toEqual([".patrika-manifest.json", "a.xml", "b.xml", "c.xml"]);
});

test("files the manifest never listed are left alone", async () => {
  writeFileSync(join(dir, "index.html"), "the site's own page");
  await writeAtomically(dir, files);
  await writeAtomically(dir, files.slice(0, 1));
  expect(readdirSync(dir).sort()).toEqual([".patrika-manifest.json", "a.xml", "index.html"]);
});
