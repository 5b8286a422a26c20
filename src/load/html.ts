/**
 * The few DOM operations the HTML importers use, typed structurally (the project compiles without the DOM library),
 * and the lazily loaded HTML libraries: linkedom parses, Readability finds the article, turndown writes Markdown.
 * They load only on the HTML and WXR paths, so `patrika --version` and plain-text imports never pay for them.
 */

/** A DOM node as linkedom provides it. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  nextSibling: DomNode | null;
  childNodes: ArrayLike<DomNode>;
}

/** A DOM element as linkedom provides it. */
export interface DomElement extends DomNode {
  tagName: string;
  innerHTML: string;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
  replaceWith(...nodes: unknown[]): void;
}

/** A parsed document. */
export interface DomDocument {
  documentElement: DomElement;
  head: DomElement | null;
  body: DomElement;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
}

/** The HTML libraries, loaded once. */
export interface HtmlLibraries {
  parse(html: string): DomDocument;
  /** Mozilla's Readability on a document (which it changes): the article element, its title and byline. */
  readability(document: DomDocument): { title: string | null; byline: string | null; content: DomElement } | null;
  /** HTML (an element) → Markdown. */
  markdown(element: DomElement): string;
}

let loaded: Promise<HtmlLibraries> | undefined;

/** Loads linkedom, Readability and turndown on first use. */
export function htmlLibraries(): Promise<HtmlLibraries> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<HtmlLibraries> {
  const [{ parseHTML }, { Readability }, { default: TurndownService }] = await Promise.all([
    import("linkedom"),
    import("@mozilla/readability"),
    import("turndown"),
  ]);
  const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "_", linkStyle: "inlined" });
  // Nothing executable or interactive survives; the build renders Markdown with raw HTML disabled as well.
  turndown.remove(["script", "style", "noscript", "iframe", "object", "embed", "form", "button", "input", "select", "textarea", "svg", "canvas", "template"] as never);
  turndown.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content: string) => (content.trim() ? `\n\n_${content.trim()}_\n\n` : ""),
  });
  return {
    parse: (html) => parseHTML(html).document as unknown as DomDocument,
    readability: (document) => {
      const reader = new Readability(document as never, { serializer: (element: unknown) => element, keepClasses: false } as never);
      const result = reader.parse() as { title?: string | null; byline?: string | null; content?: unknown } | null;
      if (!result || !result.content) return null;
      return { title: result.title ?? null, byline: result.byline ?? null, content: result.content as DomElement };
    },
    markdown: (element) => turndown.turndown(element as never).trim(),
  };
}

/** An element's text with block boundaries as line breaks: what a reader sees, for the stamp and byline search. */
export function visibleText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push(node.textContent ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) out.push("\n");
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block || tag === "br") out.push("\n");
  };
  walk(root);
  return out.join("").replace(/[ \t\u00A0]+/g, " ");
}

const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "head", "iframe", "select", "button"]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul",
]);

/** Link schemes that run code or smuggle content: a link to one keeps its text and loses its address. */
const UNSAFE_LINK = /^\s*(javascript|vbscript|data):/i;

/**
 * An HTML fragment (a CMS record's body, a page a generator rendered) as Markdown: links whose address would run code
 * keep only their text, and the converter drops scripts, styles, embeds and forms (the build's Markdown renderer,
 * with raw HTML off, is the second guard).
 */
export function fragmentToMarkdown(libs: HtmlLibraries, html: string): string {
  const document = libs.parse(`<!doctype html><html><body>${html}</body></html>`);
  for (const link of Array.from(document.body.querySelectorAll("a[href]"))) if (UNSAFE_LINK.test(link.getAttribute("href")!)) link.removeAttribute("href");
  return libs.markdown(document.body);
}
