import { loadConfig } from "../config/load.js";
import { DEFAULT_TIME_ZONE } from "../config/schema.js";
import { isValidTimeZone, tryParseBengaliDate } from "../dates/index.js";
import { formatDiagnostic } from "../diagnostics.js";
import { ImportInputError, importPages, type ImportedFile, type ImportReport, type ImportOptions } from "../import/index.js";
import { EXIT, type Io } from "./io.js";

export interface ImportFlags {
  out?: string;
  config?: string;
  tz?: string;
  calendar?: string;
  category?: string;
  dryRun?: boolean;
  rules?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The Bangla calendars the date reader knows by name. */
const CALENDARS = ["bangladesh", "west-bengal"] as const;
type Calendar = (typeof CALENDARS)[number];

/** Zone, calendar and folder: flags first, then the config (when there is one), then the defaults. */
async function settings(flags: ImportFlags, io: Io): Promise<{ ok: true; options: ImportOptions } | { ok: false }> {
  const loaded = await loadConfig(flags.config);
  const missing = !loaded.ok && flags.config === undefined && loaded.diagnostics.every((d) => d.code === "config.not-found");
  if (!loaded.ok && !missing) {
    io.stderr(`${loaded.diagnostics.map(formatDiagnostic).join("\n")}\n`);
    return { ok: false };
  }
  const config = loaded.ok ? (loaded.config as typeof loaded.config & { banglaCalendar?: string }) : undefined;
  const timeZone = flags.tz ?? config?.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    io.stderr(`patrika: ${flags.tz ? "--tz" : "timeZone in the config"} ${JSON.stringify(timeZone)} is not an IANA time zone name (e.g. Asia/Dhaka, Asia/Kolkata)\n`);
    return { ok: false };
  }
  const calendar = flags.calendar ?? config?.banglaCalendar;
  if (calendar !== undefined && !(CALENDARS as readonly string[]).includes(calendar)) {
    io.stderr(`patrika: --calendar ${JSON.stringify(calendar)} is not a Bangla calendar patrika knows; expected one of ${CALENDARS.join(", ")}\n`);
    return { ok: false };
  }
  // The date reader refuses a calendar it cannot compute before reading any text: say so once, not per page.
  const probe = tryParseBengaliDate("১ বৈশাখ ১৪৩২", { timeZone, ...(calendar ? { calendar: calendar as Calendar } : {}) });
  if (!probe.ok && probe.error.code === "date.unsupported-calendar") {
    io.stderr(`patrika: calendar "${calendar}": ${probe.error.reason}\n`);
    return { ok: false };
  }
  return {
    ok: true,
    options: {
      outDir: flags.out ?? config?.articlesDir ?? "articles",
      timeZone,
      ...(config ? { siteUrl: config.siteUrl } : {}),
      ...(calendar ? { calendar: calendar as Calendar } : {}),
      ...(flags.category ? { category: flags.category } : {}),
      ...(flags.rules ? { rulesFile: flags.rules } : {}),
      dryRun: flags.dryRun ?? false,
    },
  };
}

/** `patrika import FILE|DIR...`: saved pages and WordPress exports → front-matter articles; prints every dropped line and guess. */
export async function runImport(inputs: string[], flags: ImportFlags, io: Io): Promise<number> {
  const setup = await settings(flags, io);
  if (!setup.ok) return EXIT.usage;
  const print = flags.json ? undefined : (result: ImportedFile) => printResult(result, flags, io);
  let report: ImportReport;
  try {
    report = await importPages(inputs, { ...setup.options, ...(print ? { onResult: print } : {}) });
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    io.stderr(`patrika: ${error.message}\n`);
    return EXIT.usage;
  }
  if (flags.json) {
    const results = report.results.map(({ article, dropped, guesses, ...rest }) => ({
      ...rest,
      ...(article ? { title: article.title, date: article.date.iso, ...(article.updated ? { updated: article.updated.iso } : {}) } : {}),
      guesses,
      dropped,
    }));
    io.stdout(`${JSON.stringify({ results, counts: report.counts, skipped: report.skipped }, null, 2)}\n`);
  } else {
    io.stdout(`${summary(report, flags.dryRun ?? false)}\n`);
  }
  return report.counts["not-imported"] > 0 ? EXIT.invalid : EXIT.ok;
}

function printResult(result: ImportedFile, flags: ImportFlags, io: Io): void {
  if (result.status === "not-imported") {
    io.stderr(`${result.input}:${result.error!.line}: error [import.not-imported] ${result.error!.message}\n`);
    return;
  }
  const lines: string[] = [];
  if (result.status === "already-imported") {
    lines.push(`${result.input}: already imported as ${result.existing!.path} (${result.existing!.by}); nothing written`);
  } else {
    lines.push(`${result.input} → ${result.output}${flags.dryRun ? " (dry run, not written)" : ""}`);
    for (const guess of result.guesses) lines.push(`    guess (${guess.field}): ${guess.message}`);
    for (const dropped of result.dropped) lines.push(`    dropped ${dropped.line > 0 ? `line ${dropped.line} ` : ""}(${dropped.reason}): ${dropped.text}`);
  }
  const text = `${lines.join("\n")}\n`;
  // Guesses are warnings: with --quiet they still show, on standard error.
  if (flags.quiet && result.guesses.length > 0 && result.status === "imported") io.stderr(text);
  else io.stdout(text);
}

/** "3 imported, 1 already imported, 0 not imported; WordPress items skipped: draft 2, page 1." */
function summary(report: ImportReport, dryRun: boolean): string {
  const { counts } = report;
  const skipped = Object.entries(report.skipped).map(([kind, n]) => `${kind} ${n}`);
  return `${counts.imported} ${dryRun ? "would be imported" : "imported"}, ${counts["already-imported"]} already imported, ${counts["not-imported"]} not imported${
    skipped.length ? `; WordPress items skipped: ${skipped.join(", ")}` : ""
  }.`;
}
