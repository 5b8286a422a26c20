import { basename } from "node:path/posix";
import type { Diagnostic } from "../diagnostics.js";
import { tryParseBengaliDate } from "../dates/index.js";
import type { FieldLocation, RawArticle } from "../load/read.js";
import type { Article, ArticleDate, ArticleImage, SiteConfig } from "../model.js";
import { describeValue, nearestName, quote, singleLine, xmlSafe } from "../text.js";
import { FIELD_EXPECTATIONS, frontMatterSchema, KNOWN_FIELDS, REQUIRED_FIELDS, type FrontMatter } from "./article-schema.js";
import { encodePath, encodeSegment, isReservedSegment, isValidSegment, MAX_URL_LENGTH } from "./paths.js";

export interface NormaliseContext {
  config: SiteConfig;
  now: Date;
}

export type ArticleResult =
  /** `dependsOnNow`: a date was relative (২ ঘণ্টা আগে), so the result holds only for this now (never cached). */
  | { kind: "article"; article: Article; warnings: Diagnostic[]; dependsOnNow: boolean }
  | { kind: "draft"; warnings: Diagnostic[] }
  | { kind: "invalid"; diagnostics: Diagnostic[] };

/** Turns one raw article into a typed Article, or says everything that is wrong with it. Pure. */
export function normaliseArticle(raw: RawArticle, context: NormaliseContext): ArticleResult {
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const at = (field: string) => locate(raw, field);

  for (const key of Object.keys(raw.data)) {
    if ((KNOWN_FIELDS as string[]).includes(key)) continue;
    const suggestion = nearestName(key, KNOWN_FIELDS);
    warnings.push({
      code: "article.unknown-field",
      severity: "warning",
      ...at(key),
      field: key,
      message: `unknown field "${key}" is ignored`,
      expected: `one of ${KNOWN_FIELDS.join(", ")}`,
      hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
    });
  }

  // An empty YAML value (`updated:`) is null: treat it as absent, so only required fields complain.
  const data = Object.fromEntries(Object.entries(raw.data).filter(([, value]) => value !== null));
  if (data.draft === true) return { kind: "draft", warnings };

  for (const field of REQUIRED_FIELDS) {
    const value = data[field];
    if (value === undefined || (typeof value === "string" && value.trim() === "")) {
      problems.push({
        code: "article.missing-field",
        severity: "error",
        ...at(field),
        field,
        message: value === undefined ? `required field "${field}" is missing` : `required field "${field}" is empty`,
        expected: FIELD_EXPECTATIONS[field],
      });
    }
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const reported = new Set(problems.map((p) => p.field));
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (reported.has(field)) continue;
      reported.add(field);
      problems.push({
        code: "article.invalid-field",
        severity: "error",
        ...at(field),
        field,
        message: `field "${field}" has the wrong type`,
        found: describeValue(data[field]),
        expected: FIELD_EXPECTATIONS[field as keyof FrontMatter] ?? issue.message,
      });
    }
    return { kind: "invalid", diagnostics: problems };
  }
  if (problems.length > 0) return { kind: "invalid", diagnostics: problems };
  const front = parsed.data;

  const reading = { dependsOnNow: false };
  const published = readDate(front.date, "date", raw, context, problems, warnings, reading);
  const updated = front.updated === undefined ? undefined : readDate(front.updated, "updated", raw, context, problems, warnings, reading);
  for (const [field, value] of [["date", published], ["updated", updated]] as const) {
    if (value) checkPlausible(value, field, raw, context, problems);
  }
  if (published && updated && updated.instant.getTime() < published.instant.getTime()) {
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

  const slug = (front.slug ?? basename(raw.relativePath).replace(/\.md$/, "")).trim();
  if (!isValidSegment(slug)) {
    problems.push({
      code: "article.invalid-slug",
      severity: "error",
      ...(front.slug === undefined ? { file: raw.file } : at("slug")),
      field: "slug",
      message: front.slug === undefined ? "the file name cannot serve as the article's slug" : "the slug cannot form a URL path segment",
      found: quote(slug),
      expected: FIELD_EXPECTATIONS.slug,
      hint: front.slug === undefined ? "rename the file or set slug: in the front matter" : undefined,
    });
  }
  const category = front.category?.trim() || undefined;
  const categorySegments = category === undefined ? [] : category.split("/");
  if (category !== undefined && !categorySegments.every(isValidSegment)) {
    problems.push({
      code: "article.invalid-category",
      severity: "error",
      ...at("category"),
      field: "category",
      message: "the category cannot form a URL path",
      found: quote(category),
      expected: FIELD_EXPECTATIONS.category,
    });
  }
  const firstSegment = categorySegments[0] ?? slug;
  if (isReservedSegment(firstSegment)) {
    problems.push({
      code: categorySegments.length ? "article.invalid-category" : "article.invalid-slug",
      severity: "error",
      ...at(categorySegments.length ? "category" : "slug"),
      field: categorySegments.length ? "category" : "slug",
      message: `"${firstSegment}" is the name of a file patrika writes at the site root`,
      found: quote(firstSegment),
      expected: "a name other than rss.xml, atom.xml, feed.json, sitemap*.xml, news-sitemap*.xml, patrika-report.json or index.html",
    });
  }
  const url = `${context.config.siteUrl}/${encodePath([...categorySegments, slug])}`;
  if (url.length >= MAX_URL_LENGTH) {
    problems.push({
      code: "article.invalid-slug",
      severity: "error",
      ...(front.slug === undefined ? { file: raw.file } : at("slug")),
      field: "slug",
      message: `the article's URL would be ${url.length} characters long once percent-encoded (each Bengali letter takes 9)`,
      found: quote(slug),
      expected: `a URL under ${MAX_URL_LENGTH} characters (the sitemap limit): shorten the slug`,
    });
  }
  const image = readImage(front.image, raw, problems, warnings);
  if (problems.length > 0 || !published) return { kind: "invalid", diagnostics: problems };

  const title = singleLine(xmlSafe(front.title));
  if (title === "") {
    // Nothing but characters XML forbids: publishing it would give readers an empty headline.
    return {
      kind: "invalid",
      diagnostics: [
        {
          code: "article.missing-field",
          severity: "error",
          ...at("title"),
          field: "title",
          message: "the title holds only characters that cannot be published (control characters)",
          found: quote(front.title),
          expected: FIELD_EXPECTATIONS.title,
        },
      ],
    };
  }
  const summary = front.summary === undefined ? undefined : singleLine(xmlSafe(front.summary)) || undefined;
  // Decoded and cleaned only when a feed renders it: most articles of an archive never are. The reader is the raw
  // body's own getter, not the raw article, so the parsed front matter can be collected once normalised.
  const source = Object.getOwnPropertyDescriptor(raw, "body")?.get ?? constant(raw.body);
  const article = newArticle(
    {
      file: raw.file,
      relativePath: raw.relativePath,
      id: front.id?.trim() || mintTagUri(context.config.siteUrl, published, raw.relativePath),
      title,
      slug,
      category,
      url,
      published,
      updated,
      authors: toList(front.author).map((name) => singleLine(xmlSafe(name))).filter(Boolean),
      tags: toList(front.tags).map((tag) => singleLine(xmlSafe(tag))).filter(Boolean),
      summary,
      image,
    },
    () => xmlSafe(source()),
  );
  return { kind: "article", article, warnings, dependsOnNow: reading.dependsOnNow };
}

const constant = (text: string) => () => text;

/**
 * Every article gets one shape: all keys in one order (absent ones undefined) and the body as a getter in the
 * literal. Adding the getter afterwards with defineProperty turned each article into a slow dictionary object:
 * restoring 100,000 cached articles took 0.4 s and every later pass over them slowed down.
 */
export function newArticle(fields: Omit<Article, "body">, readBody: () => string): Article {
  let body: string | undefined;
  return {
    file: fields.file,
    relativePath: fields.relativePath,
    id: fields.id,
    title: fields.title,
    slug: fields.slug,
    category: fields.category,
    url: fields.url,
    published: fields.published,
    updated: fields.updated,
    authors: fields.authors,
    tags: fields.tags,
    summary: fields.summary,
    image: fields.image,
    get body() {
      return (body ??= readBody());
    },
  };
}

/**
 * The permanent id when the article sets none: an RFC 4151 tag URI from the site's host, the local publication
 * date and the file name, so editing the slug, category or title never makes readers show the story again.
 */
export function mintTagUri(siteUrl: string, published: ArticleDate, relativePath: string): string {
  const host = new URL(siteUrl).hostname;
  const name = basename(relativePath).replace(/\.md$/, "");
  return `tag:${host},${published.iso.slice(0, 10)}:${encodeSegment(name)}`;
}

function readDate(
  text: string,
  field: "date" | "updated",
  raw: RawArticle,
  context: NormaliseContext,
  problems: Diagnostic[],
  warnings: Diagnostic[],
  reading: { dependsOnNow: boolean },
): ArticleDate | undefined {
  // Read first without now: an absolute date (nearly all) then provably does not depend on it, so the build cache
  // may keep it; only a text that needs now (২ ঘণ্টা আগে) is read again with it.
  let result = tryParseBengaliDate(text, { timeZone: context.config.timeZone });
  if (!result.ok) {
    result = tryParseBengaliDate(text, { timeZone: context.config.timeZone, now: context.now });
    reading.dependsOnNow = true;
  }
  const location = () => locate(raw, field); // only when there is something to say: locating costs a scan
  if (result.ok) {
    // The reader's remarks (a Bangla date that disagrees, ignored words) are worth an editor's look, not a failure.
    for (const note of result.value.notes) {
      warnings.push({ code: note.code as Diagnostic["code"], severity: "warning", ...location(), field, message: note.message, found: quote(text) });
    }
    return { iso: result.value.iso, instant: result.value.instant, precision: result.value.precision };
  }
  const { error } = result;
  const at = location();
  problems.push({
    code: error.code as Diagnostic["code"],
    severity: "error",
    ...at,
    // Point at the offending character inside the value when the value sits on the key's line.
    column: at.column === undefined ? undefined : at.column + error.offset,
    field,
    message: `not a date patrika can read: ${error.reason}${error.found && error.found !== text.trim() ? ` ("${error.found}", character ${error.offset + 1} of the value)` : ""}`,
    found: quote(text),
    expected: error.expected,
  });
  return undefined;
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
  let url: URL | undefined;
  try {
    url = new URL(spec.url.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
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
  const caption = spec.caption === undefined ? "" : singleLine(xmlSafe(spec.caption));
  const credit = spec.credit === undefined ? "" : singleLine(xmlSafe(spec.credit));
  if (caption) image.caption = caption;
  if (credit) image.credit = credit;
  if (typeof spec !== "string" && "length" in spec && spec.length !== undefined) image.length = spec.length;
  return image;
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function locate(raw: RawArticle, field: string): { file: string; line?: number; column?: number } {
  const location: FieldLocation | undefined = raw.fields[field];
  return location ? { file: raw.file, line: location.line, column: location.column } : { file: raw.file, line: 1 };
}
