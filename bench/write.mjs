#!/usr/bin/env node
// The writer alone: publishing N files over an earlier build of the same N files (every file replaced, as a
// rebuild does), on the real disk with every fsync. Median of --runs after one warm-up, per size.
// Usage: node bench/write.mjs [--sizes 45,450,3000] [--runs 7] [--writer dist/write/atomic.js]
// --writer takes another build's compiled atomic.js, to compare two versions of the writer on one machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const sizes = arg("sizes", "45,450,3000").split(",").map(Number);
const runs = Number(arg("runs", "7"));
const { writeAtomically } = await import(pathToFileURL(resolve(arg("writer", "dist/write/atomic.js"))).href);

/** N outputs shaped like a build's: a few root files, category folders of three feeds, archive pages. */
function outputs(n, round) {
  const files = [];
  for (let i = 0; files.length < n; i++) {
    const folder = i < 8 ? "" : i % 3 === 0 ? `archive/` : `category-${i % 40}/`;
    files.push({ name: `${folder}file-${i}.xml`, content: `<?xml version="1.0"?>\n<feed round="${round}">${"<entry>বাংলা খবর</entry>".repeat(40 + (i % 50))}</feed>\n` });
  }
  return files;
}

const results = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "patrika-write-bench-"));
  try {
    await writeAtomically(dir, outputs(n, 0));
    const times = [];
    for (let r = 0; r <= runs; r++) {
      const files = outputs(n, r + 1);
      const started = process.hrtime.bigint();
      await writeAtomically(dir, files);
      if (r > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    results.push({ files: n, medianMs: Math.round(times[times.length >> 1]), minMs: Math.round(times[0]), maxMs: Math.round(times.at(-1)) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(results));
