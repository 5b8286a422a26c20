/**
 * The Astro adapter's translation, hook by hook, without Astro: which URL each combination of Astro's settings gives,
 * and how a wrong route or a broken article fails the build. The real `astro build` is in astro.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import patrika, { type PatrikaAstroOptions } from "../../src/integrations/astro.js";
import { FIXTURE_NOW } from "../support/fixtures.js";

const ARTICLES = "test/fixtures/astro-site/src/content/news";
const PAGES = ["", "news/cricket-final/", "news/flood-sylhet/", "news/নৌকাবাইচ/", "news/shelters/", "sports/", "bangladesh/"];

interface Settings {
  site?: string;
  base?: string;
  trailingSlash?: "always" | "never" | "ignore";
  format?: "directory" | "file" | "preserve";
}

/** Runs both hooks as Astro calls them; returns the RSS written and what was logged. */
async function runHooks(settings: Settings, options: Partial<PatrikaAstroOptions> = {}, pages = PAGES) {
  const out = mkdtempSync(join(tmpdir(), "patrika-astro-hooks-"));
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`) };
  const integration = patrika({ articles: ARTICLES, now: FIXTURE_NOW, ...options });
  const config = { site: settings.site, base: settings.base ?? "/", trailingSlash: settings.trailingSlash ?? "ignore", build: { format: settings.format ?? "directory" }, root: pathToFileURL(`${process.cwd()}/`) };
  const hooks = integration.hooks as Record<string, (arg: unknown) => Promise<void> | void>;
  try {
    await hooks["astro:config:done"]!({ config, logger });
    await hooks["astro:build:done"]!({ dir: pathToFileURL(`${out}/`), pages: pages.map((pathname) => ({ pathname })), logger });
    return { rss: readFileSync(join(out, "rss.xml"), "utf8"), logged };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
const links = (rss: string) => [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);

test.each([
  [{ trailingSlash: "always" }, undefined, "https://x.example.org/news/cricket-final/"],
  [{ trailingSlash: "never" }, undefined, "https://x.example.org/news/cricket-final"],
  [{ trailingSlash: "ignore", format: "directory" }, undefined, "https://x.example.org/news/cricket-final/"],
  [{ trailingSlash: "ignore", format: "file" }, undefined, "https://x.example.org/news/cricket-final"],
  [{ trailingSlash: "never" }, "/news/:slug/", "https://x.example.org/news/cricket-final/"],
  [{ trailingSlash: "always" }, "/:category/:slug.html", "https://x.example.org/sports/cricket-final.html"],
  [{ trailingSlash: "always", base: "/bn/" }, "/:year/:month/:slug", "https://x.example.org/bn/2025/07/cricket-final/"],
] as const)("Astro %j with permalink %s gives %s", async (settings, permalink, expected) => {
  const { rss } = await runHooks({ site: "https://x.example.org", ...settings }, { checkLinks: false, ...(permalink ? { permalink } : {}) });
  expect(links(rss)).toContain(expected);
});

test("the default route is the collection folder's name", async () => {
  const { rss, logged } = await runHooks({ site: "https://x.example.org", trailingSlash: "always" });
  expect(links(rss)[1]).toBe("https://x.example.org/news/cricket-final/");
  expect(logged).toEqual(["info 14 files for 4 articles: rss.xml, atom.xml, feed.json, bangladesh/rss.xml, bangladesh/atom.xml, bangladesh/feed.json, sports/rss.xml, sports/atom.xml, sports/feed.json, news-sitemap.xml, news-sitemap-index.xml, sitemap.xml, sitemap-index.xml, patrika-report.json"]);
});

test("without `site` the integration refuses at config time, saying what to set", async () => {
  await expect(runHooks({})).rejects.toThrow("patrika: set `site` in astro.config");
});

test("an article URL that is no page Astro built fails the build, naming the file and the URL; a missing category page warns", async () => {
  const pages = PAGES.filter((p) => p !== "news/shelters/" && p !== "bangladesh/");
  await expect(runHooks({ site: "https://x.example.org", trailingSlash: "always" }, {}, pages)).rejects.toThrow(
    `patrika: 1 article URL(s) are not pages Astro built (is the permalink option "/news/:slug/" the route of the article pages?):\n  ${ARTICLES}/shelters.md: https://x.example.org/news/shelters/`,
  );
  const { logged } = await runHooks({ site: "https://x.example.org", trailingSlash: "always" }, { checkLinks: true }, PAGES.filter((p) => p !== "bangladesh/"));
  expect(logged[0]).toBe("warn the sitemap lists https://x.example.org/bangladesh/, which is not a page Astro built");
  const unchecked = await runHooks({ site: "https://x.example.org", trailingSlash: "always" }, { checkLinks: false }, []);
  expect(links(unchecked.rss)).toHaveLength(4);
});

test("an invalid article fails the build with every diagnostic, located", async () => {
  const folder = mkdtempSync(join(tmpdir(), "patrika-astro-bad-"));
  try {
    writeFileSync(join(folder, "bad.md"), '---\ntitle: "ভুল তারিখ"\ndate: "৩১ ফেব্রুয়ারি ২০২৫"\n---\nলেখা\n');
    await expect(runHooks({ site: "https://x.example.org" }, { articles: folder })).rejects.toThrow(
      new RegExp(`^patrika: 1 error\\(s\\) in the articles; dist/ holds Astro's pages but no feeds\\.\\n${folder}/bad\\.md:3:8: error \\[date\\.impossible-date\\] date:`),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the integration's type is an AstroIntegration as Astro 5 declares it (patrika declares its own, see src/integrations/astro.ts)", () => {
  mkdirSync("test/artifacts", { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), "test", "artifacts", "astro-types-"));
  try {
    const file = join(dir, "astro.config.ts");
    writeFileSync(file, 'import type { AstroIntegration } from "astro";\nimport patrika from "patrika/astro";\nexport const integration: AstroIntegration = patrika({ articles: "src/content/news" });\n');
    const tsc = join(process.cwd(), "node_modules", "typescript", "bin", "tsc");
    const run = () => execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", file], { encoding: "utf8" });
    expect(run()).toBe("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

