import { compareText } from "../diagnostics.js";
import type { BuildReport, FeedDiff, PublishDiff } from "../model.js";
import { OUTPUTS } from "../outputs.js";
import { LAST_BUILD, unchangedDiff } from "./published.js";
import { formatIsoInZone } from "../dates/index.js";
import { NEWS_WINDOW_MS } from "../limits.js";
import { GENERATOR } from "../version.js";

/**
 * `patrika-report.json`: what a build published and what it left out, for CI. Deterministic (no clock, no paths
 * outside what the user named), so it is byte-identical across runs like every other output.
 */
export function reportDocument(report: BuildReport): Record<string, unknown> {
  const site = report.site!;
  const errorsByFile = groupErrorsByFile(report.diagnostics);
  const document = {
    generator: `${GENERATOR.name} ${GENERATOR.version}`,
    now: site.now.iso,
    articles: {
      found: report.articlesFound,
      published: site.articles.length,
      drafts: site.excluded.drafts.length,
      scheduled: site.excluded.scheduled.length,
      // Only when there are any, so the reports of sites without them stay as they were.
      ...(site.excluded.expired.length > 0 ? { expired: site.excluded.expired.length } : {}),
      ...(site.excluded.notArticles.length > 0 ? { notArticles: site.excluded.notArticles.length } : {}),
      skipped: report.skipped.length,
    },
    newsWindow: { start: site.news.start.iso, end: site.news.end.iso, articles: site.news.items.length },
    publish: publishSection(report.publish),
    skipped: report.skipped.map((file) => ({ file, errors: errorsByFile.get(file) ?? [] })),
    warnings: report.diagnostics.filter((d) => d.severity === "warning"),
  };
  return document;
}

/** Each file's errors in report order, grouped in one pass: a search per skipped file was quadratic (20,000 invalid files took 17 s). */
function groupErrorsByFile(diagnostics: BuildReport["diagnostics"]): Map<string | undefined, BuildReport["diagnostics"]> {
  const byFile = new Map<string | undefined, BuildReport["diagnostics"]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== "error") continue;
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  return byFile;
}

/**
 * What readers will see change, for CI ("3 new stories, 1 updated, 0 ids changed"): totals over every feed, each
 * feed's changes by item id (named by its RSS file: its Atom and JSON Feed twins carry the same items), the news
 * sitemap's by URL, the ids that changed and the dates that moved. `previous: null` when no earlier publish is known.
 */
export function publishSection(diff: PublishDiff | undefined): Record<string, unknown> {
  if (!diff) return { previous: null };
  const nonEmpty = (d: FeedDiff) => d.added.length + d.changed.length + d.removed.length > 0;
  const feeds = Object.fromEntries(
    Object.entries(diff.feeds)
      .filter(([, d]) => nonEmpty(d))
      .sort(([a], [b]) => compareText(a, b))
      .map(([folder, d]) => [`${folder}${OUTPUTS.rss.name}`, d]),
  );
  return { previous: diff.previous, stories: diff.totals, idsChanged: diff.idsChanged, datesMoved: diff.datesMoved, feeds, newsSitemap: diff.news };
}

/**
 * The report of the set the writer published as `generation` (one more per build into the folder): once a reader
 * sees this number in the report, renamed last, every file of that build is in place.
 */
export function withGeneration(document: Record<string, unknown>, generation: number): Record<string, unknown> {
  const { generator, generation: _old, ...rest } = document;
  return { generator, generation, ...rest };
}

/** The report as written. */
export function renderReportDocument(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The same report for a build at another now that changes nothing else: only now and the news window move. */
export function restampReport(document: Record<string, unknown>, now: Date, timeZone: string): Record<string, unknown> {
  const window = document.newsWindow as Record<string, unknown>;
  return {
    ...document,
    now: formatIsoInZone(now, timeZone),
    // The same site as the last build: nothing changed for readers since it.
    publish: publishSection(unchangedDiff(LAST_BUILD)),
    newsWindow: { ...window, start: formatIsoInZone(new Date(now.getTime() - NEWS_WINDOW_MS), timeZone), end: formatIsoInZone(now, timeZone) },
  };
}
