/** What the site-generator adapters tell their tool about a build: its problems as text, and links without a page. */
import { formatDiagnostic } from "../diagnostics.js";
import type { BuildReport, Site } from "../model.js";

/** The warnings of a build, one formatted diagnostic each. */
export function warningLines(report: Pick<BuildReport, "diagnostics">): string[] {
  return report.diagnostics.filter((d) => d.severity === "warning").map(formatDiagnostic);
}

/** Why a build wrote nothing, for the tool to fail with: every error, located, and what is left. */
export function failureMessage(report: Pick<BuildReport, "status" | "diagnostics">, left: string): string {
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  const what = report.status === "config-error" ? "the config is invalid" : report.status === "write-error" ? "the output could not be written" : `${errors.length} error(s) in the articles`;
  return `patrika: ${what}; ${left}.\n${errors.map(formatDiagnostic).join("\n")}`;
}

/**
 * The site's links that are not among the pages the tool built: article URLs (with the file each comes from), and
 * the other pages the sitemap lists (home and category pages), which patrika assumes the site has. A page path is
 * compared decoded and without its slashes at either end, so `news/flood/` is the page of `/news/flood/`.
 */
export function missingPages(site: Pick<Site, "articles" | "categories">, siteUrl: string, builtPaths: readonly string[]): { articles: { file: string; url: string }[]; others: string[] } {
  const built = new Set(builtPaths.map(pagePath));
  const missing = (url: string) => !built.has(pagePath(url.slice(siteUrl.length)));
  return {
    articles: site.articles.filter((a) => missing(a.url)).map((a) => ({ file: a.file, url: a.url })),
    others: [`${siteUrl}/`, ...site.categories.map((c) => c.url)].filter(missing),
  };
}

/** A page's path as compared: percent-decoded, no slash at either end, `index.html` dropped. */
function pagePath(path: string): string {
  const decoded = path.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  return decoded.join("/").replace(/(^|\/)index\.html$/, "").replace(/^\/+|\/+$/g, "").normalize("NFC");
}
