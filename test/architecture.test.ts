/**
 * The shape of src/, checked on the imports the compiler emits (type-only imports vanish, as in dist/): no import
 * circle, imports flow one way through the pipeline, and only the stages that do I/O touch the file system.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const SRC = "src";

/** Every .ts file below src/, as a path relative to it. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [relative(SRC, path)] : [];
  });
}

/** The modules a file imports at run time: relative ones as src paths, others by their package name. */
function runtimeImports(file: string): string[] {
  const output = ts.transpileModule(readFileSync(join(SRC, file), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, isolatedModules: true },
  }).outputText;
  const specifiers = [...output.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"([^"]+)"|import\("([^"]+)"\)|(?:^|\n)\s*import\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((spec) => (spec.startsWith(".") ? join(dirname(file), spec).replace(/\.js$/, ".ts") : spec));
}

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, runtimeImports(file)]));
/** The folder a file belongs to ("" for the files at the top of src/). */
const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : "");

test("the import graph is read as the compiler emits it", () => {
  expect(graph.get("build/index.ts")).toEqual(expect.arrayContaining(["normalise/site.ts", "write/atomic.ts", "node:path"]));
  expect(graph.get("model.ts")).toEqual([]); // it imports types only
});

test("no import circle anywhere in src/", () => {
  const circles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") return void circles.push([...path.slice(path.indexOf(file)), file].join(" → "));
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of files) visit(file, []);
  expect(circles).toEqual([]);
});

/**
 * What each folder may import (besides itself): cli → build → config, load → normalise (→ dates) → render → write.
 * The files at the top of src/ (model, outputs, limits, diagnostics, text, version) are shared facts every stage may read.
 */
const ALLOWED: Record<string, readonly string[]> = {
  "": ["", "dates"],
  dates: [],
  config: ["", "dates"],
  load: [""],
  normalise: ["", "dates"],
  render: ["", "dates"],
  write: [""],
  publish: ["", "render"],
  sources: ["", "load"],
  integrations: ["", "build", "config", "dates", "load", "normalise"],
  build: ["", "config", "load", "sources", "normalise", "render", "write", "dates"],
  import: ["", "config", "dates", "load", "normalise"],
  cli: ["", "build", "config", "dates", "import", "load", "normalise", "publish", "render", "sources", "write"],
};

test("imports flow one way through the pipeline; dates/ is a leaf", () => {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    const folder = folderOf(file);
    if (file === "index.ts") continue; // the public API re-exports every stage
    const allowed = ALLOWED[folder];
    if (!allowed) {
      wrong.push(`${file}: folder "${folder}" has no rule in this test`);
      continue;
    }
    for (const target of imports.filter((spec) => graph.has(spec))) {
      const to = folderOf(target);
      if (to !== folder && !allowed.includes(to)) wrong.push(`${file} imports ${target}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("only load/, build/, write/, config/, import/, publish/ and cli/ touch the file system or threads", () => {
  const pure = new Set(["", "dates", "normalise", "render", "sources"]); // integrations/ adapt other tools and may read their files
  const io = [...graph].filter(([file, imports]) => pure.has(folderOf(file)) && imports.some((spec) => /^(node:)?(fs|fs\/promises|worker_threads|child_process)$/.test(spec)));
  expect(io.map(([file]) => file)).toEqual([]);
});
