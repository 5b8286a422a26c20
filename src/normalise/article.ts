import { basename } from "node:path/posix";
import type { Diagnostic } from "../diagnostics.js";
import { tryParseBengaliDate } from "../dates/index.js";
import { MAX_FIELD_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from "../limits.js";
import type { FieldLocation, RawArticle } from "../load/front-matter.js";
import type { Article, ArticleDate, ArticleImage, SiteConfig } from "../model.js";
import { categoryCollision, reservedNamesText, urlCollision } from "../outputs.js";
import { DEFAULT_PERMALINK, permalinkProblem } from "../permalinks.js";
import { describeValue, nearestName, quote, singleLine, xmlSafe } from "../text.js";
import { FIELD_EXPECTATIONS, frontMatterSchema, KNOWN_FIELDS, REQUIRED_FIELDS, type FrontMatter } from "./article-schema.js";
import { encodeSegment, isValidSegment } from "./paths.js";
import { expandPermalink } from "./permalink.js";

export interface NormaliseContext {
  config: SiteConfig;
  now: Date;
}

export type ArticleResult =
  | { kind: "article"; article: Article; warnings: Diagnostic[] }
  | { kind: "draft"; warnings: Diagnostic[] }
  /** A file in the articles folder that is no article (a Hugo section's list page): left out and listed. */
  | { kind: "not-article"; reason: string }
  | { kind: "invalid"; diagnostics: Diagnostic[] };

/** Where an article is published: its slug, category and URL. */
interface Place {
  slug: string;
  category?: string;
  url: string;
}

/**
 * Turns one raw article into a typed Article, or says everything that is wrong with it — its warnings too, so an
 * editor fixing an error sees the rest at once (a misspelt field beside a bad date). Pure.
 */
export function normaliseArticle(raw: RawArticle, context: NormaliseContext): ArticleResult {
  const warnings = unknownFieldWarnings(raw);
  const invalid = (problems: Diagnostic[]): ArticleResult => ({ kind: "invalid", diagnostics: [...problems, ...warnings] });
  // An empty YAML value (`updated:`) is null: treat it as absent, so only required fields complain.
  const data = Object.fromEntries(Object.entries(raw.data).filter(([, value]) => value !== null));
  if (data.draft === true) return { kind: "draft", warnings };
  const checked = checkFields(raw, data);
  if (!checked.ok) return invalid(checked.problems);
  const front = checked.front;

  const problems: Diagnostic[] = lengthProblems(front, raw);
  if (problems.length > 0) return invalid(problems);
  const at = (field: string) => locate(raw, field);
  const published = readDate(front.date, "date", raw, context, problems, warnings);
  const updated = front.updated === undefined ? undefined : readDate(front.updated, "updated", raw, context, problems, warnings);
  checkDateOrder(published, updated, at, problems);
  checkUpdatedNotAhead(published, updated, context.now, at, warnings);
  if (front.id !== undefined && front.id.trim() !== "" && !isUri(front.id.trim())) problems.push(invalidId(front.id, at));
  const expires = front.expires === undefined ? undefined : readDate(front.expires, "expires", raw, context, problems, warnings, false);
  const place = published && readPlace(front, raw, published, context.config, problems);
  const image = readImage(front.image, raw, problems, warnings);
  if (problems.length > 0 || !published || !place) return invalid(problems);

  const title = singleLine(xmlSafe(front.title));
  if (isInvisible(title)) return invalid([unpublishableTitle(front.title, at)]);
  const article: Article = {
    file: raw.file,
    relativePath: raw.relativePath,
    id: front.id?.trim() || mintTagUri(idHostOf(context.config), published, nameOf(raw)),
    idMinted: !front.id?.trim(),
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
    expires,
    body: raw.body,
  };
  return { kind: "article", article, warnings };
}

/**
 * The permanent id when the article sets none: an RFC 4151 tag URI from the site's host, the local publication
 * date and the article's name (its file name, or its bundle's folder), so editing the slug, category or title never
 * makes readers show the story again.
 */
function mintTagUri(host: string, published: ArticleDate, name: string): string {
  return `tag:${host},${published.iso.slice(0, 10)}:${encodeSegment(name)}`;
}

/** The host minted ids carry: the config's idHost (kept after a move), else siteUrl's. */
export const idHostOf = (config: SiteConfig): string => config.idHost ?? new URL(config.siteUrl).hostname;

/** The article's own name: set by sources/ for bundles and Jekyll posts, else its file name without extension. */
const nameOf = (raw: RawArticle) => raw.name ?? basename(raw.relativePath).replace(/\.(?:md|markdown)$/, "");

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
function readDate(text: string, field: DateField, raw: RawArticle, context: NormaliseContext, problems: Diagnostic[], warnings: Diagnostic[], plausible = true): ArticleDate | undefined {
  const { timeZone, banglaCalendar } = context.config;
  const result = tryParseBengaliDate(text, { timeZone, now: context.now, ...(banglaCalendar ? { calendar: banglaCalendar } : {}) });
  const location = () => locate(raw, field); // only when there is something to say: locating costs a scan
  if (!result.ok) {
    problems.push(unreadableDate(text, field, result.error, location()));
    return undefined;
  }
  if (result.value.relative) {
    problems.push(relativeDateProblem(text, field, result.value.iso, location()));
    return undefined;
  }
  for (const note of result.value.notes) {
    warnings.push({ code: note.code as Diagnostic["code"], severity: "warning", ...location(), field, message: note.message, found: quote(text) });
  }
  const date = { iso: result.value.iso, instant: result.value.instant, precision: result.value.precision };
  if (plausible) checkPlausible(date, field, raw, context, problems);
  return date;
}

function relativeDateProblem(text: string, field: string, isoAtNow: string, at: Location): Diagnostic {
  return {
    code: "article.relative-date",
    severity: "error",
    ...at,
    field,
    message: "a relative date in an article would be read again at every build, so the story would stay new forever",
    found: quote(text),
    expected: `the absolute date it means now: ${field}: "${isoAtNow}"`,
    hint: `write ${field}: "${isoAtNow}" (the time it means at this build's now)`,
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
function checkPlausible(date: ArticleDate, field: DateField, raw: RawArticle, context: NormaliseContext, problems: Diagnostic[]): void {
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

/** The slug (the field, else the article's name), the category and the URL they make, or undefined with the problems. */
function readPlace(front: FrontMatter, raw: RawArticle, published: ArticleDate, config: SiteConfig, problems: Diagnostic[]): Place | undefined {
  const before = problems.length;
  const fromFile = front.slug === undefined;
  const slugAt = fromFile ? { file: raw.file } : locate(raw, "slug");
  const slug = (front.slug ?? nameOf(raw)).trim();
  // The slug (and the file name) must form a URL segment only where the URL is made from them: an article with its
  // own url, or a pattern without :slug, may come from a file or CMS record whose name is no segment ("cms:5120").
  const pattern = front.url === undefined ? (front.permalink?.trim() ?? sitePattern(config, sectionOf(raw))) : "";
  const slugUsed = /:slug\b/.test(pattern);
  const filenameUsed = /:filename\b/.test(pattern);
  if (filenameUsed && !isValidSegment(nameOf(raw))) {
    problems.push({ code: "article.invalid-slug", severity: "error", file: raw.file, field: "slug", message: "the file name cannot form the :filename part of the site's URL pattern", found: quote(nameOf(raw)), expected: FIELD_EXPECTATIONS.slug, hint: "rename the file" });
  }
  if (slugUsed && !isValidSegment(slug)) {
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
  // NFC: the same word typed on two keyboards (precomposed য় or য + nukta) is one category, one folder, one feed.
  const category = front.category?.trim().normalize("NFC") || undefined;
  const segments = category === undefined ? [] : category.split("/");
  const outputs = { archive: config.archive, previewName: config.previewFile };
  if (category !== undefined && !segments.every(isValidSegment)) {
    problems.push({ code: "article.invalid-category", severity: "error", ...locate(raw, "category"), field: "category", message: "the category cannot form a URL path", found: quote(category), expected: FIELD_EXPECTATIONS.category });
  } else {
    const taken = categoryCollision(segments, outputs);
    if (taken) problems.push(outputCollision(taken, "category", raw));
  }
  if (problems.length > before) return undefined;
  const url = articleUrl(front, raw, { slug, segments, published, config }, problems);
  if (!url) return undefined;
  const taken = urlCollision(url.slice(config.siteUrl.length + 1).split("/").map(decodeURIComponent), outputs);
  if (taken) problems.push(outputCollision(taken, urlField(front), raw));
  if (url.length >= MAX_URL_LENGTH) {
    problems.push({
      code: urlField(front) === "slug" ? "article.invalid-slug" : "article.invalid-url",
      severity: "error",
      ...(urlField(front) === "slug" ? slugAt : locate(raw, urlField(front))),
      field: urlField(front),
      message: `the article's URL would be ${url.length} characters long once percent-encoded (each Bengali letter takes 9)`,
      found: quote(url),
      expected: `a URL under ${MAX_URL_LENGTH} characters (the sitemap limit): shorten the slug`,
    });
  }
  return problems.length > before ? undefined : { slug, category, url };
}

/** The field an article's URL comes from: its own url, its own permalink, or the slug under the site's pattern. */
const urlField = (front: FrontMatter) => (front.url !== undefined ? "url" : front.permalink !== undefined ? "permalink" : "slug");

/**
 * The article's URL: its `url` field (absolute on this site, or a path from the site root), else its own
 * `permalink`, else the site's pattern for its section (config `permalink`), else `/:category/:slug`.
 */
function articleUrl(front: FrontMatter, raw: RawArticle, parts: { slug: string; segments: string[]; published: ArticleDate; config: SiteConfig }, problems: Diagnostic[]): string | undefined {
  const { siteUrl } = parts.config;
  if (front.url !== undefined) {
    const written = front.url.trim();
    const url = httpUrl(written.startsWith("/") ? `${siteUrl}${written}` : written);
    if (url && url.origin === new URL(siteUrl).origin && `${url.origin}${url.pathname}`.startsWith(`${siteUrl}/`) && !url.search && !url.hash) return `${url.origin}${url.pathname}`;
    problems.push({ code: "article.invalid-url", severity: "error", ...locate(raw, "url"), field: "url", message: "the url is not a page of this site (siteUrl)", found: quote(front.url), expected: `${FIELD_EXPECTATIONS.url}, below ${siteUrl}/, without ?query or #fragment` });
    return undefined;
  }
  const section = sectionOf(raw);
  const pattern = front.permalink?.trim() ?? sitePattern(parts.config, section);
  const problem = front.permalink === undefined ? undefined : permalinkProblem(pattern);
  if (problem) {
    problems.push({ code: "article.invalid-url", severity: "error", ...locate(raw, "permalink"), field: "permalink", message: "the permalink is not a URL pattern patrika can use", found: quote(front.permalink), expected: problem });
    return undefined;
  }
  const [year, month, day] = parts.published.iso.slice(0, 10).split("-") as [string, string, string];
  const category = parts.segments.join("/");
  const path = expandPermalink(pattern, { year, month, day, slug: parts.slug, filename: nameOf(raw), category, section });
  return `${siteUrl}${path}`;
}

/** Hugo's section: the article's first folder below the articles folder ("" for a file at the top). */
const sectionOf = (raw: RawArticle) => (raw.relativePath.includes("/") ? raw.relativePath.slice(0, raw.relativePath.indexOf("/")) : "");

/** The config's pattern for a section (the article's first folder): one pattern, or the section's own, else "*", else patrika's default. */
function sitePattern(config: SiteConfig, section: string): string {
  const { permalink } = config;
  if (typeof permalink === "string") return permalink;
  return permalink?.[section] ?? permalink?.["*"] ?? DEFAULT_PERMALINK;
}

function outputCollision(output: string, field: "category" | "slug" | "url" | "permalink", raw: RawArticle): Diagnostic {
  return {
    code: field === "category" ? "article.invalid-category" : field === "slug" ? "article.invalid-slug" : "article.invalid-url",
    severity: "error",
    ...locate(raw, field),
    field,
    message: `the article's ${field === "category" ? "category folder" : "URL"} would be ${output}, a file or folder patrika writes`,
    found: quote(output),
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
    message: "the title holds no visible character (only spaces, control characters or joiners such as ZWJ/ZWNJ), so readers would see an empty headline",
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

/** Characters that show nothing on their own: spaces, format characters (ZWJ, ZWNJ, ZWSP, bidi marks), controls, fillers. */
const INVISIBLE = /[\p{Z}\p{Cf}\p{Cc}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Whether a text would show readers nothing at all. */
export const isInvisible = (text: string): boolean => text.replace(INVISIBLE, "") === "";

/** RFC 3986 §3: a URI starts with a scheme and a colon, and holds no space (tag:, urn:, https: are all fine). */
const isUri = (text: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(text);

function invalidId(id: string, at: (field: string) => Location): Diagnostic {
  return {
    code: "article.invalid-id",
    severity: "error",
    ...at("id"),
    field: "id",
    message: "the id is not a URI, which Atom (RFC 4287 §4.2.6) and readers' duplicate detection require",
    found: quote(id),
    expected: FIELD_EXPECTATIONS.id,
    hint: "remove the id: line to let patrika mint one, or write it as tag:example.com,2025-07-13:name",
  };
}

/**
 * An update stamped after now has not happened: a typo in the time (or the year), which would keep the story on top.
 * A warning, not an error: a build at an earlier now (reproducing a past edition) must still build.
 */
function checkUpdatedNotAhead(published: ArticleDate | undefined, updated: ArticleDate | undefined, now: Date, at: (field: string) => Location, warnings: Diagnostic[]): void {
  // A scheduled article (date after now) may carry its update time too; it stays out of every output until then.
  if (!published || !updated || published.instant.getTime() > now.getTime() || updated.instant.getTime() <= now.getTime()) return;
  warnings.push({
    code: "article.updated-after-now",
    severity: "warning",
    ...at("updated"),
    field: "updated",
    message: "updated is after this build's now, for an article already published: an update that has not happened yet",
    found: updated.iso, // not now itself: the warning stays word for word the same while it holds, so a skipped build keeps it
    expected: "an update time at or before now (check the hour and the year)",
  });
}

/** Text fields over their limit (a 4 MiB pasted title), refused with the number before anything reads them. */
function lengthProblems(front: FrontMatter, raw: RawArticle): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [field, value] of Object.entries(front)) {
    const texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.values(value) : [];
    const limit = field === "title" ? MAX_TITLE_LENGTH : MAX_FIELD_LENGTH;
    const longest = Math.max(0, ...texts.map((text) => (typeof text === "string" ? text.length : 0)));
    if (longest <= limit) continue;
    problems.push({
      code: "article.too-long",
      severity: "error",
      ...locate(raw, field),
      field,
      message: `the ${field} is ${longest} characters long, more than the ${limit} patrika publishes`,
      found: quote(texts.find((text) => typeof text === "string" && text.length === longest)),
      expected: field === "title" ? `a headline of at most ${MAX_TITLE_LENGTH} characters` : `at most ${MAX_FIELD_LENGTH} characters; long text belongs in the body`,
    });
  }
  return problems;
}

/** A name or list of names, each on one line and cleaned; empty ones dropped. */
function cleanList(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((entry) => singleLine(xmlSafe(entry))).filter(Boolean);
}

type Location = { file: string; line?: number; column?: number };
type DateField = "date" | "updated" | "expires";

function locate(raw: RawArticle, field: string): Location {
  const location: FieldLocation | undefined = raw.fields[field];
  return location ? { file: raw.file, line: location.line, column: location.column } : { file: raw.file, line: 1 };
}
