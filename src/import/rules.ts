/**
 * The page-shape rules (rules.json, plus a newsroom's `--rules FILE`), compiled once. Data, not code: adding a site's
 * byline or chrome line is a line in a JSON file (docs/import.md, "Rules").
 */
import shippedRules from "./rules.json" with { type: "json" };

/** A rules file as written: every list optional, entries added to the shipped ones. */
export interface RulesFile {
  publishedLabels?: string[];
  updatedLabels?: string[];
  /** Older name for the stamp labels; entries that are not update labels count as publication labels. */
  dateLabels?: string[];
  bylines?: string[];
  credits?: string[];
  placeholders?: string[];
  readMore?: string[];
  chromeEnd?: string[];
  chromeLines?: string[];
  liveMarkers?: string[];
}

/** The rules, compiled. */
export interface ImportRules {
  /** Every stamp label, longest first, with whether it labels an update. */
  labels: { text: string; updated: boolean }[];
  bylines: RegExp[];
  credits: RegExp[];
  placeholders: RegExp[];
  readMore: RegExp[];
  chromeEnd: RegExp[];
  chromeLines: RegExp[];
  liveMarkers: RegExp[];
}

const PATTERN_KEYS = ["bylines", "credits", "placeholders", "readMore", "chromeEnd", "chromeLines", "liveMarkers"] as const;

/** The rules patrika ships. */
export const SHIPPED_RULES = shippedRules as RulesFile;

/** Compiles rules files, later ones adding to earlier ones; a bad pattern throws naming its list and text. */
export function compileRules(...files: RulesFile[]): ImportRules {
  const compiled = {} as Record<(typeof PATTERN_KEYS)[number], RegExp[]>;
  for (const key of PATTERN_KEYS) {
    compiled[key] = files.flatMap((file) => file[key] ?? []).map((pattern) => {
      try {
        return new RegExp(pattern, "iu");
      } catch (error) {
        throw new Error(`rules: ${key} has a pattern that is not a regular expression: ${JSON.stringify(pattern)} (${(error as Error).message})`);
      }
    });
  }
  const updated = new Set(files.flatMap((file) => file.updatedLabels ?? []));
  const published = files.flatMap((file) => [...(file.publishedLabels ?? []), ...(file.dateLabels ?? []).filter((label) => !updated.has(label))]);
  const labels = [...new Set([...published, ...updated])]
    .map((text) => ({ text, updated: updated.has(text) }))
    .sort((a, b) => b.text.length - a.text.length);
  return { labels, ...compiled };
}

/** Checks a parsed rules file's shape: lists of strings only, under known keys. */
export function checkRulesFile(data: unknown, file: string): RulesFile {
  const known = new Set<string>(["$comment", "publishedLabels", "updatedLabels", "dateLabels", ...PATTERN_KEYS]);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error(`${file}: a rules file is a JSON object of lists, e.g. {"bylines": ["ব্যুরো$"]}`);
  for (const [key, value] of Object.entries(data)) {
    if (!known.has(key)) throw new Error(`${file}: unknown rules key "${key}"; expected one of ${[...known].filter((k) => k !== "$comment").join(", ")}`);
    if (key !== "$comment" && !(Array.isArray(value) && value.every((entry) => typeof entry === "string"))) {
      throw new Error(`${file}: "${key}" must be a list of strings`);
    }
  }
  return data as RulesFile;
}
