/**
 * patrika/astro beside @astrojs/sitemap (issue 14): most Astro sites already write their sitemap with it, and both
 * tools would write `sitemap-index.xml`. With `sitemap: false` patrika writes only the feeds and the Google News
 * sitemap, which @astrojs/sitemap lacks, and the site's own sitemap stays; without it the clash is refused, naming
 * the file, never resolved by replacing one tool's file with the other's.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copySite, filesBelow, runTool, type Run } from "./sites.js";

/** A copy of the Astro fixture with @astrojs/sitemap before patrika, and patrika's config given `extra`; built. */
async function buildWithAstroSitemap(extra: string): Promise<Run & { dist: string; remove: () => void }> {
  const site = copySite("astro-site");
  const file = join(site.root, "astro.config.mjs");
  const config = readFileSync(file, "utf8")
    .replace('import patrika from "patrika/astro";', 'import patrika from "patrika/astro";\nimport sitemap from "@astrojs/sitemap";')
    .replace("integrations: [\n", "integrations: [\n    sitemap(),\n")
    .replace('timeZone: "Asia/Dhaka",', `timeZone: "Asia/Dhaka",${extra}`);
  writeFileSync(file, config);
  return { ...(await runTool("astro/astro.js", ["build"], site.root)), dist: join(site.root, "dist"), remove: site.remove };
}

let together: Awaited<ReturnType<typeof buildWithAstroSitemap>>;
let clashing: Awaited<ReturnType<typeof buildWithAstroSitemap>>;
beforeAll(async () => {
  [together, clashing] = await Promise.all([buildWithAstroSitemap(" sitemap: false,"), buildWithAstroSitemap("")]);
}, 300_000);
afterAll(() => [together, clashing].forEach((b) => b?.remove()));

test("with sitemap: false both build into dist/: @astrojs/sitemap's sitemap, patrika's feeds and news sitemap", () => {
  expect({ code: together.code, output: together.code === 0 ? "" : together.output }).toEqual({ code: 0, output: "" });
  const files = filesBelow(together.dist).filter((name) => /\.xml$|feed\.json$/.test(name) && !name.includes("/"));
  expect(files).toEqual(["atom.xml", "feed.json", "news-sitemap-index.xml", "news-sitemap.xml", "rss.xml", "sitemap-0.xml", "sitemap-index.xml"]);
  // The index is @astrojs/sitemap's: it names its own part, not patrika's sitemap.xml (which was not written).
  expect(readFileSync(join(together.dist, "sitemap-index.xml"), "utf8")).toContain("<loc>https://www.example-astro.com.bd/bn/sitemap-0.xml</loc>");
  expect(existsSync(join(together.dist, "sitemap.xml"))).toBe(false);
  expect(readFileSync(join(together.dist, "news-sitemap.xml"), "utf8")).toContain("<loc>https://www.example-astro.com.bd/bn/news/cricket-final/</loc>");
});

test("without it the build fails naming @astrojs/sitemap's sitemap-index.xml, which stays as that tool wrote it", () => {
  expect(clashing.code).not.toBe(0);
  expect(clashing.output).toContain("sitemap-index.xml");
  expect(clashing.output).toContain("output.foreign-file");
  expect(readFileSync(join(clashing.dist, "sitemap-index.xml"), "utf8")).toContain("sitemap-0.xml");
});
