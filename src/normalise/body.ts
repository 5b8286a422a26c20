import { createRequire } from "node:module";
import type { default as MarkdownItClass, MarkdownIt } from "markdown-it";
import { EXCERPT_LENGTH } from "../limits.js";

let parser: MarkdownIt | undefined;

/**
 * The Markdown parser, loaded on first use: a build whose feed bodies all come from the build cache never renders
 * one, and importing markdown-it cost every build ~30 ms of start-up. Loaded with require (its CommonJS build, the
 * same code) because an import would make rendering asynchronous.
 *
 * Raw HTML in Markdown is not passed through: syndicated bodies must carry no script, style or event handlers.
 * markdown-it's own link check already refuses javascript:, vbscript:, file: and non-image data: URLs.
 */
function markdownParser(): MarkdownIt {
  if (!parser) {
    const Parser = createRequire(import.meta.url)("markdown-it") as typeof MarkdownItClass;
    parser = new Parser({ html: false, linkify: false, typographer: false });
  }
  return parser;
}

/** An article body for feeds: sanitised HTML, and its first paragraph as plain text for items without a summary. */
export interface RenderedBody {
  html: string;
  excerpt: string;
}

/** Renders an article body to HTML for feeds, with relative links and images made absolute against its URL. */
export function renderBody(body: string, articleUrl: string): RenderedBody {
  const markdown = markdownParser();
  const tokens = markdown.parse(body, {});
  const stack = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (token.children) stack.push(...token.children);
    for (const name of ["href", "src"]) {
      const value = token.attrGet(name);
      if (typeof value === "string") token.attrSet(name, absolutise(value, articleUrl));
    }
  }
  return { html: markdown.renderer.render(tokens, markdown.options, {}), excerpt: firstParagraphText(tokens) };
}

/** The text of the first paragraph, markup removed, cut at a word boundary near EXCERPT_LENGTH. */
function firstParagraphText(tokens: ReturnType<MarkdownIt["parse"]>): string {
  const paragraph = tokens.findIndex((token) => token.type === "paragraph_open");
  const inline = paragraph < 0 ? undefined : tokens[paragraph + 1];
  const text = (inline?.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.lastIndexOf(" ", EXCERPT_LENGTH);
  return `${text.slice(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH)}…`;
}

/** Feed readers show items away from the site, so a relative link must become absolute to keep working. */
function absolutise(link: string, base: string): string {
  if (link.startsWith("#")) return link;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}
