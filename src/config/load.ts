import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { lineColumnAt } from "../text.js";
import type { ConfigResult } from "./validate.js";

export type { ConfigResult } from "./validate.js";

/** The config files looked for, in this order, when --config is not given (a typed module or JSON). */
export const CONFIG_FILES = ["patrika.config.ts", "patrika.config.mts", "patrika.config.mjs", "patrika.config.js", "patrika.config.json"] as const;
/** The config file `patrika init` writes and messages suggest. */
const DEFAULT_CONFIG_FILE = "patrika.config.json";
/** Config files that are modules run with their `export default` (TypeScript is compiled on the fly). */
const MODULE_CONFIG = /\.(c|m)?(t|j)s$/;

/**
 * Reads and validates the config: `file` when given, else the one patrika.config.{ts,mts,mjs,js,json} in `cwd`.
 * Every problem comes back as a located diagnostic.
 */
export async function loadConfig(file?: string, cwd = process.cwd()): Promise<ConfigResult> {
  if (file === undefined) {
    const present = CONFIG_FILES.filter((name) => existsSync(join(cwd, name)));
    if (present.length > 1) {
      return failure({
        code: "config.ambiguous",
        severity: "error",
        file: present.join(", "),
        message: "more than one config file; patrika would have to guess which one you mean",
        expected: "exactly one of " + CONFIG_FILES.join(", "),
        hint: `delete all but one, or pass --config ${present[0]}`,
      });
    }
    const name = present[0] ?? DEFAULT_CONFIG_FILE;
    file = cwd === process.cwd() ? name : join(cwd, name); // as the user would type it
  }
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
      expected: `a JSON file such as {"siteUrl": "https://www.example.com"}, or a patrika.config.ts that exports defineConfig({...})`,
      hint: missing ? `run npx patrika init, create ${DEFAULT_CONFIG_FILE} in the working directory, or pass --config FILE` : undefined,
    });
  }
  // The schema (zod) is loaded only once there is a config to check: `patrika date` without one starts faster.
  const { parseConfig, validateConfig } = await import("./validate.js");
  if (!MODULE_CONFIG.test(file)) return parseConfig(text, file);
  let data: unknown;
  try {
    data = await importConfigModule(resolve(file));
  } catch (error) {
    const message = String((error as Error).message ?? error);
    // The compiler names the place as "<path>:<line>:<column from 0>" on its second line.
    const place = /:(\d+):(\d+)\s*$/m.exec(message.split("\n").slice(1).join("\n"));
    return failure({
      code: "config.module-failed",
      severity: "error",
      file,
      ...(place ? { line: Number(place[1]), column: Number(place[2]) + 1 } : {}),
      message: `the config module could not be run: ${message.split("\n")[0]!.trim()}`,
      expected: 'a module whose default export is the config, e.g. export default defineConfig({ siteUrl: "https://www.example.com" })',
    });
  }
  if (data === undefined) {
    return failure({
      code: "config.no-default-export",
      severity: "error",
      file,
      message: "the config module has no default export",
      expected: 'export default defineConfig({ siteUrl: "https://www.example.com" })',
    });
  }
  return validateConfig(data, file, (key) => moduleKeyLocation(text, key));
}

/** Runs a config module and returns its default export; jiti compiles TypeScript without a build step (Node 20 cannot). */
async function importConfigModule(path: string): Promise<unknown> {
  const { createJiti } = await import("jiti"); // loaded only for module configs: it is not free to start
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false });
  const module = (await jiti.import(path)) as { default?: unknown };
  return module.default;
}

/** Line and column of `key:` (or `"key":`) in a config module's source. */
function moduleKeyLocation(source: string, key: string): { line?: number; column?: number } {
  const match = new RegExp(`(["']?)\\b${key.replace(/\$/g, "\\$")}\\1\\s*:`).exec(source);
  return match ? lineColumnAt(source, match.index) : {};
}

function failure(diagnostic: Diagnostic): ConfigResult {
  return { ok: false, diagnostics: [diagnostic] };
}
