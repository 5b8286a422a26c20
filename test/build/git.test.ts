/**
 * A fresh clone with the cache kept (as CI restores it): every stamp is new, no byte changed, and git's index names
 * each file's content. Files git vouches for are matched by blob id without being read; anything git cannot vouch
 * for (edited, untracked, filtered, no git at all) is read or hashed as before, and the output never differs.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, check } from "../../src/build/index.js";
import { plainFiles, VouchedIds } from "../../src/build/git.js";
import { articleText, FIXTURE_NOW, readOutputs } from "../support/fixtures.js";

/** Enough files that a fresh checkout's misses are worth one question to git (articles.ts, GIT_MIN_MISSES). */
const GENERATED = 120;
let root: string;
const site = () => join(root, "site");
const options = (extra: object = {}) => ({
  now: FIXTURE_NOW,
  articlesDir: join(site(), "articles"),
  configFile: "test/fixtures/basic/patrika.config.json",
  outDir: join(root, "state", "output"),
  cache: true,
  cacheRoot: join(root, "state"),
  ...extra,
});
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=patrika test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
/** An uncached build of the site as it now is, into its own folder. */
const uncached = async () => {
  const out = join(root, "uncached");
  rmSync(out, { recursive: true, force: true });
  await build({ ...options(), outDir: out, cache: false });
  return readOutputs(out);
};
/** A fresh clone of the site in the same place (the cache key names the folder), the cache and output kept. */
const freshClone = (...cloneArgs: string[]) => {
  rmSync(join(root, "origin"), { recursive: true, force: true });
  renameSync(site(), join(root, "origin"));
  git(root, "clone", "-q", ...cloneArgs, join(root, "origin"), site());
};
const generated = (i: number) => join(site(), "articles", `n-${String(i).padStart(3, "0")}.md`);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-git-"));
  mkdirSync(join(root, "state"));
  cpSync("test/fixtures/basic/articles", join(site(), "articles"), { recursive: true });
  for (let i = 0; i < GENERATED; i++) writeFileSync(generated(i), articleText(`title: "খবর ${100 + i}"\ndate: "১৩ জুলাই ২০২৫, ১০:০০"\ncategory: bangladesh`));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const commit = (attributes?: string) => {
  git(site(), "init", "-q");
  if (attributes) writeFileSync(join(site(), ".gitattributes"), attributes);
  git(site(), "add", ".");
  git(site(), "commit", "-q", "-m", "articles");
};

test("after a fresh clone the build is up to date without reading an article, then up to date by stamps again", async () => {
  commit();
  const first = await build(options());
  expect(first.status).toBe("ok");
  const before = readOutputs(join(root, "state", "output"));
  freshClone();
  const second = await build(options());
  expect(second.upToDate).toBe(true);
  expect(readOutputs(join(root, "state", "output"))).toEqual(before);
  expect(before).toEqual(await uncached());
  // The record now holds the new stamps: the next build needs no git at all.
  expect((await build({ ...options(), now: new Date(FIXTURE_NOW.getTime() + 1000) })).upToDate).toBe(true);
});

test("an edit of a body after a fresh clone is a delta build, as outside git, and gives the uncached bytes", async () => {
  commit();
  await build(options());
  freshClone();
  expect((await build(options())).upToDate).toBe(true); // by contents: the delta record moves to the new stamps too
  const file = generated(3);
  writeFileSync(file, `${readFileSync(file, "utf8")}\nসংশোধনী।\n`);
  const edited = await build(options());
  expect(edited.delta?.edited).toBe(1);
  const written = readOutputs(join(root, "state", "output"));
  const expected = await uncached();
  // The report's publish section names the last build (the uncached one knows none); every other byte is the same.
  const blank = (o: Record<string, string>) => ({ ...o, "patrika-report.json": "" });
  expect(blank(written)).toEqual(blank(expected));
});

test("a fresh clone of a commit that edits one body (a CI run) is a delta build: git vouches for the rest", async () => {
  commit();
  await build(options());
  const file = join(root, "origin-edit");
  // The newsroom's commit: one story's text edited, pushed; CI then clones it afresh, the cache and output kept.
  git(root, "clone", "-q", site(), file);
  const story = join(file, "articles", "n-005.md");
  writeFileSync(story, `${readFileSync(story, "utf8")}\nসংশোধনী।\n`);
  git(file, "commit", "-q", "-am", "edit");
  rmSync(site(), { recursive: true });
  git(root, "clone", "-q", file, site());
  const edited = await build(options());
  expect(edited.delta?.edited).toBe(1);
  const blank = (o: Record<string, string>) => ({ ...o, "patrika-report.json": "" });
  expect(blank(readOutputs(join(root, "state", "output")))).toEqual(blank(await uncached()));
  // The delta record moved to the clone's stamps: the next build is up to date by stamps.
  expect((await build(options())).upToDate).toBe(true);
});

test("a file git vouches for is not read: a change hidden from git's stat cache is not seen, and without git it is", async () => {
  commit();
  await build(options());
  freshClone();
  const file = generated(7);
  const old = new Date("2020-01-01T00:00:00Z");
  // Index and file agree on an old mtime (and the index is newer, so git does not re-read it as racy) ...
  utimesSync(file, old, old);
  git(site(), "update-index", "-q", "--refresh");
  git(site(), "config", "core.trustctime", "false");
  // ... then the bytes change at the same size and the mtime is put back: git (and so patrika) cannot tell.
  writeFileSync(file, readFileSync(file, "utf8").replace("খবর 107", "খবর 907"));
  utimesSync(file, old, old);
  expect(statSync(file).size).toBe(Buffer.byteLength(readFileSync(join(root, "origin", "articles", "n-007.md"))));
  expect(git(site(), "diff-files", "--name-only")).toBe("");
  const titles = (report: Awaited<ReturnType<typeof check>>) => report.site!.articles.map((a) => a.title);
  const trusted = await check(options());
  expect(trusted.articlesFromCache).toBe(GENERATED + 7);
  expect(titles(trusted)).toContain("খবর 107");
  // Without git the file is hashed, found changed and read again.
  const path = process.env.PATH;
  process.env.PATH = join(root, "no-such-folder");
  try {
    const untrusted = await check(options());
    expect(titles(untrusted)).toContain("খবর 907");
    expect(titles(untrusted)).not.toContain("খবর 107");
  } finally {
    process.env.PATH = path;
  }
});

test("an edit not committed and an untracked file are found after a fresh clone", async () => {
  commit();
  await build(options());
  freshClone();
  writeFileSync(generated(3), readFileSync(generated(3), "utf8").replace("খবর 103", "খবর ৩০৩"));
  writeFileSync(generated(4), readFileSync(generated(4), "utf8").replace("খবর 104", "খবর 904")); // the same size
  writeFileSync(join(site(), "articles", "z-new.md"), articleText(`title: "নতুন খবর"\ndate: "১৩ জুলাই ২০২৫, ১১:০০"\ncategory: bangladesh`));
  const report = await build(options());
  expect(report.upToDate).toBeUndefined();
  expect(report.articlesFound).toBe(GENERATED + 8);
  expect(report.articlesFromCache).toBe(GENERATED + 5);
  const outputs = readOutputs(join(root, "state", "output"));
  expect(outputs["rss.xml"]).toContain("খবর ৩০৩");
  expect(outputs["rss.xml"]).toContain("খবর 904");
  expect(outputs["rss.xml"]).toContain("নতুন খবর");
  expect(outputs).toEqual(await uncached());
});

test("a smudge filter that keeps the size is not trusted: the output equals an uncached build", async () => {
  // The clone's work tree holds other bytes than the blob, at the same size: 0→1, 1→2 … 9→0 in every title.
  commit("n-*.md filter=digits\n");
  await build(options());
  freshClone("-c", "filter.digits.smudge=tr 0-9 1-90", "-c", "filter.digits.clean=tr 1-90 0-9");
  expect(readFileSync(generated(0), "utf8")).toContain("খবর 211");
  expect(git(site(), "diff-files", "--name-only")).toBe("");
  const report = await build(options());
  expect(report.upToDate).toBeUndefined();
  expect(readOutputs(join(root, "state", "output"))["rss.xml"]).toContain("খবর 211");
  expect(readOutputs(join(root, "state", "output"))).toEqual(await uncached());
});

test("a checkout that converts line endings changes the size, so blob ids are not matched; the output equals an uncached build", async () => {
  commit("*.md text eol=crlf\n");
  await build(options());
  freshClone();
  expect(readFileSync(generated(0), "utf8")).toContain("\r\n");
  const report = await build(options());
  expect(report.upToDate).toBeUndefined();
  expect(readOutputs(join(root, "state", "output"))).toEqual(await uncached());
});

test("outside a git work tree a touched folder is hashed as before", async () => {
  await build(options());
  const later = new Date(Date.now() + 60_000);
  for (let i = 0; i < GENERATED; i++) utimesSync(generated(i), later, later);
  const report = await build(options());
  expect(report.upToDate).toBeUndefined();
  expect(report.articlesFromCache).toBe(GENERATED + 7);
});

test("vouched ids follow the listing's order, pass over records it does not have and look up the rest by path", () => {
  const id = (c: string) => c.repeat(40);
  const listed = ["0.jpg", "a.md", "b.md", "c/d.md", "e.md", "x\uFFFD.md"].map((path, n) => `H 100644 ${id(String(n))} 0\t${path}`).join("\0") + "\0";
  const ids = new VouchedIds(listed, new Set(["e.md"]));
  expect(ids.size).toBe(4); // e.md excluded (git finds it modified), the undecodable path never vouched for
  // In the same order as git, with a file git does not track and records the listing has none of.
  expect(ids.of(["a.md", "b.md", "new.md", "c/d.md", "e.md", "x\uFFFD.md"])).toEqual([id("1"), id("2"), undefined, id("3"), undefined, undefined]);
  // Another order gives the same ids.
  expect(ids.of(["c/d.md", "b.md", "a.md"])).toEqual([id("3"), id("2"), id("1")]);
  expect(ids.get("0.jpg")).toBe(id("0"));
  // An id compared in place with 20 bytes, as the delta build's table holds them.
  const records = ids.records(["a.md", "c/d.md"]);
  expect([...records]).toEqual([1, 3]);
  expect(ids.idEquals(records[0]!, Buffer.from(id("1"), "hex"), 0)).toBe(true);
  expect(ids.idEquals(records[1]!, Buffer.concat([Buffer.alloc(3), Buffer.from(id("3"), "hex")]), 3)).toBe(true);
  expect(ids.idEquals(records[1]!, Buffer.from(id("3").replace(/.$/, "4"), "hex"), 0)).toBe(false);
});

describe("when git is asked", () => {
  // A git on PATH that notes each call, then runs the real one.
  let calls: string;
  let path: string | undefined;
  beforeEach(() => {
    const shim = join(root, "bin");
    mkdirSync(shim);
    calls = join(root, "git-calls");
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(shim, "git"), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    path = process.env.PATH;
    process.env.PATH = `${shim}:${path}`;
  });
  afterEach(() => void (process.env.PATH = path));
  // Each time git is asked, it lists the index with --stage once (and the paths once more, for their attributes).
  const asked = () => (readFileSync(calls, { encoding: "utf8", flag: "a+" }).match(/ls-files --stage/g) ?? []).length;

  test("a first build and an edit of one file are built without asking git about the folder; a fresh clone still asks", async () => {
    commit();
    await build(options());
    expect(asked()).toBe(0); // the cache holds no blob id for git to confirm
    writeFileSync(generated(7), readFileSync(generated(7), "utf8").replace("খবর 107", "খবর ১০৭"));
    const edited = await build(options());
    expect([edited.upToDate, edited.articlesFromCache, asked()]).toEqual([undefined, GENERATED + 6, 0]);
    expect(readOutputs(join(root, "state", "output"))["rss.xml"]).toContain("খবর ১০৭");
    expect(readOutputs(join(root, "state", "output"))).toEqual(await uncached());
    git(site(), "commit", "-q", "-am", "edit");
    freshClone();
    const cloned = await build(options());
    expect([cloned.upToDate, asked()]).toEqual([true, 1]); // every stamp new: git vouches for the bytes
  });
});

test("ls-files records are read in place: plain regular files at stage 0 only, paths with tabs and spaces whole", () => {
  const id = (c: string) => c.repeat(40);
  const records = [
    `H 100644 ${id("a")} 0\tplain.md`,
    `H 100755 ${id("b")} 0\trun me\twith tab.md`,
    `h 100644 ${id("c")} 0\tassumed-unchanged.md`,
    `S 100644 ${id("d")} 0\tskip-worktree.md`,
    `H 120000 ${id("e")} 0\tlink.md`,
    `H 160000 ${id("f")} 0\tsubmodule`,
    `H 100644 ${id("1")} 1\tconflict.md`,
    `H 100644 ${id("2")} 2\tconflict.md`,
    `H 100644 ${"9".repeat(64)} 0\tsha256-repository.md`,
    `H 100644 ${id("0")} 0\t০৭/বাংলা নাম.md`,
  ];
  expect([...plainFiles(`${records.join("\0")}\0`)]).toEqual([
    [id("a"), "plain.md"],
    [id("b"), "run me\twith tab.md"],
    ["9".repeat(64), "sha256-repository.md"],
    [id("0"), "০৭/বাংলা নাম.md"],
  ]);
  expect([...plainFiles("")]).toEqual([]);
});
