import type { BuildReport } from "../model.js";
import { GENERATOR } from "../version.js";

/**
 * `patrika-report.json`: what a build published and what it left out, for CI. Deterministic (no clock, no paths
 * outside what the user named), so it is byte-identical across runs like every other output.
 */
export function renderReport(report: BuildReport): string {
  const site = report.site!;
  const bySeverity = (severity: "error" | "warning") => report.diagnostics.filter((d) => d.severity === severity);
  const document = {
    generator: `${GENERATOR.name} ${GENERATOR.version}`,
    now: site.now.iso,
    articles: {
      found: report.articlesFound,
      published: site.articles.length,
      drafts: site.excluded.drafts.length,
      scheduled: site.excluded.scheduled.length,
      skipped: report.skipped.length,
    },
    newsWindow: { start: site.news.start.iso, end: site.news.end.iso, articles: site.news.items.length },
    skipped: report.skipped.map((file) => ({ file, errors: bySeverity("error").filter((d) => d.file === file) })),
    warnings: bySeverity("warning"),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
