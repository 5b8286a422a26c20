/**
 * Hugo and Jekyll themselves build the Hugo- and Jekyll-shaped fixtures (Debian's hugo and jekyll, installed by
 * .ci/run), and patrika builds the same content: every URL patrika publishes must be a page the generator wrote, and
 * every article page the generator wrote must be in patrika's sitemap. test/sources/sources.test.ts checks the same
 * sites from patrika's side alone (fields, drafts, validity).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { build } from "../../src/build/index.js";
import { FIXTURE_NOW } from "../support/fixtures.js";
import { filesBelow, pageFile } from "./sites.js";

const installed = (...command: string[]) => spawnSync(command[0]!, command.slice(1), { encoding: "utf8" }).status === 0;
const TOOLS = { hugo: installed("hugo", "version"), jekyll: installed("jekyll", "--version") };
for (const [tool, present] of Object.entries(TOOLS)) {
  if (!present && !process.env.CI) console.warn(`${tool} is not installed: its site test is skipped here (CI installs it with apt-get).`);
}
const suiteFor = (tool: keyof typeof TOOLS) => (TOOLS[tool] || process.env.CI ? describe : describe.skip);

interface Built {
  /** What the generator wrote, as paths below its output folder. */
  pages: string[];
  /** patrika's output folder. */
  out: string;
  siteUrl: string;
  cleanup: () => void;
}

/** Copies test/fixtures/<name>, runs the generator on the copy, and builds patrika from the same copy. */
async function buildBoth(name: "hugo" | "jekyll", generate: (site: string, destination: string) => string[]): Promise<Built> {
  const root = mkdtempSync(join(tmpdir(), `patrika-${name}-site-`));
  const site = join(root, "site");
  const destination = join(root, "public");
  cpSync(join("test", "fixtures", name), site, { recursive: true });
  const [tool, ...args] = generate(site, destination);
  // The generators read the machine's clock for drafts and expiry; every fixture date is long past, so any clock
  // after 2025-07-14 gives the same pages.
  const run = spawnSync(tool!, args, { cwd: site, encoding: "utf8", env: { ...process.env, JEKYLL_ENV: "production" } });
  if (run.status !== 0) throw new Error(`${tool} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const out = join(root, "patrika");
  const report = await build({ now: FIXTURE_NOW, configFile: join(site, "patrika.config.json"), outDir: out });
  expect(report.status).toBe("ok");
  const siteUrl = JSON.parse(readFileSync(join(site, "patrika.config.json"), "utf8")).siteUrl.replace(/\/$/, "");
  return { pages: filesBelow(destination), out, siteUrl, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

/** Every link a reader or crawler follows from patrika's files: items of every feed, and every sitemap entry. */
async function publishedUrls(built: Built): Promise<string[]> {
  const urls = new Set<string>();
  for (const file of filesBelow(built.out)) {
    const text = readFileSync(join(built.out, file), "utf8");
    if (/(^|\/)(rss|atom)\.xml$/.test(file)) for (const item of (await new Parser().parseString(text)).items) urls.add(item.link!);
    if (/(^|\/)feed\.json$/.test(file)) for (const item of JSON.parse(text).items) urls.add(item.url);
    if (/sitemap(-\d+)?\.xml$/.test(file)) for (const url of locs(text)) urls.add(url);
  }
  return [...urls].sort();
}

/** Each URL with whether the generator wrote the page it names. */
const served = (built: Built, urls: readonly string[]) => urls.map((url) => ({ url, page: built.pages.includes(pageFile(url, built.siteUrl) ?? "") }));

suiteFor("hugo")("the Hugo-shaped site, built by Hugo", () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildBoth("hugo", (site, destination) => ["hugo", "--quiet", "--source", site, "--destination", destination]);
  });
  afterAll(() => built?.cleanup());

  test("every URL in patrika's feeds and sitemaps is a page Hugo wrote", async () => {
    const urls = await publishedUrls(built);
    expect(urls).toContain("https://hugo.example.org/sports/2025/07/cricket-final/");
    expect(served(built, urls)).toEqual(urls.map((url) => ({ url, page: true })));
  });

  test("patrika's sitemap lists exactly the pages of Hugo's own sitemap", () => {
    const hugoSitemap = locs(readFileSync(join(built.out, "..", "public", "sitemap.xml"), "utf8")).sort();
    expect(locs(readFileSync(join(built.out, "sitemap.xml"), "utf8")).sort()).toEqual(hugoSitemap);
  });
});

suiteFor("jekyll")("the Jekyll-shaped site, built by Jekyll", () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildBoth("jekyll", (site, destination) => ["jekyll", "build", "--quiet", "--source", site, "--destination", destination]);
  });
  afterAll(() => built?.cleanup());

  test("every URL in patrika's feeds and sitemaps is a page Jekyll wrote (below the site's base path), or the home page", async () => {
    const urls = await publishedUrls(built);
    expect(urls).toContain("https://jekyll.example.org/blog/bangladesh/2025/07/13/flood-sylhet.html");
    // The site has no category pages ("categoryPages": false), so none is listed; the home page is the theme's (this
    // fixture has none): everything else must be a page.
    const home = `${built.siteUrl}/`;
    expect(urls).toContain(home);
    const pages = urls.filter((url) => url !== home);
    expect(served(built, pages)).toEqual(pages.map((url) => ({ url, page: true })));
  });

  test("every post Jekyll published is in patrika's sitemap, and the unpublished one in neither", () => {
    const posts = built.pages.filter((page) => page.endsWith(".html")).map((page) => `${built.siteUrl}/${page.replace(/index\.html$/, "")}`);
    expect(posts.sort()).toEqual(["https://jekyll.example.org/blog/bangladesh/2025/07/13/flood-sylhet.html", "https://jekyll.example.org/blog/bazar/vegetable-market/"]);
    const sitemap = locs(readFileSync(join(built.out, "sitemap.xml"), "utf8"));
    for (const post of posts) expect(sitemap).toContain(post);
    expect(sitemap.some((url) => url.includes("old-notice"))).toBe(false);
  });
});
