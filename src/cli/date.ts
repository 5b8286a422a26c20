import { isValidTimeZone, tryParseBengaliDate } from "../dates/index.js";
import { EXIT, type Io } from "./io.js";
import { resolveNow } from "./now.js";

export interface DateFlags {
  tz: string;
  now?: string;
  json?: boolean;
}

/** One reading as JSON: the date and how it was read, or the error with its stable code and where it is. */
function toJson(input: string, result: ReturnType<typeof tryParseBengaliDate>): string {
  if (result.ok) {
    const { iso, precision, calendar, notes } = result.value;
    return JSON.stringify({ input, ok: true, iso, precision, calendar, notes });
  }
  const { code, offset, found, expected, reason } = result.error;
  return JSON.stringify({ input, ok: false, error: { code, offset, found, expected, reason, message: result.error.message } });
}

/**
 * `patrika date TEXT` prints one ISO 8601 instant; without TEXT it reads one date per line from standard input
 * and prints one result per line (`ERROR: reason` for a rejected line), so a whole archive can be checked.
 * With --json, each result is a JSON object (one per line in batch mode).
 */
export async function runDate(text: string | undefined, flags: DateFlags, io: Io): Promise<number> {
  if (!isValidTimeZone(flags.tz)) {
    io.stderr(`patrika: --tz ${JSON.stringify(flags.tz)} is not an IANA time zone name (e.g. Asia/Dhaka)\n`);
    return EXIT.usage;
  }
  const now = resolveNow(flags.now, io.env, io.clock);
  if (!now.ok) {
    io.stderr(`patrika: ${now.message}\n`);
    return EXIT.usage;
  }
  const options = { timeZone: flags.tz, now: now.now };
  if (text !== undefined) {
    const result = tryParseBengaliDate(text, options);
    if (flags.json) {
      io.stdout(`${toJson(text, result)}\n`);
      return result.ok ? EXIT.ok : EXIT.invalid;
    }
    if (result.ok) {
      io.stdout(`${result.value.iso}\n`);
      return EXIT.ok;
    }
    io.stderr(`patrika: ${result.error.message}\n`);
    return EXIT.invalid;
  }
  let input: string;
  try {
    input = await io.readStdin();
  } catch (error) {
    io.stderr(`patrika: standard input could not be read (${(error as Error).message})\n`);
    return EXIT.invalid;
  }
  const lines = input.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  const out = lines.map((line) => {
    const result = tryParseBengaliDate(line, options);
    if (flags.json) return toJson(line, result); // one JSON object per line (JSON Lines)
    return result.ok ? result.value.iso : `ERROR: ${result.error.message.replace(/\s+/g, " ")}`;
  });
  io.stdout(out.length ? `${out.join("\n")}\n` : "");
  return EXIT.ok;
}
