/**
 * The package as users get it: `npm pack`, install the tarball into an empty folder, then `npx patrika init` and
 * `npx patrika build` there, and import the library from it. Needs the npm registry (as `npm ci` does).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "patrika-pack-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["ignore", "pipe", "pipe"] });

test("the packed tarball installs in an empty folder and builds a site there", () => {
  run("npm", ["pack", "--pack-destination", dir, "--ignore-scripts"], process.cwd());
  const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"))!;
  const site = join(dir, "site");
  run("mkdir", [site], dir);
  run("npm", ["init", "-y"], site);
  run("npm", ["install", "--no-audit", "--no-fund", join(dir, tarball)], site);
  expect(run("npx", ["patrika", "--version"], site).trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  expect(run("npx", ["patrika", "init", "--site-url", "https://news.example.com"], site)).toContain("Created");
  expect(run("npx", ["patrika", "build", "--now", "2099-01-01T12:00:00+06:00"], site)).toContain("Built 1 article from 1 file");
  expect(readdirSync(join(site, "output"))).toContain("rss.xml");
  const api = run("node", ["--input-type=module", "-e", 'import { parseBengaliDate, defineConfig, build } from "patrika"; console.log(parseBengaliDate("২৯ আষাঢ় ১৪৩২").iso, typeof defineConfig, typeof build)'], site);
  expect(api.trim()).toBe("2025-07-13T00:00:00+06:00 function function");
  // A typed config that imports defineConfig from the installed package, and the preview page.
  rmSync(join(site, "patrika.config.json"));
  rmSync(join(site, "articles", "first-story.md"));
  expect(run("npx", ["patrika", "init", "--ts"], site)).toContain("patrika.config.ts");
  expect(readFileSync(join(site, "patrika.config.ts"), "utf8")).toContain('import { defineConfig } from "patrika";');
  expect(run("npx", ["patrika", "preview", "--now", "2099-01-01T12:00:00+06:00"], site)).toContain("index.html");
  expect(readFileSync(join(site, "output", "index.html"), "utf8")).toContain("প্রথম খবর");
  // Installing it runs no script of patrika's (npm warns about packages with install scripts): the tarball is compiled already.
  const scripts = (JSON.parse(run("tar", ["-xzOf", join(dir, tarball), "package/package.json"], dir)) as { scripts?: Record<string, string> }).scripts ?? {};
  expect(Object.keys(scripts).filter((name) => ["preinstall", "install", "postinstall", "prepare"].includes(name))).toEqual([]);
  // The package carries what runs and nothing else.
  const files = run("tar", ["-tzf", join(dir, tarball)], dir).split("\n").filter(Boolean);
  expect(files.every((f) => /^package\/(dist\/|schema\/|package\.json$|README\.md$)/.test(f))).toBe(true);
}, 180_000);
