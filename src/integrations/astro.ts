/**
 * `patrika/astro`: an Astro integration that writes the feeds and the Google News sitemap into the site's output
 * after Astro's own build. A thin adapter: Astro's config gives the site URL, base path and trailing-slash rule,
 * patrika's `build()` reads the content collection's Markdown files as it reads any folder of articles, and the pages
 * Astro wrote are the proof that every article link leads to a page.
 */
import { basename, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../build/index.js";
import type { ConfigInput } from "../config/schema.js";
import { adapterNow } from "./now.js";
import { failureMessage, missingPages, warningLines } from "./report.js";

/** What the integration takes; everything but `articles` has a default. */
export interface PatrikaAstroOptions {
  /** The content collection's folder of Markdown articles (the glob loader's `base`), relative to the project root. */
  articles: string;
  /**
   * The article pages' route below `base`, in patrika's permalink tokens (`/news/:slug`, `/:category/:slug`);
   * default `/<the folder's name>/:slug`. Unless it ends in `/` or `.html`, the trailing slash follows Astro's
   * `trailingSlash` and `build.format`.
   */
  permalink?: string;
  /** patrika's config (title, timeZone, categories …); `siteUrl` and `permalink` come from Astro and the option above. */
  config?: Omit<ConfigInput, "siteUrl" | "permalink" | "articlesDir" | "outDir">;
  /** The build's now; default SOURCE_DATE_EPOCH, else the clock. */
  now?: Date;
  /** Fail the build when an article's URL is not a page Astro built (default true; false when article pages render on demand). */
  checkLinks?: boolean;
  /** Publish the valid articles and list the invalid ones, instead of failing the build. */
  skipInvalid?: boolean;
}

/**
 * The part of Astro's resolved config the integration reads (Astro 5's `AstroConfig`). Written out rather than
 * imported from "astro": Astro's types augment the global `HTMLElementTagNameMap` with its own elements, which,
 * without the DOM library, breaks every other package typed against it (turndown in src/import/).
 */
export interface AstroConfigLike {
  site?: string | undefined;
  base: string;
  root: URL;
  trailingSlash: "always" | "never" | "ignore";
  build: { format: "file" | "directory" | "preserve" };
}

/** Astro's integration logger, as far as it is used. */
interface AstroLoggerLike {
  info(message: string): void;
  warn(message: string): void;
}

/** An Astro integration (Astro 5's `AstroIntegration`) with the two hooks this one uses. */
export interface PatrikaAstroIntegration {
  name: string;
  hooks: {
    "astro:config:done": (options: { config: AstroConfigLike }) => void;
    "astro:build:done": (options: { dir: URL; pages: { pathname: string }[]; logger: AstroLoggerLike }) => Promise<void>;
  };
}

/** What the integration needs from Astro's resolved config. */
interface SiteShape {
  siteUrl: string;
  permalink: string;
  articlesDir: string;
}

/**
 * The integration: add it to `integrations` in astro.config.mjs.
 * @example integrations: [patrika({ articles: "src/content/news", permalink: "/news/:slug", config: { title: "দৈনিক উদাহরণ" } })]
 */
export default function patrika(options: PatrikaAstroOptions): PatrikaAstroIntegration {
  let shape: SiteShape | undefined;
  return {
    name: "patrika",
    hooks: {
      "astro:config:done": ({ config }) => {
        shape = siteShape(config, options);
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (!shape) throw new Error("patrika: astro:config:done did not run before astro:build:done");
        const report = await build({
          config: { ...options.config, siteUrl: shape.siteUrl, permalink: shape.permalink },
          articlesDir: shape.articlesDir,
          outDir: fileURLToPath(dir),
          now: adapterNow(options.now),
          skipInvalid: options.skipInvalid ?? false,
        });
        for (const line of warningLines(report)) logger.warn(line);
        if (report.status !== "ok" || !report.site) throw new Error(failureMessage(report, "dist/ holds Astro's pages but no feeds"));
        if (options.checkLinks !== false) {
          const built = pages.map((page) => page.pathname);
          const missing = missingPages(report.site, shape.siteUrl, built);
          for (const url of missing.others) logger.warn(`the sitemap lists ${url}, which is not a page Astro built`);
          if (missing.articles.length > 0) {
            throw new Error(`patrika: ${missing.articles.length} article URL(s) are not pages Astro built (is the permalink option "${shape.permalink}" the route of the article pages?):\n${missing.articles.map((m) => `  ${m.file}: ${m.url}`).join("\n")}`);
          }
        }
        logger.info(`${report.files.length} files for ${report.site.articles.length} articles: ${report.files.map((f) => f.name).join(", ")}`);
      },
    },
  };
}

/** Astro's `site` and `base` as patrika's siteUrl, the article route with Astro's trailing slash, the folder from the root. */
function siteShape(config: AstroConfigLike, options: PatrikaAstroOptions): SiteShape {
  if (!config.site) throw new Error('patrika: set `site` in astro.config (e.g. site: "https://www.example.com"): feeds and sitemaps need absolute URLs');
  const root = fileURLToPath(config.root);
  const folder = isAbsolute(options.articles) ? options.articles : join(root, options.articles);
  const pattern = options.permalink ?? `/${basename(folder)}/:slug`;
  return {
    siteUrl: new URL(config.base, config.site).href.replace(/\/+$/, ""),
    permalink: withTrailingSlash(pattern, config),
    articlesDir: displayPath(folder),
  };
}

/**
 * A pattern's ending as Astro writes its URLs: a slash with `trailingSlash: "always"`, none with `"never"`, and with
 * `"ignore"` the form `build.format` gives the page (`directory`: news/flood/index.html, served as /news/flood/).
 */
function withTrailingSlash(pattern: string, config: Pick<AstroConfigLike, "trailingSlash" | "build">): string {
  if (pattern.endsWith("/") || pattern.endsWith(".html")) return pattern;
  const slash = config.trailingSlash === "always" || (config.trailingSlash === "ignore" && config.build.format === "directory");
  return slash ? `${pattern}/` : pattern;
}

/** Diagnostics name files relative to the working directory, as the CLI's do. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === "" || shown.startsWith("..") ? path : shown;
}
