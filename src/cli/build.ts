import { build, check } from "../build.js";
import { loadConfig } from "../config/load.js";
import { formatDiagnostic } from "../diagnostics.js";
import { formatReport, formatReportJson } from "./report.js";
import { resolveNow } from "./now.js";
import type { Io } from "./main.js";

export interface BuildFlags {
  articles: string;
  out: string;
  config: string;
  now?: string;
  cache: boolean;
  skipInvalid?: boolean;
  json?: boolean;
  printConfig?: boolean;
  verbose?: boolean;
}

/** Exit codes (README, "Exit codes"): 0 built, 1 article errors, 2 usage or config error, 3 could not write. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, writeFailed: 3 } as const;

/** `patrika build` and `patrika check`: run the library, print its report, return the exit code. */
export async function runBuild(action: "build" | "check", flags: BuildFlags, io: Io): Promise<number> {
  const now = resolveNow(flags.now, io.env, io.clock);
  if (!now.ok) {
    io.stderr(`patrika: ${now.message}\n`);
    return EXIT.usage;
  }
  if (flags.printConfig) {
    const loaded = await loadConfig(flags.config);
    if (!loaded.ok) {
      io.stderr(`${loaded.diagnostics.map(formatDiagnostic).join("\n")}\n`);
      return EXIT.usage;
    }
    const effective = { config: loaded.config, configFile: flags.config, articles: flags.articles, out: flags.out, now: now.now.toISOString(), cache: flags.cache };
    io.stdout(`${JSON.stringify(effective, null, 2)}\n`);
    return EXIT.ok;
  }
  const options = {
    now: now.now,
    articlesDir: flags.articles,
    outDir: flags.out,
    configFile: flags.config,
    cache: flags.cache,
    skipInvalid: flags.skipInvalid ?? false,
  };
  const report = action === "build" ? await build(options) : await check(options);
  const code = report.status === "ok" ? EXIT.ok : report.status === "invalid" ? EXIT.invalid : report.status === "write-error" ? EXIT.writeFailed : EXIT.usage;
  if (flags.json) {
    io.stdout(`${formatReportJson(report)}\n`);
    return code;
  }
  const text = formatReport(report, action, flags.out.replace(/\/+$/, ""), flags.verbose ?? false);
  if (code === EXIT.ok) io.stdout(`${text}\n`);
  else io.stderr(`${text}\n`);
  return code;
}
