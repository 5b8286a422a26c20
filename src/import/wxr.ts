/**
 * WordPress eXtended RSS (WXR 1.0–1.2, what Tools → Export writes), read as a stream with saxes so an export of any
 * size needs memory for one post at a time (docs/import.md, "WordPress exports"). This module turns XML events into
 * plain records; wxr-post.ts turns a record into an article.
 */
import type { SaxesParser as Parser } from "saxes";

/** A `<category>` of an item: `domain="category"` or `"post_tag"`, its slug and its name. */
export interface WxrTerm {
  domain: string;
  nicename: string;
  name: string;
}

/** One `<item>` of the export, its fields as text. */
export interface WxrItem {
  /** 1-based line of the `<item>` tag in the export, for messages. */
  line: number;
  fields: Record<string, string>;
  terms: WxrTerm[];
  /** `wp:postmeta` key → value (`_thumbnail_id`, `_wp_attachment_image_alt`). */
  meta: Record<string, string>;
}

/** What the channel says before the items: authors' display names, the category tree, the site's address. */
export interface WxrChannel {
  link?: string;
  baseSiteUrl?: string;
  /** Author login → display name. */
  authors: Map<string, string>;
  /** Category slug → its parent's slug (empty for a top category). */
  categoryParents: Map<string, string>;
}

/** Fields of an item kept as text (everything else is skipped without being held). */
const ITEM_FIELDS = new Set([
  "title", "link", "guid", "dc:creator", "content:encoded", "excerpt:encoded", "wp:post_id", "wp:post_date", "wp:post_date_gmt",
  "wp:post_modified", "wp:post_modified_gmt", "wp:post_name", "wp:status", "wp:post_type", "wp:post_password", "wp:attachment_url", "wp:post_parent",
]);

/** A copy that does not keep the parser's input chunk alive (see wxr-post.ts `detach`). */
const copy = (text: string) => Buffer.from(text, "utf8").toString("utf8");

/** An event the reader yields: the channel header (once, at the first item) or an item. */
export type WxrEvent = { kind: "channel"; channel: WxrChannel } | { kind: "item"; item: WxrItem };

/** A WXR document that is not well-formed XML: where the parser stopped and why. */
export class WxrError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "WxrError";
  }
}

/** Reads a WXR export chunk by chunk; yields the channel header, then every item as soon as it closes. */
export async function* readWxr(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<WxrEvent> {
  const { SaxesParser } = await import("saxes");
  const state = new ReaderState(new SaxesParser({ xmlns: false, position: true }));
  for await (const chunk of chunks) {
    state.write(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    yield* state.drain();
  }
  state.close();
  yield* state.drain();
  if (!state.sawRss) throw new WxrError("the file is not a WordPress export: its root element is not <rss>", 1);
}

/** The element path and the record being filled, between parser events. */
class ReaderState {
  readonly queue: WxrEvent[] = [];
  readonly channel: WxrChannel = { authors: new Map(), categoryParents: new Map() };
  sawRss = false;
  private channelSent = false;
  private readonly path: string[] = [];
  private text = "";
  private item: WxrItem | undefined;
  private metaKey = "";
  private term: { domain: string; nicename: string } | undefined;
  private author: { login?: string; name?: string } | undefined;
  private category: { slug?: string; parent?: string } | undefined;
  private error: WxrError | undefined;

  constructor(private readonly parser: Parser) {
    parser.on("opentag", (node) => this.open(node.name, node.attributes as Record<string, string>));
    parser.on("closetag", (node) => this.close(node.name));
    parser.on("text", (text) => (this.text += text));
    parser.on("cdata", (text) => (this.text += text));
    parser.on("error", (error) => {
      this.error ??= new WxrError(`the export is not well-formed XML: ${error.message.replace(/^[^:]*:\d+:\d+: /, "")}`, parser.line);
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
    if (this.error) throw this.error;
  }

  close(): void;
  close(name: string): void;
  close(name?: string): void {
    if (name === undefined) {
      this.parser.close();
      if (this.error) throw this.error;
      return;
    }
    const text = this.text;
    this.text = "";
    this.path.pop();
    this.closeElement(name, text);
  }

  *drain(): Generator<WxrEvent> {
    while (this.queue.length > 0) yield this.queue.shift()!;
  }

  private open(name: string, attributes: Record<string, string>): void {
    if (this.path.length === 0) {
      if (name !== "rss") this.error ??= new WxrError(`the file is not a WordPress export: its root element is <${name}>, not <rss>`, this.parser.line);
      this.sawRss = true;
    }
    this.path.push(name);
    this.text = "";
    if (name === "item") {
      if (!this.channelSent) {
        this.queue.push({ kind: "channel", channel: this.channel });
        this.channelSent = true;
      }
      this.item = { line: this.parser.line, fields: {}, terms: [], meta: {} };
    } else if (name === "category" && this.item) {
      this.term = { domain: attributes.domain ?? "category", nicename: attributes.nicename ?? "" };
    } else if (name === "wp:author" && !this.item) {
      this.author = {};
    } else if (name === "wp:category" && !this.item) {
      this.category = {};
    }
  }

  private closeElement(name: string, text: string): void {
    const item = this.item;
    if (item) {
      if (name === "item") {
        this.queue.push({ kind: "item", item });
        this.item = undefined;
      } else if (name === "category" && this.term) {
        item.terms.push({ ...this.term, name: text.trim() });
        this.term = undefined;
      } else if (name === "wp:meta_key" && this.path.at(-1) === "wp:postmeta") {
        this.metaKey = text.trim();
      } else if (name === "wp:meta_value" && this.path.at(-1) === "wp:postmeta") {
        if (this.metaKey) item.meta[this.metaKey] = text.trim();
      } else if (ITEM_FIELDS.has(name) && this.path.at(-1) === "item") {
        item.fields[name] = text;
      }
      return;
    }
    this.closeChannelElement(name, text.trim());
  }

  private closeChannelElement(name: string, text: string): void {
    if (name === "link" && this.path.at(-1) === "channel") this.channel.link = text;
    else if (name === "wp:base_site_url") this.channel.baseSiteUrl = text;
    else if (this.author && name === "wp:author_login") this.author.login = text;
    else if (this.author && name === "wp:author_display_name") this.author.name = text;
    else if (this.author && name === "wp:author") {
      if (this.author.login && this.author.name) this.channel.authors.set(copy(this.author.login), copy(this.author.name));
      this.author = undefined;
    } else if (this.category && name === "wp:category_nicename") this.category.slug = text;
    else if (this.category && name === "wp:category_parent") this.category.parent = text;
    else if (this.category && name === "wp:category") {
      if (this.category.slug) this.channel.categoryParents.set(copy(this.category.slug), copy(this.category.parent ?? ""));
      this.category = undefined;
    }
  }
}
