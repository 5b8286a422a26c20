import { readFileSync } from "node:fs";
import type { Article, BodySource } from "../model.js";
import { xmlSafe } from "../text.js";
import { decodeBody } from "./front-matter.js";

/**
 * The Markdown bodies of the articles a feed renders, read from their files (or taken from memory), cleaned of the
 * characters XML forbids. The build's only read of bodies: most articles of an archive are never in a feed, and
 * keeping every body in memory held the whole archive (about 1 GB at 100,000 articles).
 */
export function readBodies(articles: Iterable<Article>): Map<Article, string> {
  const bodies = new Map<Article, string>();
  for (const article of articles) if (!bodies.has(article)) bodies.set(article, xmlSafe(readBody(article.body)));
  return bodies;
}

/** One body's text: in memory already, or the file from the byte where its front matter ends. */
function readBody(source: BodySource): string {
  return "text" in source ? source.text : decodeBody(readFileSync(source.path).subarray(source.offset));
}
