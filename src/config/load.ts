import { readFile } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics.js";
import { isValidTimeZone } from "../dates/index.js";
import { describeValue, lineColumnAt, nearestName } from "../text.js";
import { configSchema, resolveConfig, type SiteConfig } from "./schema.js";

/** The keys a config file may set ($schema, for editors, goes unmentioned). */
const CONFIG_KEYS = Object.keys(configSchema.shape).filter((key) => !key.startsWith("$"));

/** The config file read when --config is not given. */
export const DEFAULT_CONFIG_FILE = "patrika.config.json";

export type ConfigResult = { ok: true; config: SiteConfig } | { ok: false; diagnostics: Diagnostic[] };

/** Reads and validates the config file; every problem comes back as a located diagnostic. */
export async function loadConfig(file: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return failure({
      code: missing ? "config.not-found" : "config.unreadable",
      severity: "error",
      file,
      message: missing ? "the config file does not exist" : `the config file could not be read (${(error as Error).message})`,
      expected: `a JSON file such as {"siteUrl": "https://www.example.com"}`,
      hint: missing ? `create ${DEFAULT_CONFIG_FILE} in the working directory or pass --config FILE` : undefined,
    });
  }
  return parseConfig(text, file);
}

/** Validates config text (JSON) named `file`; pure, so it is tested without the disk. */
export function parseConfig(text: string, file: string): ConfigResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const { line, column } = lineColumnAt(source, position ? Number(position[1]) : source.length);
    return failure({
      code: "config.invalid-json",
      severity: "error",
      file,
      line,
      column,
      message: `the config file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
      expected: "a JSON object; note that JSON allows no trailing commas or comments",
    });
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const diagnostics: Diagnostic[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const suggestion = nearestName(key, CONFIG_KEYS);
          diagnostics.push({
            code: "config.unknown-key",
            severity: "error",
            file,
            ...keyLocation(source, key),
            field: key,
            message: `unknown config key "${key}"`,
            expected: `one of ${CONFIG_KEYS.join(", ")}`,
            hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
          });
        }
        continue;
      }
      const key = issue.path.map(String).join(".");
      const value = key ? (data as Record<string, unknown>)[key] : data;
      diagnostics.push({
        code: "config.invalid-value",
        severity: "error",
        file,
        ...(key ? keyLocation(source, key) : {}),
        field: key || undefined,
        message: key ? `config key "${key}" is invalid` : "the config must be a JSON object",
        found: value === undefined ? "nothing (the key is missing)" : describeValue(value),
        expected: expectedFor(key, issue.message),
      });
    }
    return { ok: false, diagnostics };
  }
  if (!isValidTimeZone(parsed.data.timeZone)) {
    return failure({
      code: "config.unknown-time-zone",
      severity: "error",
      file,
      ...keyLocation(source, "timeZone"),
      field: "timeZone",
      message: "timeZone is not a time zone this machine's tz database knows",
      found: JSON.stringify(parsed.data.timeZone),
      expected: 'an IANA zone name such as "Asia/Dhaka" or "Asia/Kolkata"',
    });
  }
  return { ok: true, config: resolveConfig(parsed.data) };
}

const EXPECTED: Record<string, string> = {
  siteUrl: "an absolute http(s) URL without query or fragment, such as https://www.example.com",
  title: "a non-empty string",
  description: "a non-empty string",
  language: 'an ISO 639 language code such as "bn"',
  publicationName: "a non-empty string",
  timeZone: 'an IANA zone name such as "Asia/Dhaka"',
  feedSize: "a whole number from 1 to 1000",
  earliestDate: 'a date written YYYY-MM-DD, such as "1971-12-16"',
  maxFutureDays: "a whole number of days from 0 to 36500",
  logo: "an absolute http(s) URL of an image",
  icon: "an absolute http(s) URL of a square image",
  copyright: "a non-empty string",
  ttl: "a whole number of minutes from 1 to 10080",
  hub: "the absolute http(s) URL of a WebSub hub",
  categoryFeeds: "true or false",
  archive: "true or false",
};

function expectedFor(key: string, zodMessage: string): string {
  if (key === "") return 'a JSON object such as {"siteUrl": "https://www.example.com"}';
  return EXPECTED[key] ?? zodMessage;
}

/** Line and column of `"key":` in the JSON text, so the error points at the key. */
function keyLocation(source: string, key: string): { line?: number; column?: number } {
  const index = source.indexOf(JSON.stringify(key));
  return index < 0 ? {} : lineColumnAt(source, index);
}

function failure(diagnostic: Diagnostic): ConfigResult {
  return { ok: false, diagnostics: [diagnostic] };
}
