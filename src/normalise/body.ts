import MarkdownIt from "markdown-it";

// Raw HTML in Markdown is not passed through: syndicated bodies must carry no script, style or event handlers.
// markdown-it's own link check already refuses javascript:, vbscript:, file: and non-image data: URLs.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Renders an article body to HTML for feeds, with relative links and images made absolute against its URL. */
export function renderBody(body: string, articleUrl: string): string {
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
  return markdown.renderer.render(tokens, markdown.options, {});
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
