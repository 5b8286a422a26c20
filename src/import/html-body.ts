/**
 * An article's HTML body → Markdown, shared by saved pages and WordPress posts: image addresses made absolute (lazy
 * loading attributes read), the lead image taken out with its caption and credit, the page chrome the rules know
 * dropped (each listed), then turndown. Pure over the DOM it is given.
 */
import type { DomElement, DomNode, HtmlLibraries } from "../load/html.js";
import type { DroppedLine, ImportedImage } from "./model.js";
import type { ImportRules } from "./rules.js";

/** Attributes lazy-loading scripts keep the real image address in, before `src`. */
const LAZY_SOURCES = ["data-src", "data-lazy-src", "data-original", "data-srcset", "src"];
/** Elements whose text is one block of the article, for the chrome rules. */
const BLOCK_SELECTOR = "p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, div, span, strong, a";
/** Chrome is short; a longer block is article text whatever it starts with. */
const MAX_CHROME_LENGTH = 100;

/** Resolves a URL against the page's; returns it unchanged when it cannot be made absolute. */
export function absoluteUrl(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Same image whatever the size suffix or query: compares the file name without `-640x480`, query or fragment. */
function sameImage(a: string, b: string): boolean {
  const key = (url: string) => url.split(/[?#]/)[0]!.split("/").pop()!.replace(/-\d+x\d+(?=\.\w+$)/, "").toLowerCase();
  return key(a) === key(b);
}

/** Splits a caption into its text and its credit (`… ছবি: সংগৃহীত`), by the credit rules. */
export function splitCaption(text: string, rules: ImportRules): ImportedImage {
  const caption = text.replace(/\s+/g, " ").trim();
  for (const pattern of rules.credits) {
    const match = pattern.exec(caption);
    if (match) {
      const rest = match[1]!.trim().replace(/[\s।,.-]+$/u, "");
      return { ...(rest ? { caption: rest } : {}), credit: match[2]!.trim() };
    }
  }
  return caption ? { caption } : {};
}

export interface BodyOptions {
  /** The page's URL, for relative image and link addresses. */
  baseUrl?: string;
  /** The lead image the metadata names (og:image, featured image): taken out of the body when it is there. */
  leadImage?: string;
  /** Take the body's first image as the lead image when the metadata names none. */
  firstImageIsLead?: boolean;
  /** The headline, so a heading repeating it is left out. */
  title?: string;
  /** Header lines (headline, byline, stamp) found in the page's text: left out where they open the body. */
  header?: readonly string[];
  /** The lead image's caption as the page printed it outside the body (before Readability). */
  leadCaption?: string;
}

/** The Markdown body, the lead image found in it (with caption and credit), and what was dropped. */
export interface Body {
  markdown: string;
  image?: ImportedImage;
  dropped: DroppedLine[];
}

/** Cleans an article element (changing it) and converts it to Markdown. */
export function bodyToMarkdown(root: DomElement, libs: HtmlLibraries, rules: ImportRules, options: BodyOptions = {}): Body {
  const dropped: DroppedLine[] = [];
  fixAddresses(root, options.baseUrl);
  const image = takeLeadImage(root, rules, options, dropped);
  if (options.title) {
    for (const heading of Array.from(root.querySelectorAll("h1, h2"))) if (clean(heading.textContent) === clean(options.title)) heading.remove();
  }
  if (options.header?.length) dropHeader(root, new Set(options.header.map(clean)), dropped);
  dropChrome(root, rules, image?.caption, dropped);
  const markdown = libs.markdown(root).replace(/\n{3,}/g, "\n\n");
  return image ? { markdown, image, dropped } : { markdown, dropped };
}

const clean = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

function fixAddresses(root: DomElement, base: string | undefined): void {
  for (const img of Array.from(root.querySelectorAll("img"))) {
    const source = LAZY_SOURCES.map((name) => img.getAttribute(name)?.trim()).find((value) => value && !value.startsWith("data:"));
    if (!source) {
      img.remove(); // a placeholder with no real address
      continue;
    }
    img.setAttribute("src", absoluteUrl(source.split(/\s+/)[0]!, base));
  }
  for (const link of Array.from(root.querySelectorAll("a[href]"))) {
    const href = link.getAttribute("href")!.trim();
    if (/^javascript:/i.test(href)) link.removeAttribute("href");
    else link.setAttribute("href", absoluteUrl(href, base));
  }
}

/** The lead image: the one the metadata names, else (when asked) the first; its figure leaves the body. */
function takeLeadImage(root: DomElement, rules: ImportRules, options: BodyOptions, dropped: DroppedLine[]): ImportedImage | undefined {
  const images = Array.from(root.querySelectorAll("img"));
  const lead = options.leadImage
    ? images.find((img) => sameImage(img.getAttribute("src")!, options.leadImage!))
    : options.firstImageIsLead
      ? images[0]
      : undefined;
  if (!lead) {
    if (!options.leadImage) return undefined;
    return { url: absoluteUrl(options.leadImage, options.baseUrl), ...(options.leadCaption ? splitCaption(options.leadCaption, rules) : {}) };
  }
  const figure = lead.closest("figure") ?? lead.closest(".wp-caption");
  const captionElement = figure?.querySelector("figcaption, .wp-caption-text");
  const image: ImportedImage = { url: options.leadImage ? absoluteUrl(options.leadImage, options.baseUrl) : lead.getAttribute("src")! };
  const alt = clean(lead.getAttribute("alt"));
  const captionText = clean(captionElement?.textContent) || alt;
  Object.assign(image, splitCaption(captionText, rules));
  (figure ?? lead).remove();
  if (alt && captionElement && image.caption && alt !== image.caption && !captionText.startsWith(alt)) {
    dropped.push({ line: 0, text: alt, reason: "duplicate caption" });
  }
  return image;
}

/** Blocks before the first paragraph of text that repeat the page's header (section, headline, byline, stamp). */
function dropHeader(root: DomElement, header: Set<string>, dropped: DroppedLine[]): void {
  for (const block of Array.from(root.querySelectorAll(BLOCK_SELECTOR))) {
    if (!attached(block, root) || insideText(block, root)) continue;
    const text = clean(block.textContent);
    if (!text) continue;
    if (header.has(text)) {
      dropped.push({ line: 0, text, reason: "article header" });
      removeUpTo(block, root);
    } else if (text.length > MAX_CHROME_LENGTH && block.querySelectorAll("p, div").length === 0) return;
  }
}

/** Drops chrome blocks, read-more blocks with their headlines, the repeated caption, and everything after an end marker. */
function dropChrome(root: DomElement, rules: ImportRules, caption: string | undefined, dropped: DroppedLine[]): void {
  let related = 0;
  for (const block of Array.from(root.querySelectorAll(BLOCK_SELECTOR))) {
    if (!attached(block, root) || insideText(block, root)) continue;
    const text = clean(block.textContent);
    if (!text || text.length > MAX_CHROME_LENGTH) {
      if (text && !/^(DIV|SPAN|A|STRONG)$/.test(block.tagName)) related = 0;
      continue;
    }
    const is = (patterns: readonly RegExp[]) => patterns.some((p) => p.test(text));
    if (is(rules.chromeEnd)) {
      dropped.push({ line: 0, text, reason: "page chrome" });
      removeFollowing(block, root, dropped);
      removeUpTo(block, root);
      return;
    }
    if (is(rules.readMore)) {
      dropped.push({ line: 0, text, reason: "page chrome" });
      related = /[:ঃ]\s*\S/u.test(text) ? 0 : 5;
      removeUpTo(block, root);
    } else if (related > 0 && (block.tagName === "A" || block.querySelector("a") !== null) && !/[।]$/u.test(text)) {
      related--;
      dropped.push({ line: 0, text, reason: "related headline" });
      removeUpTo(block, root);
    } else if (is(rules.placeholders) || is(rules.chromeLines)) {
      dropped.push({ line: 0, text, reason: is(rules.placeholders) ? "image placeholder" : "page chrome" });
      removeUpTo(block, root);
    } else if (caption && text.replace(/[\s।.]+$/u, "") === caption.replace(/[\s।.]+$/u, "")) {
      dropped.push({ line: 0, text, reason: "duplicate caption" });
      removeUpTo(block, root);
    } else if (!/^(DIV|SPAN|A|STRONG)$/.test(block.tagName)) {
      related = 0;
    }
  }
}

/** Whether the element is still in the tree under root (an ancestor may have been removed). */
function attached(element: DomElement, root: DomElement): boolean {
  for (let node: DomNode | null = element; node; node = node.parentNode) if (node === root) return true;
  return false;
}

/** Inline elements and wrappers inside a paragraph belong to its text; only the paragraph is judged. */
function insideText(element: DomElement, root: DomElement): boolean {
  for (let node = element.parentNode; node && node !== root; node = node.parentNode) {
    if (TEXT_BLOCKS.has(node.nodeName.toUpperCase())) return true;
  }
  return false;
}

const TEXT_BLOCKS = new Set(["P", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "FIGCAPTION", "TD", "TH"]);

/** The outermost ancestor below `root` whose text is exactly this block's: removing it leaves no empty wrapper. */
function removeUpTo(block: DomElement, root: DomElement): void {
  let target = block;
  const text = clean(block.textContent);
  while (target.parentNode && target.parentNode !== root && clean((target.parentNode as DomElement).textContent) === text) target = target.parentNode as DomElement;
  target.remove();
}

/** Everything after an end marker, in document order, leaves the body; each removed block's text is listed. */
function removeFollowing(marker: DomElement, root: DomElement, dropped: DroppedLine[]): void {
  for (let node: DomNode | null = marker; node && node !== root; node = node.parentNode) {
    for (let sibling = node.nextSibling; sibling; ) {
      const next: DomNode | null = sibling.nextSibling;
      const text = clean(sibling.textContent);
      if (text) dropped.push({ line: 0, text: text.length > 120 ? `${text.slice(0, 117)}…` : text, reason: "after the article" });
      (sibling as DomElement).remove();
      sibling = next;
    }
  }
}
