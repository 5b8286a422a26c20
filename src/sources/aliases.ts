import type { Diagnostic } from "../diagnostics.js";
import type { RawArticle } from "../load/front-matter.js";

/**
 * Fields other site generators write, read as patrika's own. One table, documented in docs/sources.md; a field
 * neither here nor in the article schema still warns as unknown. Hugo matches keys without regard to case, so the
 * table does too.
 */
export const FIELD_ALIASES: readonly { alias: string; field: string; tools: string; note?: string }[] = [
  { alias: "publishDate", field: "date", tools: "Hugo", note: "the publication time; wins over Hugo's content `date`" },
  { alias: "pubDate", field: "date", tools: "Astro (its blog template), RSS-shaped CMS records" },
  { alias: "updatedDate", field: "updated", tools: "Astro (its blog template)" },
  { alias: "lastmod", field: "updated", tools: "Hugo" },
  { alias: "last_modified_at", field: "updated", tools: "Jekyll (jekyll-last-modified-at)" },
  { alias: "modified", field: "updated", tools: "Eleventy, WordPress exports" },
  { alias: "expiryDate", field: "expires", tools: "Hugo" },
  { alias: "authors", field: "author", tools: "Hugo, Astro" },
  { alias: "description", field: "summary", tools: "Hugo, Jekyll, Astro" },
  { alias: "images", field: "image", tools: "Hugo", note: "the first image of the list" },
  { alias: "categories", field: "category", tools: "Hugo, Jekyll", note: "the first category; the others become tags" },
];

/** `publishDate` wins over `date` (Hugo's publication time); every other alias yields to patrika's own field. */
const WINS_OVER_FIELD = new Set(["publishDate"]);

/**
 * The front matter with other tools' fields renamed to patrika's. When both an alias and its field are set, the
 * one that stays is said in a warning, never chosen in silence. Jekyll's `published: false` is a draft.
 */
export function applyAliases(raw: RawArticle): { data: Record<string, unknown>; warnings: Diagnostic[] } {
  const data: Record<string, unknown> = { ...raw.data };
  const warnings: Diagnostic[] = [];
  for (const { alias, field } of FIELD_ALIASES) {
    const key = Object.keys(data).find((k) => k.toLowerCase() === alias.toLowerCase());
    if (key === undefined || data[key] === null) continue;
    const value = aliasValue(alias, data[key], data);
    delete data[key];
    if (data[field] === undefined || data[field] === null) {
      data[field] = value;
      continue;
    }
    const aliasWins = WINS_OVER_FIELD.has(alias);
    if (aliasWins) data[field] = value;
    warnings.push({
      code: "article.alias-ignored",
      severity: "warning",
      file: raw.file,
      ...(raw.fields[aliasWins ? field : key] ?? { line: 1 }),
      field: aliasWins ? field : key,
      message: aliasWins ? `"${key}" is the publication time, so "${field}" is not used` : `"${key}" means the same as "${field}", which is set too; "${key}" is ignored`,
      expected: `one of "${field}" or "${key}"`,
    });
  }
  if (data.published === false && data.draft === undefined) {
    delete data.published;
    data.draft = true;
  }
  return { data, warnings };
}

/** A list alias becomes one value: the first image; the first category, with the others added to the tags. */
function aliasValue(alias: string, value: unknown, data: Record<string, unknown>): unknown {
  if (!Array.isArray(value)) return value;
  if (alias === "images") return value[0];
  if (alias === "categories") {
    const [first, ...rest] = value;
    if (rest.length > 0) data.tags = [...(Array.isArray(data.tags) ? data.tags : data.tags === undefined ? [] : [data.tags]), ...rest];
    return first;
  }
  return value;
}
