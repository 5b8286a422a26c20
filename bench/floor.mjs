#!/usr/bin/env node
// The floor: list and read every article file, and nothing else, the fastest plain way (synchronous reads: for
// small page-cached files they beat fs/promises about 4×, and patrika reads the same way).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { glob } from "tinyglobby";

const dir = process.argv[2];
const files = await glob("**/*.md", { cwd: dir, onlyFiles: true, followSymbolicLinks: false });
let bytes = 0;
for (const file of files) bytes += readFileSync(join(dir, file)).length;
console.log(JSON.stringify({ files: files.length, bytes }));
