import { isAbsolute, relative } from "node:path";
import { formatIsoInZone } from "../dates/index.js";
import { build, check, type BuildOptions } from "../build/index.js";
import { CONFIG_FILES, loadConfig } from "../config/load.js";
import { formatDiagnostic } from "../diagnostics.js";
import type { BuildReport } from "../model.js";
import { feedTopics, notifyHub } from "../publish/websub.js";
import { CACHE_DIR } from "../build/cache.js";
import { readWorkerCount } from "../build/workers.js";
import { formatReport, formatReportJson } from "./report.js";
import { resolveNow } from "../now.js";
import { highlightReport, paint, progressBar } from "./terminal.js";
import { EXIT, type Io } from "./io.js";

export interface BuildFlags {
  articles?: string;
  out?: string;
  config?: string;
  now?: string;
  cache: boolean;
  skipInvalid?: boolean;
  json?: boolean;
  printConfig?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  preview?: boolean;
  watch?: boolean;
  ping?: boolean;
  previous?: string;
  strictIds?: boolean;
  replaceForeign?: boolean;
}

/** `patrika build`, `check` and `preview`: run the library, print its report, return the exit code. */
export async function runBuild(action: "build" | "check", flags: BuildFlags, io: Io): Promise<number> {
  const now = resolveNow(flags.now, io.env, io.clock);
  if (!now.ok) {
    io.stderr(`patrika: ${now.message}\n`);
    return flags.json ? printJsonError(io, "input.invalid-now", now.message) : EXIT.usage;
  }
  const workers = readWorkerCount(io.env.PATRIKA_WORKERS);
  if (!workers.ok) {
    io.stderr(`patrika: ${workers.message}\n`);
    return flags.json ? printJsonError(io, "input.invalid-workers", workers.message) : EXIT.usage;
  }
  if (flags.printConfig) {
    const loaded = await loadConfig(flags.config);
    if (!loaded.ok) {
      io.stderr(`${loaded.diagnostics.map(formatDiagnostic).join("\n")}\n`);
      return EXIT.usage;
    }
    const { articlesDir, outDir, ...config } = loaded.config;
    const effective = {
      config,
      configFile: loaded.file,
      articles: flags.articles ?? articlesDir ?? "articles",
      out: flags.out ?? outDir ?? "output",
      now: formatIsoInZone(now.now, loaded.config.timeZone), // the site's offset, as every other message prints it
      cache: flags.cache,
    };
    io.stdout(`${JSON.stringify(effective, null, 2)}\n`);
    return EXIT.ok;
  }
  if (flags.ping) {
    const loaded = await loadConfig(flags.config);
    if (loaded.ok && !loaded.config.hub) {
      io.stderr(`patrika: --ping needs a hub: set "hub" in ${loaded.file} to your WebSub hub's URL\n`);
      return EXIT.usage;
    }
  }
  if (flags.watch) return runWatch(action, flags, io);
  return (await runOnce(action, flags, io, now.now)).code;
}

async function runOnce(action: "build" | "check", flags: BuildFlags, io: Io, now: Date): Promise<{ code: number; report: BuildReport }> {
  const started = io.monotonic?.();
  const bar = progressBar(io, !flags.json && !flags.quiet);
  const options: BuildOptions = {
    now,
    ...(flags.articles !== undefined ? { articlesDir: flags.articles } : {}),
    ...(flags.out !== undefined ? { outDir: flags.out } : {}),
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    cache: flags.cache,
    skipInvalid: flags.skipInvalid ?? false,
    ...(flags.previous !== undefined ? { previous: flags.previous } : {}),
    strictIds: flags.strictIds ?? false,
    replaceForeign: flags.replaceForeign ?? false,
    preview: flags.preview ?? false,
    ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
  };
  let report: BuildReport;
  try {
    report = action === "build" ? await build(options) : await check(options);
  } finally {
    bar.finish();
  }
  let code = exitCodeOf(report);
  let pinged = "";
  const hub = (report.site ?? report.delta)?.config.hub;
  if (flags.ping && code === EXIT.ok && hub) {
    const topics = report.site ? feedTopics(report.site, [report.site.feed, ...report.site.categoryFeeds]) : feedTopics(report.delta!, report.delta!.feeds);
    const failures = await notifyHub(hub, topics);
    if (failures.length > 0) {
      report = { ...report, diagnostics: [...report.diagnostics, ...failures] };
      code = EXIT.pingFailed;
    } else {
      pinged = `Notified ${hub} of ${topics.length} feed${topics.length === 1 ? "" : "s"}.`;
    }
  }
  if (flags.json) {
    io.stdout(`${formatReportJson(report)}\n`);
    return { code, report };
  }
  const elapsed = started === undefined ? undefined : io.monotonic!() - started;
  let text = formatReport(report, action, report.paths.outDir.replace(/\/+$/, ""), flags.verbose ?? false, elapsed);
  if (pinged) text += `\n${pinged}`;
  if (flags.ping && report.upToDate) text += "\nNothing changed, so the hub was not notified.";
  if (code === EXIT.pingFailed) text += `\nThe output was written; only the hub notification failed.`;
  text = highlightReport(text, paint(io));
  if (code === EXIT.ok) io.stdout(`${text}\n`);
  else io.stderr(`${text}\n`);
  return { code, report };
}

/**
 * `build --watch`: builds, then rebuilds (with the cache) whenever an article or the config changes, until
 * interrupted. An invalid edit is reported and leaves the last good output in place; the fix is picked up.
 */
async function runWatch(action: "build" | "check", flags: BuildFlags, io: Io): Promise<number> {
  const signal = io.interrupt?.() ?? new AbortController().signal;
  const once = async () => {
    const now = resolveNow(flags.now, io.env, io.clock); // a fresh now per rebuild, unless --now pins it
    return now.ok ? (await runOnce(action, flags, io, now.now)).report : undefined;
  };
  const first = await once();
  // The folders as the first build resolved them (flag, else config, else default); a config edit that moves
  // them takes effect on the next start.
  const articlesDir = first?.paths.articlesDir ?? flags.articles ?? "articles";
  const outDir = first?.paths.outDir ?? flags.out ?? "output";
  const watched = [articlesDir, ...(flags.config !== undefined ? [flags.config] : CONFIG_FILES)];
  // Imported here: the watcher (chokidar) is for --watch only, and loading it cost every other build start-up time.
  const { watchAndRun } = await import("./watch.js");
  await watchAndRun(watched, async () => void (await once()), {
    signal,
    ignoreBelow: [outDir, CACHE_DIR],
    onReady: () => {
      const message = `Watching ${articlesDir.replace(/\/+$/, "")}/ and the config for changes (Ctrl-C to stop).`;
      if (flags.json) return;
      io.stdout(`${highlightReport(message, paint(io))}\n`);
    },
    onChange: (paths) => {
      // Which file set off the rebuild: the first thing to know when the report that follows is a surprise.
      if (!flags.json) io.stdout(`Changed: ${paths.map(shownPath).join(", ")}\n`);
    },
  });
  return EXIT.ok;
}

/** A path as the person who started the watch would type it: relative to the working directory, or as given. */
function shownPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const below = relative(process.cwd(), path);
  return below === "" ? "." : below.startsWith("..") ? path : below;
}

function exitCodeOf(report: BuildReport): number {
  if (report.status === "ok") return EXIT.ok;
  if (report.status === "invalid") return EXIT.invalid;
  if (report.status === "write-error") return EXIT.writeFailed;
  return EXIT.usage;
}

/** A usage error as the JSON report shape, so a CI step parsing --json output always gets JSON. */
function printJsonError(io: Io, code: string, message: string): number {
  io.stdout(`${JSON.stringify({ status: "usage-error", errors: 1, warnings: 0, diagnostics: [{ code, severity: "error", message }] }, null, 2)}\n`);
  return EXIT.usage;
}
