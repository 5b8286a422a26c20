/**
 * What a page says about itself in its head: Open Graph and article meta tags (ogp.me), the canonical link, and
 * schema.org JSON-LD (NewsArticle and its kin, LiveBlogPosting with its updates). Pure: a document in, strings out.
 */
import type { DomDocument } from "../load/html.js";

/** The page's own metadata, as written (dates stay text for the date reader). */
export interface PageMetadata {
  title?: string;
  siteName?: string;
  url?: string;
  published?: string;
  modified?: string;
  /** A live blog's update times (LiveBlogPosting.liveBlogUpdate[].datePublished). */
  liveUpdates: string[];
  authors: string[];
  image?: string;
  description?: string;
  tags: string[];
  /** JSON-LD blocks that were not valid JSON: the importer says so rather than guess around them. */
  brokenJsonLd: number;
}

/** schema.org types that describe one article, best first. */
const ARTICLE_TYPES = ["NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "Article", "BlogPosting", "WebPage"];

type Json = Record<string, unknown>;

/** Reads Open Graph, article:* and JSON-LD metadata from a parsed page. */
export function readMetadata(document: DomDocument): PageMetadata {
  const meta = (key: string) => {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = element?.getAttribute("content")?.trim();
    return value ? value : undefined;
  };
  const metaAll = (key: string) =>
    Array.from(document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))
      .map((e) => e.getAttribute("content")?.trim() ?? "")
      .filter(Boolean);
  const { article, broken } = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim();
  const metaAuthor = [...metaAll("article:author"), ...metaAll("author")].filter((a) => !/^https?:/.test(a));
  const result: PageMetadata = {
    liveUpdates: article ? liveUpdates(article) : [],
    authors: article ? names(article.author) : [],
    tags: article ? keywords(article.keywords) : [],
    brokenJsonLd: broken,
  };
  if (result.authors.length === 0) result.authors = [...new Set(metaAuthor)];
  if (result.tags.length === 0) result.tags = metaAll("article:tag");
  assign(result, "title", text(article?.headline) ?? meta("og:title") ?? meta("twitter:title"));
  assign(result, "siteName", meta("og:site_name"));
  assign(result, "url", canonical || meta("og:url") || text(article?.url) || mainEntity(article));
  assign(result, "published", text(article?.datePublished) ?? meta("article:published_time") ?? meta("datePublished") ?? meta("og:published_time"));
  assign(result, "modified", text(article?.dateModified) ?? meta("article:modified_time") ?? meta("dateModified") ?? meta("og:updated_time"));
  assign(result, "image", imageUrl(article?.image) ?? meta("og:image") ?? meta("twitter:image"));
  assign(result, "description", text(article?.description) ?? meta("og:description") ?? meta("description"));
  return result;
}

function assign<K extends keyof PageMetadata>(target: PageMetadata, key: K, value: PageMetadata[K] | undefined): void {
  if (value !== undefined && value !== "") target[key] = value;
}

/** The best article object among the page's JSON-LD blocks (arrays and @graph flattened). */
function jsonLdArticle(document: DomDocument): { article?: Json; broken: number } {
  const objects: Json[] = [];
  let broken = 0;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ""), objects);
    } catch {
      broken++;
    }
  }
  const rank = (object: Json) => {
    const types = ([] as unknown[]).concat(object["@type"] ?? []).map(String);
    const ranks = types.map((t) => ARTICLE_TYPES.indexOf(t)).filter((r) => r >= 0);
    return ranks.length ? Math.min(...ranks) : Infinity;
  };
  const candidates = objects.filter((o) => rank(o) < Infinity && (o.headline !== undefined || o.datePublished !== undefined));
  candidates.sort((a, b) => rank(a) - rank(b));
  return candidates[0] ? { article: candidates[0], broken } : { broken };
}

function collect(value: unknown, into: Json[]): void {
  if (Array.isArray(value)) value.forEach((v) => collect(v, into));
  else if (value && typeof value === "object") {
    into.push(value as Json);
    const graph = (value as Json)["@graph"];
    if (graph) collect(graph, into);
  }
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? decodeEntities(value.trim()) : undefined);

/** Text that was HTML-escaped once more than needed (JSON-LD, WordPress titles): numeric and common named entities decoded. */
export function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const point = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

/** Names from a JSON-LD author: a string, a Person or Organization, or a list of them. */
function names(value: unknown): string[] {
  const list = ([] as unknown[]).concat(value ?? []);
  const result = list.map((a) => (typeof a === "string" ? text(a) : a && typeof a === "object" ? text((a as Json).name) : undefined));
  return [...new Set(result.filter((n): n is string => n !== undefined && !/^https?:/.test(n)))];
}

function keywords(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return [...new Set(list.map((k) => text(k)).filter((k): k is string => k !== undefined))];
}

function imageUrl(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return text(first);
  if (first && typeof first === "object") return text((first as Json).url) ?? text((first as Json).contentUrl);
  return undefined;
}

function mainEntity(article: Json | undefined): string | undefined {
  const entity = article?.mainEntityOfPage;
  if (typeof entity === "string") return text(entity);
  if (entity && typeof entity === "object") return text((entity as Json)["@id"]) ?? text((entity as Json).url);
  return undefined;
}

function liveUpdates(article: Json): string[] {
  const updates = ([] as unknown[]).concat(article.liveBlogUpdate ?? []);
  return updates.map((u) => (u && typeof u === "object" ? text((u as Json).datePublished) ?? text((u as Json).dateModified) : undefined)).filter((d): d is string => d !== undefined);
}
