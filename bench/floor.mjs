#!/usr/bin/env node
// The floor: list and read every article file, and nothing else (bounded concurrency, as patrika reads).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { glob } from "tinyglobby";

const dir = process.argv[2];
const files = await glob("**/*.md", { cwd: dir, onlyFiles: true, followSymbolicLinks: false });
let bytes = 0;
for (let i = 0; i < files.length; i += 64) {
  for (const content of await Promise.all(files.slice(i, i + 64).map((f) => readFile(join(dir, f))))) bytes += content.length;
}
console.log(JSON.stringify({ files: files.length, bytes }));
