/**
 * The writer on a small synthetic set: a set is published whole or not at all, whatever single step fails; foreign
 * files are never replaced; the generation counts sets; a killed publish is finished by the next build.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ForeignOutputError, OutputWriteError, writeAtomically, type OutputToWrite, type WriteHandle, type WriteIo, type WriteResult } from "../../src/write/atomic.js";
import { recover } from "../../src/write/journal.js";
import { faultyIo, folderSnapshot, withoutFlush } from "./faults.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "patrika-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => readFileSync(join(dir, name), "utf8");
const manifest = () => JSON.parse(read(".patrika-manifest.json")) as { generation: number; files: string[] };

/** The earlier set: a root feed, a sitemap part and its index, a category feed, and one category this set drops. */
const earlier: OutputToWrite[] = [
  { name: "sitemap-1.xml", content: "old part 1" },
  { name: "sitemap-index.xml", content: "old index: 1" },
  { name: "rss.xml", content: "old rss" },
  { name: "sports/rss.xml", content: "old sports" },
  { name: "weather/rss.xml", content: "old weather" },
];
/** The new set: parts before the index, one part more, a new nested category, weather dropped. */
const later: OutputToWrite[] = [
  { name: "sitemap-1.xml", content: "new part 1" },
  { name: "sitemap-2.xml", content: "new part 2" },
  { name: "sitemap-index.xml", content: "new index: 1 2" },
  { name: "rss.xml", content: "new rss" },
  { name: "sports/rss.xml", content: "new sports" },
  { name: "culture/books/rss.xml", content: "new books" },
  { name: "patrika-report.json", content: (generation) => `{"generation": ${generation}}` },
];
const expectedLater = [
  ".patrika-manifest.json", "culture/", "culture/books/", "culture/books/rss.xml", "patrika-report.json", "rss.xml",
  "sitemap-1.xml", "sitemap-2.xml", "sitemap-index.xml", "sports/", "sports/rss.xml",
];
const names = (snapshot: string[]) => snapshot.map((line) => line.split(" ")[0]!);

test("a set is published whole: every file replaced, dropped ones removed with their folders, nothing hidden left", async () => {
  expect(await writeAtomically(dir, earlier)).toEqual({ generation: 1, leftovers: [] });
  expect(await writeAtomically(dir, later)).toEqual({ generation: 2, leftovers: [] });
  expect(names(folderSnapshot(dir))).toEqual(expectedLater);
  expect(later.map((f) => read(f.name))).toEqual(["new part 1", "new part 2", "new index: 1 2", "new rss", "new sports", "new books", '{"generation": 2}']);
  expect(manifest()).toEqual({ generation: 2, files: expectedLater.filter((n) => !n.endsWith("/") && !n.startsWith(".")) });
});

test("renames happen in the order given, the dropped files after them, the manifest last", async () => {
  await writeAtomically(dir, earlier);
  const io = faultyIo();
  await writeAtomically(dir, later, { io });
  const renamed = io.log.filter((op) => op.startsWith("rename ") && !op.includes(".patrika-journal")).map((op) => op.slice(op.lastIndexOf("/") + 1));
  expect(renamed.map((name) => name.replace(/\.[0-9a-f]{12}-\d+\.(tmp|bak)$/, "").replace(/^\./, ""))).toEqual([
    "sitemap-1.xml", "sitemap-2.xml", "sitemap-index.xml", "rss.xml", "rss.xml", "rss.xml", "patrika-report.json", "rss.xml", ".patrika-manifest.json",
  ]);
});

test("the generation is one more than the last build's, or the caller's; patrika 0.1's bare-list manifest counts as 0", async () => {
  writeFileSync(join(dir, ".patrika-manifest.json"), '[\n "rss.xml"\n]\n');
  writeFileSync(join(dir, "rss.xml"), "0.1's rss");
  expect((await writeAtomically(dir, [{ name: "rss.xml", content: "x" }])).generation).toBe(1);
  expect((await writeAtomically(dir, [{ name: "rss.xml", content: "x" }], { generation: 41 })).generation).toBe(41);
  expect((await writeAtomically(dir, [{ name: "rss.xml", content: (g) => `g${g}` }])).generation).toBe(42);
  expect([read("rss.xml"), manifest().generation]).toEqual(["g42", 42]);
});

test("kept files stay as they are and stay patrika's", async () => {
  await writeAtomically(dir, earlier);
  await writeAtomically(dir, [{ name: "rss.xml", content: "only rss" }], { keep: ["sitemap-1.xml", "sitemap-index.xml", "not-ours.xml"] });
  expect(names(folderSnapshot(dir))).toEqual([".patrika-manifest.json", "rss.xml", "sitemap-1.xml", "sitemap-index.xml"]);
  expect(manifest().files).toEqual(["rss.xml", "sitemap-1.xml", "sitemap-index.xml"]);
});

describe("never replace what is not ours", () => {
  test("existing targets the manifest does not list are refused, every one named, before anything is written", async () => {
    mkdirSync(join(dir, "sports"));
    writeFileSync(join(dir, "rss.xml"), "another tool's feed");
    writeFileSync(join(dir, "sports/rss.xml"), "another tool's sports feed");
    writeFileSync(join(dir, "culture"), "a file where a folder must be");
    writeFileSync(join(dir, "index.html"), "the site's own page");
    const before = folderSnapshot(dir);
    const error = await writeAtomically(dir, later).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignOutputError);
    expect((error as ForeignOutputError).files).toEqual(["culture", "rss.xml", "sports/rss.xml"]);
    expect((error as Error).message).toBe(
      `${dir} already holds 3 files that patrika did not write and would replace: culture, rss.xml, sports/rss.xml; nothing was written. ` +
        "Move them away, build into another folder, or allow patrika to replace them",
    );
    expect(folderSnapshot(dir)).toEqual(before);
  });

  test("a file an earlier build wrote is replaced; one it never listed is refused", async () => {
    await writeAtomically(dir, [{ name: "rss.xml", content: "ours" }]);
    writeFileSync(join(dir, "atom.xml"), "another tool's atom");
    await expect(writeAtomically(dir, [{ name: "rss.xml", content: "ours 2" }, { name: "atom.xml", content: "ours" }])).rejects.toThrow("would replace: atom.xml;");
    expect([read("rss.xml"), read("atom.xml")]).toEqual(["ours", "another tool's atom"]);
  });

  test("replaceForeign allows it, and from then on the file is patrika's", async () => {
    writeFileSync(join(dir, "rss.xml"), "another tool's feed");
    await writeAtomically(dir, [{ name: "rss.xml", content: "ours" }], { replaceForeign: true });
    expect([read("rss.xml"), manifest().files]).toEqual(["ours", ["rss.xml"]]);
  });

  test("removing dropped files touches only names the manifest lists, and never a path outside the folder", async () => {
    writeFileSync(join(dir, "index.html"), "the site's own page");
    await writeAtomically(dir, earlier);
    writeFileSync(join(dir, ".patrika-manifest.json"), JSON.stringify({ generation: 1, files: [...earlier.map((f) => f.name), "../outside.txt", "/etc/hostname", "sports/../index.html"] }));
    writeFileSync(join(dir, "..", "outside.txt"), "beside the folder");
    try {
      await writeAtomically(dir, [{ name: "rss.xml", content: "alone" }]);
      expect(names(folderSnapshot(dir))).toEqual([".patrika-manifest.json", "index.html", "rss.xml"]);
      expect(readFileSync(join(dir, "..", "outside.txt"), "utf8")).toBe("beside the folder");
    } finally {
      rmSync(join(dir, "..", "outside.txt"));
    }
  });
});

/** Every operation of publishing `later` over `earlier`, counted on a run that succeeds. */
const fast = { io: withoutFlush };

async function countSteps(): Promise<string[]> {
  const scratch = mkdtempSync(join(tmpdir(), "patrika-count-"));
  try {
    await writeAtomically(scratch, earlier, fast);
    const io = faultyIo(undefined, withoutFlush);
    await writeAtomically(scratch, later, { io });
    return io.log;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe("a failure at any single step", () => {
  let steps: string[] = [];
  beforeAll(async () => {
    steps = await countSteps();
  });

  test("the count covers every kind of operation", () => {
    const kinds = new Set(steps.map((op) => op.split(" ")[0]));
    expect([...kinds].sort()).toEqual(["close", "create", "link", "mkdir", "remove", "rename", "rmdir", "sync", "syncFolder", "write"]);
    expect(steps.length).toBeGreaterThan(60);
  });

  test("before the set is complete, leaves the folder byte- and entry-identical and says so; after, publishes and leaves only what the next build removes", async () => {
    let refused = 0;
    for (let k = 1; k <= steps.length + 1; k++) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      await writeAtomically(dir, earlier, fast);
      const before = folderSnapshot(dir);
      const outcome = await writeAtomically(dir, later, { io: faultyIo(k, withoutFlush) }).catch((e: unknown) => e);
      if (outcome instanceof OutputWriteError) {
        refused++;
        expect({ k, step: steps[k - 1], after: folderSnapshot(dir) }).toEqual({ k, step: steps[k - 1], after: before });
        expect(outcome.restored).toBe(true);
        expect(outcome.message).toMatch(/^the output could not be written \(ENOSPC: no space left on device, .*\); the previous output is untouched$/);
        continue;
      }
      if (outcome instanceof Error) throw outcome;
      // Published: every file new. What it could not remove is hidden and reported (or is the lock or the journal,
      // which the next build takes over), and the next build removes it.
      const after = names(folderSnapshot(dir));
      const hidden = (name: string) => name !== ".patrika-manifest.json" && name.split("/").pop()!.startsWith(".");
      const files = (list: string[]) => list.filter((name) => !name.endsWith("/") && !hidden(name));
      expect({ k, step: steps[k - 1], files: files(after) }).toEqual({ k, step: steps[k - 1], files: files(expectedLater) });
      expect(later.slice(0, -1).map((f) => read(f.name))).toEqual(later.slice(0, -1).map((f) => f.content));
      const reported = [...(outcome as WriteResult).leftovers.map((path) => path.slice(dir.length + 1)), ".patrika.lock", ".patrika-journal.json"];
      expect({ k, unreported: after.filter((name) => hidden(name) && !reported.includes(name)) }).toEqual({ k, unreported: [] });
      await writeAtomically(dir, later, fast);
      expect({ k, names: names(folderSnapshot(dir)) }).toEqual({ k, names: expectedLater });
    }
    // Every step up to the last rename and its folder flush is one where the set is not yet complete.
    const lastRename = steps.map((op) => op.startsWith("rename ") && op.endsWith(".patrika-manifest.json")).lastIndexOf(true);
    expect(refused).toBeGreaterThanOrEqual(lastRename + 1);
  });
});

test("a failure at any step of a first build into a folder that does not exist yet leaves no folder behind", async () => {
  const target = join(dir, "site", "dist");
  const counting = faultyIo(undefined, withoutFlush);
  await writeAtomically(target, later, { io: counting });
  expect(counting.log.slice(0, 2)).toEqual([`mkdir ${join(dir, "site")}`, `mkdir ${target}`]);
  let failed = 0;
  for (let k = 1; k <= counting.log.length; k++) {
    rmSync(join(dir, "site"), { recursive: true, force: true });
    const outcome = await writeAtomically(target, later, { io: faultyIo(k, withoutFlush) }).catch((e: unknown) => e);
    if (!(outcome instanceof OutputWriteError)) continue;
    failed++;
    expect({ k, left: readdirSync(dir) }).toEqual({ k, left: [] });
  }
  expect(failed).toBeGreaterThan(40);
});

describe("a build killed at any step is finished by the next one", () => {
  /**
   * An io that stops at step k for good, as a killed process does: that operation and every later one never happen.
   * `idle` settles once the build has reached step k and the operations already under way have landed.
   */
  function killedAt(k: number): { io: WriteIo; idle: () => Promise<void> } {
    const counting = faultyIo(undefined, withoutFlush);
    const never = new Promise<never>(() => undefined);
    let stopped: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (stopped = resolve));
    const halt = () => {
      stopped();
      return never;
    };
    const inFlight = new Set<Promise<unknown>>();
    const track = <T>(promise: Promise<T>) => {
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
      return promise;
    };
    const gate = <A extends unknown[], T>(run: (...args: A) => Promise<T>) => (...args: A): Promise<T> => (counting.log.length >= k - 1 ? halt() : track(run(...args)));
    const io: WriteIo = {
      mkdir: gate(counting.mkdir),
      rmdir: gate(counting.rmdir),
      syncFolder: gate(counting.syncFolder),
      link: gate(counting.link),
      rename: gate(counting.rename),
      remove: gate(counting.remove),
      create: gate(async (path: string) => {
        const handle = await counting.create(path);
        open.add(handle);
        const close = () => handle.close().finally(() => open.delete(handle));
        return { write: gate(handle.write), sync: gate(handle.sync), close: gate(close) };
      }),
    };
    const open = new Set<WriteHandle>();
    const idle = async () => {
      await reached;
      do {
        await Promise.allSettled([...inFlight]);
        await new Promise((resolve) => setImmediate(resolve)); // and whatever those settled set going
      } while (inFlight.size > 0);
      await Promise.all([...open].map((handle) => handle.close())); // as the kernel closes a killed process's files
    };
    return { io, idle };
  }

  test("the folder then holds exactly the earlier set or exactly the killed build's set, nothing else", async () => {
    const steps = await countSteps();
    const reference = mkdtempSync(join(tmpdir(), "patrika-reference-"));
    // What readers see, and the manifest that says which build they are: the published files (hidden ones, such as a temporary the killed build had begun, are not
    // part of the set; the next build sweeps them, which the last check below proves).
    const contents = (at: string) =>
      folderSnapshot(at)
        .map((line) => line.split(" ").slice(0, 2).join(" "))
        .filter((line) => line.startsWith(".patrika-manifest.json ") || !line.split(" ")[0]!.split("/").pop()!.startsWith("."));
    try {
      await writeAtomically(reference, earlier, fast);
      const old = contents(reference);
      await writeAtomically(reference, later, fast);
      const fresh = contents(reference);
      const seen = { old: 0, fresh: 0 };
      for (let k = 1; k <= steps.length; k++) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir);
        await writeAtomically(dir, earlier, fast);
        const killed = killedAt(k);
        void writeAtomically(dir, later, { io: killed.io }).catch(() => undefined); // never settles: "killed"
        await killed.idle();
        rmSync(join(dir, ".patrika.lock"), { force: true }); // the killed process's lock, as a takeover removes it
        await recover(withoutFlush, dir);
        const now = contents(dir);
        const whole = JSON.stringify(now) === JSON.stringify(old) ? "old" : JSON.stringify(now) === JSON.stringify(fresh) ? "fresh" : undefined;
        expect({ k, step: steps[k - 1], whole }).toEqual({ k, step: steps[k - 1], whole: expect.stringMatching(/^(old|fresh)$/) });
        seen[whole!]++;
        await writeAtomically(dir, later, fast);
        expect({ k, names: names(folderSnapshot(dir)) }).toEqual({ k, names: expectedLater });
      }
      expect(seen.old).toBeGreaterThan(10);
      expect(seen.fresh).toBeGreaterThan(5);
    } finally {
      rmSync(reference, { recursive: true, force: true });
    }
  });
});

test("temporaries left without a journal are swept beside patrika's own files only", async () => {
  await writeAtomically(dir, earlier);
  const left = [".rss.xml.4242-2.tmp", "sports/.rss.xml.0123456789ab-3.bak", "..patrika-manifest.json.4242.tmp", "..patrika-journal.json.0123456789ab.tmp"];
  const foreign = [".index.html.4242.tmp", ".rss.xml.swp", "sports/.scores.json.0123456789ab-1.tmp"];
  for (const name of [...left, ...foreign]) writeFileSync(join(dir, name), "left behind");
  await writeAtomically(dir, earlier);
  const remaining = names(folderSnapshot(dir)).filter((name) => name.split("/").pop()!.startsWith(".") && name !== ".patrika-manifest.json");
  expect(remaining.sort()).toEqual([...foreign].sort());
});

test("a journal patrika cannot read stops the build with a clear error and changes nothing", async () => {
  await writeAtomically(dir, earlier, fast);
  writeFileSync(join(dir, ".patrika-journal.json"), "{ half a journ");
  const before = folderSnapshot(dir);
  await expect(writeAtomically(dir, later)).rejects.toThrow(`${join(dir, ".patrika-journal.json")} is not a journal this version of patrika can finish`);
  expect(folderSnapshot(dir)).toEqual(before);
  expect(readdirSync(dir)).not.toContain(".patrika.lock");
});
