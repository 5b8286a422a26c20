#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { GENERATOR } from "../version.js";
import type { BuildFlags } from "./build.js";
import { BANGLA_CALENDAR_NAMES } from "../dates/reading.js";
import { DEFAULT_SITE_URL, endQuietlyOnClosedPipe, EXIT, type Io } from "./io.js";
import type { DateFlags } from "./date.js";
import type { ImportFlags } from "./import.js";
import type { InitFlags } from "./init.js";

// Each command's module is imported by its action only: `--version` and `date` start as fast as node itself
// and never load the build, its config compiler, Markdown, the watcher or the importers (test/cli/startup.test.ts).

/** Parses argv, runs one command and returns its exit code; the only caller of process.exit is the entry point. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("patrika")
    .description("Build RSS, Atom and Google News sitemaps from Bengali Markdown articles, with exact Bengali dates.")
    .version(GENERATOR.version, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .option("-q, --quiet", "print only problems (errors and warnings), in every command")
    .option("--verbose", "also print every file written, with its size");

  // --quiet silences what a command reports on success; problems still go to stderr.
  const out = (): Io => (program.opts<{ quiet?: boolean }>().quiet ? { ...io, stdout: () => undefined } : io);
  const verbose = () => program.opts<{ verbose?: boolean }>().verbose === true;

  const buildLike = (name: "build" | "check" | "preview", summary: string) =>
    program
      .command(name)
      .description(summary)
      .option("--articles <dir>", "folder of Markdown articles (default: articlesDir in the config, else articles)")
      // check writes nothing: --out (where the last publish is read from) and --no-cache are accepted, not offered.
      .addOption(hiddenFor(name, new Option("--out <dir>", "output folder (default: outDir in the config, else output)")))
      .option("--config <file>", "config file (default: whichever of patrika.config.{ts,mts,mjs,js,json} exists)")
      .option("--now <iso8601>", "the build's notion of now, with an offset (default: SOURCE_DATE_EPOCH, else the clock)")
      .addOption(hiddenFor(name, new Option("--no-cache", "build without reading or writing the build cache")))
      .option("--json", "print the report as JSON (diagnostics with file, line, column, field, code, message)")
      .option("--print-config", "print the config as patrika reads it (defaults filled in) and the paths, then stop")
      .option("--previous <file|url>", "the feed published last (e.g. the live rss.xml), to keep ids when neither the cache nor the output folder has the last build")
      .option("--strict-ids", "fail, with the id: line to add, when a story readers have would get a new id (instead of keeping the old one)")
      .action(async (flags: BuildFlags) => {
        const quiet = program.opts<{ quiet?: boolean }>().quiet === true;
        const action = name === "check" ? "check" : "build";
        const preview = name === "preview" || flags.preview === true;
        const { runBuild } = await import("./build.js");
        exitCode = await runBuild(action, { ...flags, preview, quiet, verbose: verbose() }, flags.json ? io : out());
      });
  const publishing = (command: Command) =>
    command
      .option("--skip-invalid", "publish every valid article, list the invalid ones, and exit 0")
      .option("--replace-foreign", "replace files in the output folder that patrika did not write (refused by default)")
      .option("--watch", "build, then rebuild whenever an article or the config changes (Ctrl-C to stop)")
      .option("--ping", "after a successful build, notify the WebSub hub set as \"hub\" in the config (exit 4 if it refuses)");

  publishing(buildLike("build", "write rss.xml, atom.xml, news-sitemap.xml and sitemap.xml from the articles"))
    .option("--preview", "also write index.html, a page for people listing the feed and linking every output")
    .addHelpText(
    "after",
    "\nExamples:\n  patrika build\n  patrika build --articles site/articles --out public --now 2025-07-14T12:00:00+06:00\n  patrika build --skip-invalid\n  patrika build --watch --preview\n  SOURCE_DATE_EPOCH=1752472800 patrika build --ping",
  );
  publishing(buildLike("preview", "build, and also write index.html: a Bengali page listing the feed, its dates and every output")).addHelpText(
    "after",
    "\nExamples:\n  patrika preview && xdg-open output/index.html\n  patrika preview --watch",
  );
  buildLike("check", "validate the config and every article; write nothing").addHelpText(
    "after",
    "\nExamples:\n  patrika check\n  patrika check --json > diagnostics.json",
  );
  program
    .command("date")
    .description("read a Bengali (or ISO) date and print it as ISO 8601; without TEXT, one date per line from stdin")
    .argument("[text]", "the date as printed, e.g. \"আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮\"")
    .option("--tz <zone>", "IANA time zone of local times (default: timeZone in the config, else Asia/Dhaka)")
    .addOption(new Option("--calendar <name>", "Bangla calendar of বঙ্গাব্দ dates (default: west-bengal for Asia/Kolkata, else bangladesh)").choices(BANGLA_CALENDAR_NAMES))
    .option("--config <file>", "config file to take the zone from (default: the one in the working directory, if any)")
    .option("--now <iso8601>", "now, for relative dates such as \"২ ঘণ্টা আগে\" (default: the clock)")
    .option("--json", "print each result as JSON (iso, precision, calendar, notes, or the error with its code)")
    .addHelpText("after", '\nNotes about a reading are printed to stderr as "warning [code] message".\n\nExamples:\n  patrika date "১৩ জুলাই ২০২৫, ১৭:২৮"\n  patrika date --tz Asia/Kolkata < dates.txt\n  patrika date --calendar west-bengal "১ বৈশাখ ১৪৩২"')
    .action(async (text: string | undefined, flags: DateFlags) => {
      const { runDate } = await import("./date.js");
      exitCode = await runDate(text, flags, io); // its output is the answer, not a report: never silenced
    });

  program
    .command("init")
    .description("create patrika.config.json and a first article in a folder (never overwrites)")
    .option("--dir <dir>", "folder to set up", ".")
    .option("--site-url <url>", "the site's address", DEFAULT_SITE_URL)
    .option("--ts", "write a typed patrika.config.ts (defineConfig) instead of patrika.config.json")
    .option("--json", "print what was created as JSON")
    .addHelpText("after", "\nExamples:\n  mkdir my-paper && cd my-paper && npx patrika init --site-url https://news.example.com\n  npx patrika init --ts")
    .action(async (flags: InitFlags) => {
      const { runInit } = await import("./init.js");
      exitCode = await runInit(flags, flags.json ? io : out());
    });

  program
    .command("import")
    .description("turn saved news pages (plain text or HTML) and WordPress exports (WXR) into front-matter articles")
    .argument("<inputs...>", "files, or folders of .txt, .html, .htm and .xml files")
    .option("--out <dir>", "folder to write the articles to, created when missing (default: articlesDir in the config, else articles)")
    .option("--config <file>", "config file for timeZone and banglaCalendar (default: patrika.config.* in the working directory, if any)")
    .option("--tz <zone>", "IANA zone of dates printed without an offset (default: timeZone in the config, else Asia/Dhaka)")
    .option("--calendar <name>", "Bangla calendar of বঙ্গাব্দ dates: bangladesh or west-bengal (default: banglaCalendar in the config)")
    .option("--category <name>", "category for every imported article (overrides a WordPress post's own)")
    .option("--rules <file>", "extra page-shape rules (JSON, same shape as the shipped rules)")
    .option("--dry-run", "print what would be written, write nothing")
    .option("--json", "print the results as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  patrika import saved-pages/ --category bangladesh\n  patrika import page.html --dry-run\n  patrika import wordpress-export.xml --out articles\n  patrika import kolkata-pages/ --tz Asia/Kolkata",
    )
    .action(async (inputs: string[], flags: ImportFlags) => {
      const quiet = program.opts<{ quiet?: boolean }>().quiet === true;
      const { runImport } = await import("./import.js");
      exitCode = await runImport(inputs, { ...flags, quiet }, flags.json ? io : out());
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; every parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}

/** An option of the building commands that `check`, which writes nothing, accepts (scripts pass it to both) but does not list. */
const hiddenFor = (command: string, option: Option): Option => (command === "check" ? option.hideHelp() : option);

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  clock: () => new Date(),
  isTTY: process.stdout.isTTY === true && process.stderr.isTTY === true,
  monotonic: () => performance.now(),
  interrupt: () => {
    const controller = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
    return controller.signal;
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

// Run only when executed (also through npm's bin symlink), not when imported by tests.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Every command, --help included, may be piped into `head`: a closed pipe ends it quietly, not with a stack trace.
  endQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
  main(process.argv.slice(2), processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`patrika: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
