/**
 * A build that changes nothing is skipped: nothing is read and only patrika-report.json is restamped. The property
 * that matters: whatever happened before, a cached build's output is byte-identical to a fresh build at that now.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build/index.js";
import { contentsFingerprint, patchContents } from "../../src/build/up-to-date.js";
import { FIXTURE_NOW, readOutputs } from "../support/fixtures.js";

let root: string;
const options = (now: Date, out = "output", extra: object = {}) => ({
  now,
  articlesDir: join(root, "articles"),
  configFile: "test/fixtures/basic/patrika.config.json",
  outDir: join(root, out),
  cache: true,
  cacheRoot: root,
  ...extra,
});
const tree = readOutputs; // the report's publish section compares with the build before: history, not input
const fresh = async (now: Date) => {
  rmSync(join(root, "fresh"), { recursive: true, force: true });
  await build({ ...options(now, "fresh"), cache: false });
  return tree(join(root, "fresh"));
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-uptodate-"));
  cpSync("test/fixtures/basic/articles", join(root, "articles"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("a second build with nothing changed reads no article and rewrites nothing", async () => {
  const first = await build(options(FIXTURE_NOW));
  expect(first.upToDate).toBeUndefined();
  const mtimes = () => Object.keys(tree(join(root, "output"))).map((name) => statSync(join(root, "output", name)).mtimeMs);
  const before = mtimes();
  const second = await build(options(FIXTURE_NOW));
  expect(second.upToDate).toBe(true);
  expect(second.status).toBe("ok");
  expect(second.files.map((f) => f.name)).toEqual(first.files.map((f) => f.name));
  expect(mtimes()).toEqual(before);
});

test("across a day of nows, cached builds (skipped or not) equal fresh builds byte for byte", async () => {
  let skipped = 0;
  let full = 0;
  // Every 90 minutes from two days before to a day after: articles enter and leave the news window, the
  // scheduled one comes out; between those moments the build is skipped and only the report is restamped.
  for (let step = -32; step <= 16; step++) {
    const now = new Date(FIXTURE_NOW.getTime() + step * 90 * 60_000);
    const report = await build(options(now));
    expect(report.status).toBe("ok");
    if (report.upToDate) skipped++;
    else full++;
    expect(tree(join(root, "output"))).toEqual(await fresh(now));
  }
  expect(skipped).toBeGreaterThan(5);
  expect(full).toBeGreaterThan(5);
});

test("a touched article, a changed config, or an output changed on disk means a full build", async () => {
  await build(options(FIXTURE_NOW));
  const file = join(root, "articles", "c-cricket.md");
  utimesSync(file, new Date(), new Date());
  expect((await build(options(FIXTURE_NOW))).upToDate).toBeUndefined();

  const config = join(root, "other.json");
  writeFileSync(config, readFileSync("test/fixtures/basic/patrika.config.json", "utf8").replace('"feedSize": 50', '"feedSize": 2'));
  expect((await build({ ...options(FIXTURE_NOW), configFile: config })).upToDate).toBeUndefined();
  expect((await build({ ...options(FIXTURE_NOW), configFile: config })).upToDate).toBe(true);

  writeFileSync(join(root, "output", "rss.xml"), "edited by hand");
  const repaired = await build({ ...options(FIXTURE_NOW), configFile: config });
  expect(repaired.upToDate).toBeUndefined();
  expect(readFileSync(join(root, "output", "rss.xml"), "utf8")).toContain("<rss");
  rmSync(join(root, "output", "atom.xml"));
  expect((await build({ ...options(FIXTURE_NOW), configFile: config })).upToDate).toBeUndefined();
});

test("a preview build or another output folder is never skipped", async () => {
  await build(options(FIXTURE_NOW, "output", { preview: true }));
  expect((await build(options(FIXTURE_NOW, "output", { preview: true }))).upToDate).toBeUndefined();
  await build(options(FIXTURE_NOW));
  expect((await build(options(FIXTURE_NOW, "elsewhere"))).upToDate).toBeUndefined();
});

test("the contents fingerprint patched for a few changed files is the one computed afresh", () => {
  const files = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(4, "0")}-খবর.md`);
  const ids = files.map((_, i) => (i * 7919).toString(16).padStart(40, "0"));
  const contentOf = (i: number) => [1000 + i, ids[i]!] as const;
  const before = contentsFingerprint(files, contentOf)!;
  expect(before.parts).toHaveLength(3);
  for (const i of [5, 1500, 2999]) ids[i] = "ab".repeat(20);
  const patched = patchContents(before.parts, files, contentOf, [5, 1500, 2999]);
  expect(patched).toEqual(contentsFingerprint(files, contentOf));
  expect(patched!.digest).not.toBe(before.digest);
  // Told of only some of the changed files, it differs: nothing else is hashed again.
  expect(patchContents(before.parts, files, contentOf, [5])!.digest).not.toBe(patched!.digest);
  // Parts from another listing's length are not patched but replaced.
  expect(patchContents(before.parts.slice(1), files, contentOf, [5])).toEqual(patched);
  expect(contentsFingerprint(files, (i) => (i === 10 ? undefined : contentOf(i)))).toBeUndefined();
});
