import { formatDiagnostic } from "../diagnostics.js";
import { publishSection } from "../render/report.js";
import type { BuildReport } from "../model.js";
import { NEWS_WINDOW_MS } from "../limits.js";
import { ARCHIVE_FOLDER, FEED_KINDS, archivePagePath, kindOfPath, OUTPUTS } from "../outputs.js";

/** The lines printed after a build or check: problems first, then what was written and why anything is missing. */
export function formatReport(report: BuildReport, action: "build" | "check", outDir: string, verbose = false, elapsedMs?: number): string {
  const lines: string[] = report.diagnostics.map(formatDiagnostic);
  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = report.diagnostics.length - errors;
  if (report.diagnostics.length > 0) lines.push("");
  if (report.status === "invalid") {
    lines.push(`${count(errors, "error")}${warnings ? `, ${count(warnings, "warning")}` : ""} in ${count(report.articlesFound, "article file")}.`);
    if (action === "build") lines.push(`Nothing was written: ${outDir}/ still holds the previous build.`);
    return lines.join("\n");
  }
  if (report.status !== "ok") {
    // Only when it is true: a failed roll-back (a second fault) leaves files of two builds, and its message says so.
    if (report.status === "write-error" && report.outputUntouched !== false) lines.push(`Nothing was replaced: ${outDir}/ still holds the previous build.`);
    return lines.join("\n");
  }
  if (report.upToDate) {
    const leftOut = report.skipped.length ? ` (${count(report.skipped.length, "invalid article")} skipped, as last time)` : "";
    lines.push(
      `Up to date: the ${count(report.articlesFound, "article file")}, the config and ${outDir}/ are as the last build left them${leftOut}; no article was read.`,
      `  ${outDir}/ holds the same ${count(report.files.length, "file")}; only patrika-report.json is rewritten, when now has moved.`,
    );
    if (verbose) for (const file of report.files) lines.push(`    kept ${outDir}/${file.name} (${file.bytes.toLocaleString("en")} bytes)`);
    if (warnings) lines.push(`${count(warnings, "warning")} (see above).`);
    if (elapsedMs !== undefined) lines.push(`Done in ${(elapsedMs / 1000).toFixed(2)} s.`);
    return lines.join("\n");
  }
  if (report.delta) return deltaLines(report, lines, outDir, verbose, warnings, elapsedMs).join("\n");
  const site = report.site!;
  if (report.skipped.length > 0) {
    lines.push(`Skipped ${count(report.skipped.length, "invalid article")} (--skip-invalid); the list is in ${outDir}/patrika-report.json.`);
  }
  const leftOut: string[] = [];
  if (site.excluded.drafts.length) leftOut.push(count(site.excluded.drafts.length, "draft"));
  if (site.excluded.scheduled.length) leftOut.push(`${site.excluded.scheduled.length} scheduled after now`);
  if (site.excluded.expired.length) leftOut.push(`${site.excluded.expired.length} expired`);
  if (site.excluded.notArticles.length) leftOut.push(count(site.excluded.notArticles.length, "list page") + " (_index.md)");
  lines.push(
    `${action === "build" ? "Built" : "Checked"} ${count(site.articles.length, "article")} from ${count(report.articlesFound, "file")}` +
      `${leftOut.length ? ` (left out: ${leftOut.join(", ")})` : ""}` +
      `${report.articlesFromCache ? `, ${report.articlesFromCache} unchanged since the last build (cached)` : ""}; now is ${site.now.iso}.`,
  );
  lines.push(publishLine(report));
  if (action === "build") {
    lines.push(...fileLines(report, outDir));
    if (verbose) for (const file of report.files) lines.push(`    ${file.kept ? "kept" : "wrote"} ${outDir}/${file.name} (${file.bytes.toLocaleString("en")} bytes)`);
    if (verbose && report.threads > 1) lines.push(`    read and checked on ${report.threads} threads`);
  }
  if (warnings) lines.push(`${count(warnings, "warning")} (see above).`);
  if (elapsedMs !== undefined) lines.push(`Done in ${(elapsedMs / 1000).toFixed(2)} s.`);
  return lines.join("\n");
}

/** A delta build's summary: what it rewrote, and that the rest stands as the last build left it. */
function deltaLines(report: BuildReport, lines: string[], outDir: string, verbose: boolean, warnings: number, elapsedMs: number | undefined): string[] {
  const { edited, now } = report.delta!;
  const wrote = report.files.filter((f) => !f.kept);
  // Only the report rewritten, or nothing: the edited files are in no feed (older stories, drafts).
  const inFeeds = wrote.some((f) => f.name !== OUTPUTS.report.name);
  const they = edited === 1 ? "it is" : "they are";
  lines.push(
    `Built from the last build: ${count(edited, "edited file")} of ${count(report.articlesFound, "file")}, front matter as it was, ${inFeeds ? `so only the feeds ${they} in were rendered` : `in no feed, so nothing was rendered`}; now is ${now}.`,
    publishLine(report),
    wrote.length > 0
      ? `  wrote ${wrote.map((f) => `${outDir}/${f.name}`).join(", ")}; the other ${count(report.files.length - wrote.length, "file")} are as the last build wrote them.`
      : `  wrote nothing: all ${count(report.files.length, "file")} are as the last build wrote them.`,
  );
  if (verbose) for (const file of report.files) lines.push(`    ${file.kept ? "kept" : "wrote"} ${outDir}/${file.name} (${file.bytes.toLocaleString("en")} bytes)`);
  if (warnings) lines.push(`${count(warnings, "warning")} (see above).`);
  if (elapsedMs !== undefined) lines.push(`Done in ${(elapsedMs / 1000).toFixed(2)} s.`);
  return lines;
}

function fileLines(report: BuildReport, outDir: string): string[] {
  const site = report.site!;
  const top = report.files.filter((f) => !f.name.includes("/"));
  const width = Math.max(...top.map((f) => f.name.length));
  const lines = top.map((file) => `  ${outDir}/${file.name.padEnd(width)}  ${describeCount(file.name, file.count, site.config.previewFile)}`);
  for (const feed of site.categoryFeeds) {
    lines.push(`  ${outDir}/${feed.folder}{${FEED_KINDS.map((kind) => kind.name).join(",")}}  ${count(feed.items.length, "item")}`);
  }
  if (site.archive.length > 0) {
    const { one, many } = OUTPUTS.archivePage.unit;
    lines.push(`  ${outDir}/${archivePagePath(1)} … ${archivePagePath(site.archive.length).slice(ARCHIVE_FOLDER.length + 1)}  ${count(site.archive.length, one, many)} of ${site.config.feedSize}`);
  }
  if (site.news.items.length === 0) {
    lines.push(`  The news sitemap is empty: no article was published in the ${NEWS_WINDOW_MS / 3_600_000} hours before ${site.now.iso} (from ${site.news.start.iso}).`);
  } else {
    lines.push(`  News window: ${site.news.start.iso} to ${site.news.end.iso}.`);
  }
  return lines;
}

/** What readers will see change, in one line: the numbers CI shows and may fail on. */
function publishLine(report: BuildReport): string {
  const diff = report.publish;
  if (!diff) return "  Readers: no earlier publish to compare with (keep the build cache or the output folder, or pass --previous with the live feed's URL).";
  const kept = diff.idsChanged.filter((c) => c.kept).length;
  const changedIds = diff.idsChanged.length - kept;
  const parts = [
    count(diff.totals.added, "new story", "new stories"),
    `${diff.totals.changed} updated`,
    `${diff.totals.removed} removed`,
    count(changedIds, "id changed", "ids changed") + (kept ? ` (${count(kept, "renamed story", "renamed stories")} kept their ids)` : ""),
  ];
  if (diff.datesMoved.length) parts.push(count(diff.datesMoved.length, "publication time moved", "publication times moved"));
  const news = diff.news;
  return `  Readers, since ${diff.previous}: ${parts.join(", ")}; news sitemap +${news.added.length} ~${news.changed.length} -${news.removed.length}.`;
}

/** The report as JSON for CI annotations: every diagnostic with file, line, column, field, code and message. */
export function formatReportJson(report: BuildReport): string {
  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  return JSON.stringify(
    {
      status: report.status,
      errors,
      warnings: report.diagnostics.length - errors,
      articles: report.articlesFound,
      fromCache: report.articlesFromCache,
      upToDate: report.upToDate === true,
      ...(report.delta ? { delta: { edited: report.delta.edited } } : {}),
      threads: report.threads,
      skipped: report.skipped,
      files: report.files.map(({ name, count }) => ({ name, count })),
      publish: publishSection(report.publish),
      diagnostics: report.diagnostics.map((d) => ({
        file: d.file ?? null,
        line: d.line ?? null,
        column: d.column ?? null,
        field: d.field ?? null,
        code: d.code,
        severity: d.severity,
        message: d.message,
        found: d.found ?? null,
        expected: d.expected ?? null,
        hint: d.hint ?? null,
      })),
    },
    null,
    2,
  );
}

/** A file's count in the unit the outputs table gives it ("13 items", "20 URLs"). */
function describeCount(name: string, n: number, previewFile: string): string {
  const kind = name === previewFile ? OUTPUTS.preview : (kindOfPath(name) ?? OUTPUTS.sitemap);
  const counted = count(n, kind.unit.one, kind.unit.many);
  return kind.group === "page" ? `${counted} (preview page for people)` : counted;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
