import { basename } from "node:path/posix";
import type { Diagnostic } from "../diagnostics.js";
import { tryParseBengaliDate } from "../dates/index.js";
import { MAX_URL_LENGTH } from "../limits.js";
import type { FieldLocation, RawArticle } from "../load/front-matter.js";
import type { Article, ArticleDate, ArticleImage, SiteConfig } from "../model.js";
import { collidingOutput, reservedNamesText } from "../outputs.js";
import { describeValue, nearestName, quote, singleLine, xmlSafe } from "../text.js";
import { FIELD_EXPECTATIONS, frontMatterSchema, KNOWN_FIELDS, REQUIRED_FIELDS, type FrontMatter } from "./article-schema.js";
import { encodePath, encodeSegment, isValidSegment } from "./paths.js";

export interface NormaliseContext {
  config: SiteConfig;
  now: Date;
}

export type ArticleResult =
  | { kind: "article"; article: Article; warnings: Diagnostic[] }
  | { kind: "draft"; warnings: Diagnostic[] }
  | { kind: "invalid"; diagnostics: Diagnostic[] };

/** Where an article is published: its slug, category and URL. */
interface Place {
  slug: string;
  category?: string;
  url: string;
}

/** Turns one raw article into a typed Article, or says everything that is wrong with it. Pure. */
export function normaliseArticle(raw: RawArticle, context: NormaliseContext): ArticleResult {
  const warnings = unknownFieldWarnings(raw);
  // An empty YAML value (`updated:`) is null: treat it as absent, so only required fields complain.
  const data = Object.fromEntries(Object.entries(raw.data).filter(([, value]) => value !== null));
  if (data.draft === true) return { kind: "draft", warnings };
  const checked = checkFields(raw, data);
  if (!checked.ok) return { kind: "invalid", diagnostics: checked.problems };
  const front = checked.front;

  const problems: Diagnostic[] = [];
  const at = (field: string) => locate(raw, field);
  const published = readDate(front.date, "date", raw, context, problems, warnings);
  const updated = front.updated === undefined ? undefined : readDate(front.updated, "updated", raw, context, problems, warnings);
  checkDateOrder(published, updated, at, problems);
  const place = readPlace(front, raw, context.config, problems);
  const image = readImage(front.image, raw, problems, warnings);
  if (problems.length > 0 || !published || !place) return { kind: "invalid", diagnostics: problems };

  const title = singleLine(xmlSafe(front.title));
  if (title === "") return { kind: "invalid", diagnostics: [unpublishableTitle(front.title, at)] };
  const article: Article = {
    file: raw.file,
    relativePath: raw.relativePath,
    id: front.id?.trim() || mintTagUri(context.config.siteUrl, published, raw.relativePath),
    title,
    slug: place.slug,
    category: place.category,
    url: place.url,
    published,
    updated,
    authors: cleanList(front.author),
    tags: cleanList(front.tags),
    summary: front.summary === undefined ? undefined : singleLine(xmlSafe(front.summary)) || undefined,
    image,
    body: raw.body,
  };
  return { kind: "article", article, warnings };
}

/**
 * The permanent id when the article sets none: an RFC 4151 tag URI from the site's host, the local publication
 * date and the file name, so editing the slug, category or title never makes readers show the story again.
 */
function mintTagUri(siteUrl: string, published: ArticleDate, relativePath: string): string {
  const host = new URL(siteUrl).hostname;
  const name = basename(relativePath).replace(/\.md$/, "");
  return `tag:${host},${published.iso.slice(0, 10)}:${encodeSegment(name)}`;
}

/** A warning, with a did-you-mean, for every field patrika does not read. */
function unknownFieldWarnings(raw: RawArticle): Diagnostic[] {
  return Object.keys(raw.data)
    .filter((key) => !(KNOWN_FIELDS as string[]).includes(key))
    .map((key) => {
      const suggestion = nearestName(key, KNOWN_FIELDS);
      return {
        code: "article.unknown-field",
        severity: "warning",
        ...locate(raw, key),
        field: key,
        message: `unknown field "${key}" is ignored`,
        expected: `one of ${KNOWN_FIELDS.join(", ")}`,
        hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
      } satisfies Diagnostic;
    });
}

/** The required fields present, then every field of the right type: the front matter typed, or every problem. */
function checkFields(raw: RawArticle, data: Record<string, unknown>): { ok: true; front: FrontMatter } | { ok: false; problems: Diagnostic[] } {
  const problems: Diagnostic[] = REQUIRED_FIELDS.filter((field) => isBlank(data[field])).map((field) => ({
    code: "article.missing-field",
    severity: "error",
    ...locate(raw, field),
    field,
    message: data[field] === undefined ? `required field "${field}" is missing` : `required field "${field}" is empty`,
    expected: FIELD_EXPECTATIONS[field],
  }));
  const parsed = frontMatterSchema.safeParse(data);
  if (parsed.success) return problems.length > 0 ? { ok: false, problems } : { ok: true, front: parsed.data };
  const reported = new Set(problems.map((p) => p.field));
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (reported.has(field)) continue;
    reported.add(field);
    problems.push({
      code: "article.invalid-field",
      severity: "error",
      ...locate(raw, field),
      field,
      message: `field "${field}" has the wrong type`,
      found: describeValue(data[field]),
      expected: FIELD_EXPECTATIONS[field as keyof FrontMatter] ?? issue.message,
    });
  }
  return { ok: false, problems };
}

const isBlank = (value: unknown) => value === undefined || (typeof value === "string" && value.trim() === "");

/**
 * Reads a date field. An article is read again at every build, so a relative date (২ ঘণ্টা আগে) would move with each
 * build's now: it is refused, with the absolute date it means at this now for the editor to paste. The reader's
 * remarks (a Bangla date that disagrees, ignored words) are worth an editor's look, not a failure: warnings.
 */
function readDate(text: string, field: "date" | "updated", raw: RawArticle, context: NormaliseContext, problems: Diagnostic[], warnings: Diagnostic[]): ArticleDate | undefined {
  const options = { timeZone: context.config.timeZone, calendar: context.config.banglaCalendar };
  const result = tryParseBengaliDate(text, options);
  const location = () => locate(raw, field); // only when there is something to say: locating costs a scan
  if (!result.ok && result.error.code === "date.relative-needs-now") {
    problems.push(relativeDateProblem(text, field, tryParseBengaliDate(text, { ...options, now: context.now }), location()));
    return undefined;
  }
  if (!result.ok) {
    problems.push(unreadableDate(text, field, result.error, location()));
    return undefined;
  }
  for (const note of result.value.notes) {
    warnings.push({ code: note.code as Diagnostic["code"], severity: "warning", ...location(), field, message: note.message, found: quote(text) });
  }
  const date = { iso: result.value.iso, instant: result.value.instant, precision: result.value.precision };
  checkPlausible(date, field, raw, context, problems);
  return date;
}

function relativeDateProblem(text: string, field: string, atNow: ReturnType<typeof tryParseBengaliDate>, at: Location): Diagnostic {
  return {
    code: "article.relative-date",
    severity: "error",
    ...at,
    field,
    message: "a relative date in an article would be read again at every build, so the story would stay new forever",
    found: quote(text),
    expected: atNow.ok ? `the absolute date it means now: ${field}: "${atNow.value.iso}"` : "an absolute date, e.g. \"১৩ জুলাই ২০২৫, ১৭:২৮\"",
    hint: atNow.ok ? `write ${field}: "${atNow.value.iso}" (the time it means at this build's now)` : undefined,
  };
}

function unreadableDate(text: string, field: string, error: { code: string; offset: number; reason: string; found: string; expected: string }, at: Location): Diagnostic {
  const where = error.found && error.found !== text.trim() ? ` ("${error.found}", character ${error.offset + 1} of the value)` : "";
  return {
    code: error.code as Diagnostic["code"],
    severity: "error",
    ...at,
    // Point at the offending character inside the value when the value sits on the key's line.
    column: at.column === undefined ? undefined : at.column + error.offset,
    field,
    message: `not a date patrika can read: ${error.reason}${where}`,
    found: quote(text),
    expected: error.expected,
  };
}

/** A date far outside the site's life is a typo (১০২৫ for ২০২৫), caught before it sinks or tops every feed. */
function checkPlausible(date: ArticleDate, field: "date" | "updated", raw: RawArticle, context: NormaliseContext, problems: Diagnostic[]): void {
  const { earliestDate, maxFutureDays } = context.config;
  const latest = context.now.getTime() + maxFutureDays * 86_400_000;
  const tooEarly = date.iso.slice(0, 10) < earliestDate;
  if (!tooEarly && date.instant.getTime() <= latest) return;
  problems.push({
    code: "article.implausible-date",
    severity: "error",
    ...locate(raw, field),
    field,
    message: tooEarly ? `${field} is before ${earliestDate}, earlier than this site accepts` : `${field} is more than ${maxFutureDays} days after now`,
    found: date.iso,
    expected: `a date from ${earliestDate} to ${maxFutureDays} days after now (config keys earliestDate and maxFutureDays)`,
  });
}

function checkDateOrder(published: ArticleDate | undefined, updated: ArticleDate | undefined, at: (field: string) => Location, problems: Diagnostic[]): void {
  if (!published || !updated || updated.instant.getTime() >= published.instant.getTime()) return;
  problems.push({
    code: "article.updated-before-date",
    severity: "error",
    ...at("updated"),
    field: "updated",
    message: "updated is earlier than the publication date",
    found: `updated ${updated.iso}, date ${published.iso}`,
    expected: "an update time at or after date (or no updated field)",
  });
}

/** The slug (the field, else the file name), the category and the URL they make, or undefined with the problems. */
function readPlace(front: FrontMatter, raw: RawArticle, config: SiteConfig, problems: Diagnostic[]): Place | undefined {
  const before = problems.length;
  const fromFile = front.slug === undefined;
  const slugAt = fromFile ? { file: raw.file } : locate(raw, "slug");
  const slug = (front.slug ?? basename(raw.relativePath).replace(/\.md$/, "")).trim();
  if (!isValidSegment(slug)) {
    problems.push({
      code: "article.invalid-slug",
      severity: "error",
      ...slugAt,
      field: "slug",
      message: fromFile ? "the file name cannot serve as the article's slug" : "the slug cannot form a URL path segment",
      found: quote(slug),
      expected: FIELD_EXPECTATIONS.slug,
      hint: fromFile ? "rename the file or set slug: in the front matter" : undefined,
    });
  }
  const category = front.category?.trim() || undefined;
  const segments = category === undefined ? [] : category.split("/");
  if (category !== undefined && !segments.every(isValidSegment)) {
    problems.push({ code: "article.invalid-category", severity: "error", ...locate(raw, "category"), field: "category", message: "the category cannot form a URL path", found: quote(category), expected: FIELD_EXPECTATIONS.category });
  }
  const collision = collidingOutput([...segments, slug], segments.length, { archive: config.archive });
  if (collision) problems.push(outputCollision(collision, segments.length, raw));
  const url = `${config.siteUrl}/${encodePath([...segments, slug])}`;
  if (url.length >= MAX_URL_LENGTH) {
    problems.push({
      code: "article.invalid-slug",
      severity: "error",
      ...slugAt,
      field: "slug",
      message: `the article's URL would be ${url.length} characters long once percent-encoded (each Bengali letter takes 9)`,
      found: quote(slug),
      expected: `a URL under ${MAX_URL_LENGTH} characters (the sitemap limit): shorten the slug`,
    });
  }
  return problems.length > before ? undefined : { slug, category, url };
}

function outputCollision(collision: { output: string; segment: number }, categoryDepth: number, raw: RawArticle): Diagnostic {
  const field = collision.segment < categoryDepth ? "category" : "slug";
  return {
    code: field === "category" ? "article.invalid-category" : "article.invalid-slug",
    severity: "error",
    ...locate(raw, field),
    field,
    message: `the article's URL path would be taken by ${collision.output}, a file or folder patrika writes`,
    found: quote(collision.output),
    expected: `a name other than ${reservedNamesText()}`,
  };
}

function unpublishableTitle(title: string, at: (field: string) => Location): Diagnostic {
  // Nothing but characters XML forbids: publishing it would give readers an empty headline.
  return {
    code: "article.missing-field",
    severity: "error",
    ...at("title"),
    field: "title",
    message: "the title holds only characters that cannot be published (control characters)",
    found: quote(title),
    expected: FIELD_EXPECTATIONS.title,
  };
}

function readImage(value: FrontMatter["image"], raw: RawArticle, problems: Diagnostic[], warnings: Diagnostic[]): ArticleImage | undefined {
  if (value === undefined) return undefined;
  const spec = typeof value === "string" ? { url: value } : value;
  if (spec.url === undefined) {
    // An imported page keeps its caption and credit, but without a URL there is no image to syndicate.
    warnings.push({
      code: "article.image-without-url",
      severity: "warning",
      ...locate(raw, "image"),
      field: "image",
      message: "the image has no url, so it is left out of the feeds",
      expected: "image.url: an absolute URL of the photo",
    });
    return undefined;
  }
  const url = httpUrl(spec.url.trim());
  if (!url) {
    problems.push({
      code: "article.invalid-image",
      severity: "error",
      ...locate(raw, "image"),
      field: "image",
      message: "the image URL is not an absolute http(s) URL",
      found: quote(spec.url),
      expected: "an absolute URL such as https://www.example.com/images/photo.jpg",
    });
    return undefined;
  }
  const image: ArticleImage = { url: url.href };
  const caption = "caption" in spec && spec.caption !== undefined ? singleLine(xmlSafe(spec.caption)) : "";
  const credit = "credit" in spec && spec.credit !== undefined ? singleLine(xmlSafe(spec.credit)) : "";
  if (caption) image.caption = caption;
  if (credit) image.credit = credit;
  if ("length" in spec && spec.length !== undefined) image.length = spec.length;
  return image;
}

function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A name or list of names, each on one line and cleaned; empty ones dropped. */
function cleanList(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((entry) => singleLine(xmlSafe(entry))).filter(Boolean);
}

type Location = { file: string; line?: number; column?: number };

function locate(raw: RawArticle, field: string): Location {
  const location: FieldLocation | undefined = raw.fields[field];
  return location ? { file: raw.file, line: location.line, column: location.column } : { file: raw.file, line: 1 };
}
