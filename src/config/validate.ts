/** Config data → a validated config or located diagnostics: pure, and apart from the loader so that finding no config file costs no schema library. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isValidTimeZone } from "../dates/index.js";
import { MAX_NESTING_DEPTH } from "../limits.js";
import { describeValue, LONE_SURROGATE, lineColumnAt, nearestName, quote, shapeProblem } from "../text.js";
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
  const duplicate = duplicateKey(source);
  if (duplicate) {
    return failure({
      code: "config.duplicate-key",
      severity: "error",
      file,
      ...lineColumnAt(source, duplicate.offset),
      field: duplicate.path,
      message: `config key "${duplicate.path}" is set twice; JSON keeps only the last, so the first would be silently ignored`,
      expected: "each key once",
    });
  }
  return validateConfig(data, file, (key) => keyLocation(source, key));
}

/**
 * The first key an object in valid JSON `source` repeats, with its offset and dotted path. JSON.parse keeps the
 * last value without a word, so a site that sets "title" twice would publish the one the editor did not mean.
 */
function duplicateKey(source: string): { path: string; offset: number } | undefined {
  const stack: { keys: Set<string> | undefined; key?: string }[] = [];
  let expectKey = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"') {
      const start = i;
      for (i++; source[i] !== '"'; i++) if (source[i] === "\\") i++;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(source.slice(start, i + 1)) as string;
        const path = [...stack.slice(0, -1).map((level) => level.key), key].filter((k) => k !== undefined).join(".");
        if (top.keys.has(key)) return { path, offset: start };
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
    } else if (c === "{") {
      stack.push({ keys: new Set() });
      expectKey = true;
    } else if (c === "[") stack.push({ keys: undefined });
    else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") expectKey = stack[stack.length - 1]?.keys !== undefined;
  }
  return undefined;
}

/** Checks config data against the schema; `locate` finds a key in the source for messages. */
export function validateConfig(data: unknown, file: string, locate: (key: string) => { line?: number; column?: number } = () => ({})): ConfigResult {
  const unreadable = textProblem(data, file, locate);
  if (unreadable) return failure(unreadable);
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

/**
 * Before the schema: a value nested too deep or looping (a config module's object that holds itself), or text no
 * feed can carry (a control character XML forbids, a lone surrogate). Each would otherwise pass the schema and
 * crash a renderer; named here by its key, so check and build refuse the same configs.
 */
function textProblem(data: unknown, file: string, locate: (key: string) => { line?: number; column?: number }): Diagnostic | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  for (const [key, value] of Object.entries(data)) {
    const shape = shapeProblem(value, { left: 1_000_000 }, MAX_NESTING_DEPTH);
    if (shape) {
      return {
        code: "config.invalid-value",
        severity: "error",
        file,
        ...locate(key),
        field: key,
        message: shape === "cyclic" ? `config key "${key}" holds itself (a cycle)` : shape === "too-deep" ? `config key "${key}" nests more than ${MAX_NESTING_DEPTH} levels deep` : `config key "${key}" is larger than a config can be`,
        expected: expectedFor(key, ""),
      };
    }
    const bad = badString(value, key);
    if (bad) {
      return {
        code: "config.invalid-value",
        severity: "error",
        file,
        ...locate(key),
        field: bad.path,
        message: `config key "${bad.path}" holds ${bad.why}, which no feed can carry`,
        found: quote(bad.text),
        expected: `${expectedFor(key, "text")}, without control characters`,
      };
    }
  }
  return undefined;
}

// XML 1.0 §2.2 forbids these (tab, LF and CR are allowed); U+FFFE and U+FFFF are not characters.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/** The first string inside `value` holding a forbidden control character or a lone surrogate, with its dotted path. */
function badString(value: unknown, path: string): { path: string; text: string; why: string } | undefined {
  if (typeof value === "string") {
    const control = FORBIDDEN_CONTROL.exec(value);
    if (control) return { path, text: value, why: `a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")})` };
    if (LONE_SURROGATE.test(value)) return { path, text: value, why: "a lone surrogate (half of a character)" };
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const bad = badString(item, `${path}.${key}`) ?? (FORBIDDEN_CONTROL.test(key) || LONE_SURROGATE.test(key) ? { path: `${path}.${key}`, text: key, why: "a control character or lone surrogate in a key" } : undefined);
    if (bad) return bad;
  }
  return undefined;
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
