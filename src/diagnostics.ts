/** One problem found in the input, located and explained; stages return these instead of throwing. */
export interface Diagnostic {
  /** Stable, searchable code (e.g. `article.missing-field`); never renamed once published. */
  code: DiagnosticCode;
  severity: "error" | "warning";
  /** Path of the file as the user named it (relative to the working directory when possible). */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `line`. */
  column?: number;
  /** The front-matter field or config key concerned. */
  field?: string;
  /** What happened, in one sentence. */
  message: string;
  /** The offending text, quoted back to the user. */
  found?: string;
  /** What would have been accepted. */
  expected?: string;
  /** What to do about it. */
  hint?: string;
}

/** The catalogue of codes: each names one kind of problem and what it means. */
export const DIAGNOSTIC_CODES = {
  "config.not-found": "the config file does not exist",
  "config.unreadable": "the config file could not be read",
  "config.invalid-json": "the config file is not valid JSON",
  "config.unknown-key": "the config file has a key patrika does not know",
  "config.invalid-value": "a config value has the wrong type or form",
  "config.unknown-time-zone": "timeZone is not an IANA time zone name",
  "config.ambiguous": "more than one patrika.config.* file in the folder",
  "config.id-host-changed": "siteUrl's host changed, which would change every minted id, and idHost does not say what is intended",
  "config.duplicate-key": "the JSON config sets the same key twice, and only the last one would count",
  "config.out-inside-articles": "outDir is the articles folder or inside it, so a build would read its own output",
  "config.module-failed": "patrika.config.ts (or .js) threw or did not compile",
  "config.no-default-export": "patrika.config.ts (or .js) has no default export",
  "input.articles-not-found": "the articles folder does not exist or is not a folder",
  "input.folder-unreadable": "a folder inside the articles folder cannot be listed",
  "input.invalid-now": "--now or SOURCE_DATE_EPOCH is not a valid instant",
  "input.invalid-workers": "PATRIKA_WORKERS is not a whole number of worker threads",
  "input.previous-unreadable": "the feed named by --previous could not be read or is not a feed",
  "input.symlink-skipped": "a symbolic link in the articles folder is not followed",
  "input.not-a-file": "an entry named like an article is a FIFO, socket or device, not a regular file",
  "file.unreadable": "an article file could not be read",
  "file.not-utf8": "an article file is not valid UTF-8 text",
  "file.empty": "an article file is empty",
  "file.too-large": "an article file is larger than an article can be",
  "frontmatter.missing": "an article has no front matter block",
  "frontmatter.unterminated": "the front matter's opening --- (or +++) has no closing line",
  "frontmatter.invalid-yaml": "the front matter is not valid YAML",
  "frontmatter.invalid-toml": "the front matter (between +++ lines) is not valid TOML",
  "frontmatter.invalid-json": "the front matter (a JSON object at the top) is not valid JSON",
  "frontmatter.not-a-mapping": "the front matter is not a set of key: value fields",
  "frontmatter.too-large": "the front matter is larger than patrika reads, as written or with its YAML aliases expanded",
  "frontmatter.too-deep": "the front matter nests lists or mappings deeper than patrika reads",
  "article.missing-field": "a required field is missing or empty",
  "article.invalid-field": "a field has the wrong type or form",
  "article.unknown-field": "a field patrika does not know (probably a typo)",
  "article.invalid-slug": "the slug cannot form a URL path segment",
  "article.invalid-url": "the url or permalink field cannot give this site's URL of the article",
  "article.alias-ignored": "another tool's name for a field is set beside patrika's own; one of them is ignored",
  "article.invalid-category": "the category cannot form a URL path",
  "article.invalid-image": "the image URL is not an absolute http(s) URL",
  "article.image-without-url": "the image has a caption but no URL, so it is not syndicated",
  "article.updated-before-date": "updated is earlier than date",
  "article.implausible-date": "a date outside the configured plausible range (a typo in the year)",
  "article.relative-date": "a relative date (২ ঘণ্টা আগে) in an article, which would move with every build",
  "article.invalid-id": "the id is not a URI (a scheme and a colon, no spaces)",
  "article.updated-after-now": "an already published article says it was updated after now (a warning)",
  "article.too-long": "a title or other text field is longer than patrika publishes",
  "article.category-case": "two categories differ only in upper and lower case, so they make two folders and feeds",
  "article.duplicate-url": "two articles would be published at the same URL",
  "article.duplicate-id": "two articles have the same permanent id",
  "article.id-kept": "a renamed or moved story keeps the id readers already have",
  "article.id-changed": "a story readers already have would get a new id, so they would show it again",
  "output.write-failed": "an output file could not be written; the previous output is untouched",
  "output.locked": "another build is writing the same output folder",
  "output.foreign-file": "the output folder holds files patrika did not write where it would write",
  "hub.ping-failed": "the WebSub hub did not accept the publish notification",
} as const;

/** A stable diagnostic code, or one passed on from the date reader (`date.*`). */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES | `date.${string}`;

/** `file:line:column` as editors and CI annotations read it. */
function formatLocation(d: Pick<Diagnostic, "file" | "line" | "column">): string {
  if (d.file === undefined) return "";
  let location = d.file;
  if (d.line !== undefined) location += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) location += `:${d.column}`;
  return location;
}

/** One diagnostic as a line (plus indented detail lines) for people. */
export function formatDiagnostic(d: Diagnostic): string {
  const location = formatLocation(d);
  const head = `${location ? `${location}: ` : ""}${d.severity} [${d.code}]${d.field ? ` ${d.field}:` : ""} ${d.message}`;
  const details: string[] = [];
  if (d.found !== undefined) details.push(`found:    ${d.found}`);
  if (d.expected !== undefined) details.push(`expected: ${d.expected}`);
  if (d.hint !== undefined) details.push(`hint:     ${d.hint}`);
  return [head, ...details.map((line) => `    ${line}`)].join("\n");
}

/** Sorts diagnostics by file, then line, then column, so a report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.code, b.code),
  );
}

/** Code-unit order: independent of the machine's locale, so reports are byte-identical everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");
