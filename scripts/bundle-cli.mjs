// Bundles the compiled CLI (dist/cli/main.js and the worker script, as tsc emitted them) into dist/bin/, the
// package's `bin`. Why (docs/adr/0010-bundled-cli.md): Node 20 loads ES modules one file at a time, and zod alone is
// 95 files, so every build and every worker thread spent ~60 ms importing before it read an article. The library
// (dist/index.js and the integrations) stays as tsc emitted it.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bin");

// Bundled: what every build and `patrika date` start with. Left as packages: what only some commands load, on
// first use (the config compiler, the watcher, the importers, Markdown, which body.ts requires lazily).
const BUNDLED = new Set(["zod", "commander", "js-yaml", "smol-toml", "picocolors"]);
const { dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const unknown = [...BUNDLED].filter((name) => !(name in dependencies));
if (unknown.length > 0) throw new Error(`bundle-cli: ${unknown.join(", ")} not in package.json dependencies`);

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  // The worker keeps its name and folder relation: build/workers.js starts `new URL("./worker.js", import.meta.url)`,
  // and in the bundle that code sits in a chunk beside it.
  entryPoints: { patrika: join(root, "dist", "cli", "main.js"), worker: join(root, "dist", "build", "worker.js") },
  outdir,
  bundle: true,
  splitting: true, // each command's dynamic import stays a separate file, loaded only by that command
  format: "esm",
  platform: "node",
  target: "node20",
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS: its require() calls of node: modules need a require in an ES module.
  banner: { js: 'import { createRequire as __patrikaRequire } from "node:module"; const require = __patrikaRequire(import.meta.url);' },
  // No source maps: the bundle is not minified, and each module's code follows a comment naming its file.
  metafile: true,
  logLevel: "warning",
});

// Which compiled modules each output file holds, for test/cli/startup.test.ts (which files a command loads).
const inputs = Object.fromEntries(
  Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .map(([file, output]) => [relative(root, join(process.cwd(), file)), Object.keys(output.inputs).map((input) => relative(root, join(process.cwd(), input)))]),
);
writeFileSync(join(outdir, "inputs.json"), `${JSON.stringify(inputs, null, 1)}\n`);
