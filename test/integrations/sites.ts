/**
 * Runs a real site generator (Astro, Eleventy, installed from npm as devDependencies) on a fresh copy of a fixture
 * site, and maps the links patrika wrote back to the files the generator wrote.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { FIXTURE_NOW } from "../support/fixtures.js";
import { checkRules, validateOutput } from "../support/validate.js";

const REPO = process.cwd();

/**
 * A fresh copy of test/fixtures/<name> inside test/artifacts/ (git-ignored): inside the repository, so the site's
 * `import … from "patrika/astro"` resolves to this package through its own `exports` map (dist/), and the tools
 * resolve from its node_modules, as in a newsroom's repository where patrika is installed.
 */
export function copySite(name: string): { root: string; remove: () => void } {
  requireCompiled();
  const parent = join(REPO, "test", "artifacts");
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, `${name}-`));
  cpSync(join(REPO, "test", "fixtures", name), root, { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The integrations are imported from dist/ (the package's exports): a missing or stale build would test old code. */
function requireCompiled(): void {
  const sources = ["src/integrations/astro.ts", "src/integrations/eleventy.ts", "src/integrations/report.ts", "src/build/entries.ts", "src/build/index.ts"];
  const compiled = join(REPO, "dist", "integrations", "astro.js");
  if (!existsSync(compiled)) throw new Error("dist/ is missing: run `npm run compile` first (npm test does)");
  const stale = sources.filter((file) => statSync(join(REPO, file)).mtimeMs > statSync(compiled).mtimeMs);
  if (stale.length > 0) throw new Error(`dist/ is older than ${stale.join(", ")}: run \`npm run compile\` first (npm test does)`);
}

export interface Run {
  code: number | null;
  output: string;
}

/** Runs a tool's command line (node <bin> …) in `cwd` with the fixtures' now as SOURCE_DATE_EPOCH; never throws. */
export function runTool(bin: string, args: readonly string[], cwd: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: String(FIXTURE_NOW.getTime() / 1000), NO_COLOR: "1", ASTRO_TELEMETRY_DISABLED: "1" };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is for the suite, not for the tools
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO, "node_modules", bin), ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, output }));
  });
}

/** Every file below a folder, as POSIX paths relative to it. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split("\\").join("/"))
    .sort();
}

/**
 * The file a page URL is served from in an output folder published at `siteUrl`: `…/news/flood/` is
 * `news/flood/index.html`, `…/news/flood.html` is itself. Undefined when the URL is not below the site.
 */
export function pageFile(url: string, siteUrl: string): string | undefined {
  if (!url.startsWith(`${siteUrl}/`)) return undefined;
  const path = decodeURIComponent(url.slice(siteUrl.length + 1));
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** Every XML and JSON output patrika wrote validates (schemas, spec rules); the report is JSON that parses. */
export async function expectValidOutputs(outDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const content = readFileSync(join(outDir, name), "utf8");
    expect({ name, errors: await validateOutput(name, content) }).toEqual({ name, errors: [] });
    if (name.endsWith(".xml")) expect(checkRules(join(outDir, name))).toMatch(/^PASS\t/);
  }
}

/** The feeds, sitemaps and report in an output folder (the site generator writes pages and assets, never these). */
export function feedFiles(outDir: string): string[] {
  return filesBelow(outDir).filter((name) => /\.xml$|(^|\/)feed\.json$|^patrika-report\.json$/.test(name));
}
