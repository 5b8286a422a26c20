/** Config data → a validated config or located diagnostics: pure, and apart from the loader so that finding no config file costs no schema library. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isValidTimeZone } from "../dates/index.js";
import { describeValue, lineColumnAt, nearestName } from "../text.js";
import { configSchema, siteConfigSchema, type SiteConfig } from "./schema.js";

/** A validated config and the file it came from, or every problem found. */
export type ConfigResult = { ok: true; config: SiteConfig; file: string } | { ok: false; diagnostics: Diagnostic[] };

/** The keys a config file may set ($schema, for editors, goes unmentioned). */
const CONFIG_KEYS = Object.keys(configSchema.shape).filter((key) => !key.startsWith("$"));

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
  return validateConfig(data, file, (key) => keyLocation(source, key));
}

/** Checks config data against the schema; `locate` finds a key in the source for messages. */
export function validateConfig(data: unknown, file: string, locate: (key: string) => { line?: number; column?: number } = () => ({})): ConfigResult {
  const parsed = siteConfigSchema.safeParse(data);
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
            ...locate(key),
            field: key,
            message: `unknown config key "${key}"`,
            expected: `one of ${CONFIG_KEYS.join(", ")}`,
            hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
          });
        }
        continue;
      }
      const key = issue.path.map(String).join(".");
      const value = issue.path.reduce<unknown>((at, step) => (typeof at === "object" && at !== null ? (at as Record<PropertyKey, unknown>)[step as PropertyKey] : undefined), data);
      diagnostics.push({
        code: "config.invalid-value",
        severity: "error",
        file,
        ...(key ? locate(String(issue.path[0])) : {}),
        field: key || undefined,
        // A rule of patrika's own (a refinement) says exactly what is wrong; zod's type messages add nothing.
        message: !key ? "the config must be a JSON object" : issue.code === "custom" ? `config key "${key}" must be ${issue.message}` : `config key "${key}" is invalid`,
        found: value === undefined ? "nothing (the key is missing)" : describeValue(value),
        expected: expectedFor(String(issue.path[0] ?? ""), issue.message),
      });
    }
    return { ok: false, diagnostics };
  }
  if (!isValidTimeZone(parsed.data.timeZone)) {
    return failure({
      code: "config.unknown-time-zone",
      severity: "error",
      file,
      ...locate("timeZone"),
      field: "timeZone",
      message: "timeZone is not a time zone this machine's tz database knows",
      found: JSON.stringify(parsed.data.timeZone),
      expected: 'an IANA zone name such as "Asia/Dhaka" or "Asia/Kolkata"',
    });
  }
  const config = parsed.data;
  // Folders in a config file are relative to the file, so `--config site/patrika.config.json` finds site/articles.
  if (existsSync(file)) {
    if (config.articlesDir) config.articlesDir = join(dirname(file), config.articlesDir);
    if (config.outDir) config.outDir = join(dirname(file), config.outDir);
  }
  return { ok: true, config, file };
}

const EXPECTED: Record<string, string> = {
  siteUrl: "an absolute http(s) URL without query, fragment, user name or password, such as https://www.example.com",
  banglaCalendar: '"bangladesh" or "west-bengal"',
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
  permalink: 'a URL pattern such as "/:category/:slug/" (tokens :year :month :day :slug :filename :category :section), or { "section": pattern, "*": pattern }',
  categories: 'category paths, each with a title (and a description): { "sports": { "title": "খেলা" } }',
  previewFile: "a file name ending in .html, such as index.html",
  idHost: "a host name such as www.example.com: the host of the ids readers already have",
  archive: "true or false",
  articlesDir: "a folder path relative to the config file, such as \"articles\"",
  outDir: "a folder path relative to the config file, such as \"output\"",
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
