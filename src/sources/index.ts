import { basename, dirname } from "node:path/posix";
import type { Diagnostic } from "../diagnostics.js";
import type { RawArticle } from "../load/front-matter.js";
import { applyAliases } from "./aliases.js";

/** A raw article once other tools' conventions are read: an article in patrika's fields, or a page that is no article. */
export type Adapted = { kind: "article"; raw: RawArticle; warnings: Diagnostic[] } | { kind: "not-article"; reason: string };

/** The article file extensions (Jekyll sites often use .markdown). */
export const ARTICLE_EXTENSIONS = [".md", ".markdown"] as const;

/**
 * Reads the conventions of the site generators newsrooms use, so their content folders build as they are:
 * - Hugo: `_index.md` is a section's list page, not an article; a page bundle `flood/index.md` is named by its folder.
 * - Jekyll: in `_posts/`, `2025-07-13-flood.md` gives the name `flood` and, when the front matter has none, the date;
 *   everything in `_drafts/` is a draft; `published: false` is a draft.
 * - Both: the fields of FIELD_ALIASES (lastmod, publishDate, categories …).
 * Pure. Which convention applied is visible in the result (the name, the date) and documented in docs/sources.md.
 */
export function adaptSource(raw: RawArticle): Adapted {
  const file = basename(raw.relativePath);
  if (/^_index\./.test(file)) return { kind: "not-article", reason: "a Hugo section list page (_index.md)" };
  const { data, warnings } = applyAliases(raw);
  const segments = raw.file.split(/[\\/]/);
  const post = segments.includes("_posts") ? JEKYLL_POST.exec(file) : null;
  if (post && data.date === undefined) data.date = post[1];
  if (segments.includes("_drafts") && data.draft === undefined) data.draft = true;
  const name = post ? post[2]! : isBundleIndex(file) ? bundleName(raw.relativePath) : stem(file);
  return { kind: "article", raw: withData(raw, data, name), warnings };
}

/** Jekyll's post file name: the date, then the name. */
const JEKYLL_POST = /^(\d{4}-\d{2}-\d{2})-(.+)\.(?:md|markdown)$/;

const stem = (file: string) => file.replace(/\.(?:md|markdown)$/, "");
const isBundleIndex = (file: string) => /^index\.(?:md|markdown)$/.test(file);

/** A page bundle's name is its folder's; a bundle at the top of the articles folder has none but "index". */
function bundleName(relativePath: string): string {
  const folder = dirname(relativePath);
  return folder === "." ? "index" : basename(folder);
}

/** The raw article with new data and name; its field locations stay lazy (locating costs a scan of the front matter). */
function withData(raw: RawArticle, data: Record<string, unknown>, name: string): RawArticle {
  const adapted = { file: raw.file, relativePath: raw.relativePath, name, data, body: raw.body, bodyOffset: raw.bodyOffset, sha1: raw.sha1 } as RawArticle;
  Object.defineProperty(adapted, "fields", { enumerable: true, get: () => raw.fields });
  return adapted;
}
