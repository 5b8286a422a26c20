#!/usr/bin/env node
// The unchanged-rebuild floor: list every article file and stat it, reading none (what a build cache must do).
import { statSync } from "node:fs";
import { join } from "node:path";
import { glob } from "tinyglobby";

const dir = process.argv[2];
const files = await glob("**/*.md", { cwd: dir, onlyFiles: true, followSymbolicLinks: false });
let bytes = 0;
for (const file of files) bytes += statSync(join(dir, file)).size;
console.log(JSON.stringify({ files: files.length, bytes }));
