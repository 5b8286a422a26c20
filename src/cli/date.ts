import { loadConfig } from "../config/load.js";
import { formatDiagnostic } from "../diagnostics.js";
import { DEFAULT_TIME_ZONE, defaultBanglaCalendar, isValidTimeZone, tryParseBengaliDate, type BanglaCalendarName, type DateNote, type ParseDateOptions } from "../dates/index.js";
import { BANGLA_CALENDAR_NAMES } from "../dates/reading.js";
import { EXIT, type Io } from "./io.js";
import { resolveNow } from "../now.js";

/** The flags of `patrika date`. */
export interface DateFlags {
  /** IANA zone of local times; default: the config's timeZone (Asia/Dhaka without a config). */
  tz?: string;
  now?: string;
  json?: boolean;
  /** Which Bangla calendar বঙ্গাব্দ dates are in; default: the config's, else the zone's (defaultBanglaCalendar). */
  calendar?: string;
  /** The config file to take the zone from; default: the one in the working directory, if any. */
  config?: string;
}

/** The Bangla calendars `--calendar` accepts. */
export const CALENDAR_CHOICES: readonly BanglaCalendarName[] = BANGLA_CALENDAR_NAMES;

type Result = ReturnType<typeof tryParseBengaliDate>;

/** One reading as JSON: the date and how it was read, or the error with its stable code and where it is. */
function toJson(input: string, result: Result): string {
  if (result.ok) {
    const { iso, precision, calendar, banglaCalendar, relative, notes } = result.value;
    // `relative` and `banglaCalendar` appear only when they say something (a reading counted from now; a Bangla date).
    return JSON.stringify({ input, ok: true, iso, precision, calendar, ...(banglaCalendar ? { banglaCalendar } : {}), ...(relative ? { relative } : {}), notes });
  }
  const { code, offset, found, expected, reason } = result.error;
  return JSON.stringify({ input, ok: false, error: { code, offset, found, expected, reason, message: result.error.message } });
}

/** Notes as warnings on standard error, one line each: `warning [code] message`. */
function warnings(notes: readonly DateNote[], where = ""): string {
  return notes.map((note) => `warning [${note.code}] ${where}${note.message.replace(/\s+/g, " ")}\n`).join("");
}

/**
 * The zone and Bangla calendar to read with: the flags, else the config (found as `build` finds it; none is
 * fine), else the defaults. An invalid config is a usage error, with its diagnostics.
 */
async function readOptions(flags: DateFlags, io: Io): Promise<{ ok: true; options: ParseDateOptions } | { ok: false; code: number }> {
  if (flags.calendar !== undefined && !CALENDAR_CHOICES.includes(flags.calendar as BanglaCalendarName)) {
    io.stderr(`patrika: --calendar ${JSON.stringify(flags.calendar)} is not a Bangla calendar patrika knows; use ${CALENDAR_CHOICES.join(" or ")}\n`);
    return { ok: false, code: EXIT.usage };
  }
  let timeZone = flags.tz;
  let calendar = flags.calendar as BanglaCalendarName | undefined;
  if (timeZone === undefined || calendar === undefined) {
    const loaded = await loadConfig(flags.config);
    const missingDefault = !loaded.ok && flags.config === undefined && loaded.diagnostics.every((d) => d.code === "config.not-found");
    if (!loaded.ok && !missingDefault) {
      io.stderr(`${loaded.diagnostics.map(formatDiagnostic).join("\n")}\n`);
      return { ok: false, code: EXIT.usage };
    }
    if (loaded.ok) {
      timeZone ??= loaded.config.timeZone;
      // The config's banglaCalendar, once the config has that key.
      const fromConfig = (loaded.config as { banglaCalendar?: BanglaCalendarName }).banglaCalendar;
      calendar ??= fromConfig;
    }
  }
  timeZone ??= DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    io.stderr(`patrika: --tz ${JSON.stringify(timeZone)} is not an IANA time zone name (e.g. Asia/Dhaka)\n`);
    return { ok: false, code: EXIT.usage };
  }
  return { ok: true, options: { timeZone, calendar: calendar ?? defaultBanglaCalendar(timeZone) } };
}

/**
 * `patrika date TEXT` prints one ISO 8601 instant; without TEXT it reads one date per line from standard input
 * and prints one result per line (`ERROR: reason` for a rejected line), so a whole archive can be checked. Notes
 * go to standard error as warnings. With --json, each result is a JSON object (one per line in batch mode) that
 * carries its notes.
 */
export async function runDate(text: string | undefined, flags: DateFlags, io: Io): Promise<number> {
  const now = resolveNow(flags.now, io.env, io.clock);
  if (!now.ok) {
    io.stderr(`patrika: ${now.message}\n`);
    return EXIT.usage;
  }
  const read = await readOptions(flags, io);
  if (!read.ok) return read.code;
  const options = { ...read.options, now: now.now };
  if (text !== undefined) return printOne(text, tryParseBengaliDate(text, options), flags, io);
  let input: string;
  try {
    input = await io.readStdin();
  } catch (error) {
    io.stderr(`patrika: standard input could not be read (${(error as Error).message})\n`);
    return EXIT.invalid;
  }
  const lines = input.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  // Written a batch of lines at a time, so a reader that stops early (`| head -1`) is not sent the whole archive.
  let out = "";
  let err = "";
  lines.forEach((line, index) => {
    const result = tryParseBengaliDate(line, options);
    if (flags.json) out += `${toJson(line, result)}\n`; // one JSON object per line (JSON Lines)
    else {
      out += `${result.ok ? result.value.iso : `ERROR: ${result.error.message.replace(/\s+/g, " ")}`}\n`;
      if (result.ok) err += warnings(result.value.notes, `line ${index + 1}: `);
    }
    if ((index + 1) % 1000 === 0 || index === lines.length - 1) {
      if (err) io.stderr(err);
      io.stdout(out);
      out = err = "";
    }
  });
  return EXIT.ok;
}

function printOne(text: string, result: Result, flags: DateFlags, io: Io): number {
  if (flags.json) {
    io.stdout(`${toJson(text, result)}\n`);
    return result.ok ? EXIT.ok : EXIT.invalid;
  }
  if (!result.ok) {
    io.stderr(`patrika: ${result.error.message}\n`);
    return EXIT.invalid;
  }
  io.stderr(warnings(result.value.notes));
  io.stdout(`${result.value.iso}\n`);
  return EXIT.ok;
}
