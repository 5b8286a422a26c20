/**
 * One WordPress post (a WXR item) → one article, or the reason it is skipped (docs/import.md, "WordPress exports").
 * The old site's slug, address (`<link>` → `url`) and id (`<guid>` → `id`) are kept so links and feed ids survive the
 * move; the GMT time wins over the local one.
 */
import { formatIsoInZone, tryParseBengaliDate, type ParsedDate } from "../dates/index.js";
import type { HtmlLibraries } from "../load/html.js";
import { bodyToMarkdown, splitCaption } from "./html-body.js";
import { decodeEntities } from "./metadata.js";
import type { DroppedLine, Guess, ImportedArticle, ImportedImage } from "./model.js";
import type { ImportRules } from "./rules.js";
import type { DateContext } from "./stamp.js";
import type { WxrChannel, WxrItem } from "./wxr.js";

/** Why a post is not imported: each kind is counted. */
export type SkipKind = "draft" | "private" | "password-protected" | "trash" | "page" | "attachment" | "other type";

/** An attachment's address, caption and alt text, for featured images. */
export interface Attachment {
  url: string;
  caption?: string;
  alt?: string;
}

/** The outcome for one item. */
export type PostResult =
  | { kind: "article"; article: ImportedArticle; postId: string }
  | { kind: "skipped"; skip: SkipKind; postId: string }
  | { kind: "error"; message: string; postId: string };

/** WordPress writes this for a time it does not have (drafts). */
const NO_TIME = "0000-00-00 00:00:00";
/** Statuses whose posts are published (or scheduled: patrika keeps those out until their time). */
const PUBLISHED = new Set(["publish", "future"]);
const SKIPPED_STATUS: Record<string, SkipKind> = { draft: "draft", pending: "draft", "auto-draft": "draft", private: "private", trash: "trash" };
/** Shortcodes WordPress plugins leave in post bodies; their markup means nothing outside WordPress. */
const SHORTCODE = /\[\/?(?:gallery|embed|video|audio|playlist|wp_caption|youtube|tweet|twitter|instagram|facebook|contact-form-7|vc_[a-z_]+|et_pb_[a-z_]+)(?:\s[^\]]*)?\]|\[[a-z_][\w-]*(?:\s+[\w-]+=(?:"[^"]*"|'[^']*'|\S+))+\s*\/?\]/gi;

/**
 * A copy of a string that shares no memory with the text it was cut from. The XML parser hands out slices of its
 * input chunks; a short string kept for the whole import (an attachment's address) would otherwise keep its whole
 * 1 MB chunk alive, and memory would grow with the size of the export.
 */
export function detach(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

/** The attachment an item describes, when it is one. */
export function attachmentOf(item: WxrItem): { id: string; attachment: Attachment } | undefined {
  const f = item.fields;
  if (f["wp:post_type"] !== "attachment" || !f["wp:attachment_url"]?.trim()) return undefined;
  const attachment: Attachment = { url: detach(f["wp:attachment_url"].trim()) };
  const caption = plainText(f["excerpt:encoded"] ?? "");
  if (caption) attachment.caption = detach(caption);
  const alt = item.meta._wp_attachment_image_alt?.trim();
  if (alt) attachment.alt = detach(alt);
  return { id: detach((f["wp:post_id"] ?? "").trim()), attachment };
}

const plainText = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();

/** Decodes a percent-encoded slug or category name (WordPress stores Bengali ones encoded); keeps it when malformed. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug.trim());
  } catch {
    return slug.trim();
  }
}

/** Turns one WXR item into an article, or says why it is skipped. */
export function postToArticle(
  item: WxrItem,
  channel: WxrChannel,
  attachments: ReadonlyMap<string, Attachment>,
  libs: HtmlLibraries,
  rules: ImportRules,
  context: DateContext,
): PostResult {
  const f = item.fields;
  const postId = (f["wp:post_id"] ?? "").trim();
  const type = (f["wp:post_type"] ?? "post").trim();
  if (type !== "post") return { kind: "skipped", skip: type === "page" ? "page" : type === "attachment" ? "attachment" : "other type", postId };
  const status = (f["wp:status"] ?? "").trim();
  if (!PUBLISHED.has(status)) return { kind: "skipped", skip: SKIPPED_STATUS[status] ?? "draft", postId };
  if ((f["wp:post_password"] ?? "").trim()) return { kind: "skipped", skip: "password-protected", postId };

  const title = decodeEntities((f.title ?? "").replace(/\s+/g, " ").trim());
  if (!title) return { kind: "error", message: "the post has no title", postId };
  const guesses: Guess[] = [];
  const date = postDate(f["wp:post_date_gmt"], f["wp:post_date"], context, guesses, "date");
  if (!date) return { kind: "error", message: `the post's date cannot be read (wp:post_date_gmt "${f["wp:post_date_gmt"] ?? ""}", wp:post_date "${f["wp:post_date"] ?? ""}")`, postId };
  const modified = postDate(f["wp:post_modified_gmt"], f["wp:post_modified"], context, [], "updated");

  const featured = featuredImage(item, attachments, rules, guesses);
  const dropped: DroppedLine[] = [];
  const body = postBody(f["content:encoded"] ?? "", f.link?.trim(), featured, title, libs, rules, dropped);
  const terms = termsOf(item, channel);
  const article: ImportedArticle = {
    title,
    date,
    authors: authorOf(f["dc:creator"], channel),
    tags: terms.tags,
    body: body.markdown,
    dropped: [...dropped, ...body.dropped],
    guesses,
  };
  if (modified && modified.instant.getTime() > date.instant.getTime()) article.updated = modified;
  if (terms.category) article.category = terms.category;
  const slug = decodeSlug(f["wp:post_name"] ?? "");
  if (slug) article.slug = slug;
  const link = f.link?.trim();
  if (link && /^https?:\/\//i.test(link)) article.url = link;
  const guid = f.guid?.trim();
  if (guid && /^[a-z][a-z0-9+.-]*:\S+$/i.test(guid)) article.id = guid;
  else if (guid) guesses.push({ field: "body", message: `the post's guid "${guid}" is not a URI, so it was not kept as the id` });
  const summary = plainText(f["excerpt:encoded"] ?? "");
  if (summary) article.summary = summary;
  const image = body.image ?? featured;
  if (image) article.image = image;
  return { kind: "article", article, postId };
}

/** `wp:post_date_gmt` (UTC) wins; without it (drafts, some imports), the local time is read in the site's zone. */
function postDate(gmt: string | undefined, local: string | undefined, context: DateContext, guesses: Guess[], field: "date" | "updated"): ParsedDate | undefined {
  const zone = context.timeZone ?? "Asia/Dhaka";
  const utc = gmt?.trim();
  if (utc && utc !== NO_TIME) {
    const read = tryParseBengaliDate(utc, { ...context, timeZone: "UTC" });
    if (read.ok) return { ...read.value, iso: formatIsoInZone(read.value.instant, zone) };
  }
  const time = local?.trim();
  if (!time || time === NO_TIME) return undefined;
  const read = tryParseBengaliDate(time, context);
  if (!read.ok) return undefined;
  guesses.push({ field, message: `the post has no GMT time; its local time "${time}" was read in ${zone}` });
  return read.value;
}

function authorOf(login: string | undefined, channel: WxrChannel): string[] {
  const name = login?.trim();
  if (!name) return [];
  return [channel.authors.get(name) ?? name];
}

/** The first category (with its parents, as a path) is the category; tags and any further categories are tags. */
function termsOf(item: WxrItem, channel: WxrChannel): { category?: string; tags: string[] } {
  const categories = item.terms.filter((t) => t.domain === "category" && t.nicename && t.nicename !== "uncategorized");
  const tags = item.terms.filter((t) => t.domain === "post_tag").map((t) => decodeEntities(t.name));
  const [first, ...rest] = categories;
  tags.push(...rest.map((t) => decodeEntities(t.name)));
  const unique = [...new Set(tags.filter(Boolean))];
  if (!first) return { tags: unique };
  const path = [first.nicename];
  for (let parent = channel.categoryParents.get(first.nicename); parent && path.length < 10 && !path.includes(parent); parent = channel.categoryParents.get(parent)) {
    path.unshift(parent);
  }
  return { category: path.map(decodeSlug).join("/"), tags: unique };
}

function featuredImage(item: WxrItem, attachments: ReadonlyMap<string, Attachment>, rules: ImportRules, guesses: Guess[]): ImportedImage | undefined {
  const id = item.meta._thumbnail_id?.trim();
  if (!id) return undefined;
  const attachment = attachments.get(id);
  if (!attachment) {
    guesses.push({ field: "image", message: `the featured image (attachment ${id}) is not in the export, so the article has no image` });
    return undefined;
  }
  const caption = attachment.caption ? splitCaption(attachment.caption, rules) : attachment.alt ? { caption: attachment.alt } : {};
  return { url: attachment.url, ...caption };
}

/** WordPress's classic editor stores paragraphs as blank lines (wpautop adds the <p> when showing them). */
export function autop(html: string): string {
  const text = html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, "").replace(/\r\n?/g, "\n");
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (/^<\/?(?:p|div|figure|ul|ol|li|h[1-6]|blockquote|table|pre|hr|section|iframe|script|style)[\s>/]/i.test(chunk) || /^\[caption/i.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

/** `[caption]…[/caption]` becomes a figure; other known shortcodes are dropped (and listed). */
export function expandShortcodes(html: string, dropped: DroppedLine[]): string {
  const captioned = html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attributes: string, inner: string) => {
    const media = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    const captionAttribute = /caption="([^"]*)"/i.exec(attributes)?.[1];
    if (!media) return inner;
    return `<figure>${media[1]}<figcaption>${(media[2] ?? "").trim() || captionAttribute || ""}</figcaption></figure>`;
  });
  const embedded = captioned.replace(/\[embed[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi, (_, url: string) => `<p><a href="${url}">${url}</a></p>`);
  return embedded.replace(SHORTCODE, (code: string) => {
    dropped.push({ line: 0, text: code.length > 80 ? `${code.slice(0, 77)}…` : code, reason: "shortcode" });
    return "";
  });
}

function postBody(content: string, link: string | undefined, featured: ImportedImage | undefined, title: string, libs: HtmlLibraries, rules: ImportRules, dropped: DroppedLine[]) {
  const html = expandShortcodes(autop(content), dropped);
  const document = libs.parse(`<!doctype html><html><body><div id="patrika-post">${html}</div></body></html>`);
  const root = document.querySelector("#patrika-post")!;
  const body = bodyToMarkdown(root, libs, rules, {
    ...(link && /^https?:\/\//i.test(link) ? { baseUrl: link } : {}),
    ...(featured?.url ? { leadImage: featured.url } : {}),
    title,
  });
  // The featured image's own caption (from the attachment) wins over the body's copy of it.
  if (body.image && featured) body.image = { ...body.image, ...featured };
  return body;
}
