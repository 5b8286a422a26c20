import { readFileSync } from "node:fs";
import type { Article, BodySource } from "../model.js";
import { xmlSafe } from "../text.js";
import { decodeBody } from "./front-matter.js";

/**
 * An article's Markdown body, cleaned of the characters XML forbids: in memory already, or read from its file at
 * the byte where its front matter ends. The build's only read of bodies, for the articles a feed renders: most
 * articles of an archive never are, and keeping every body in memory held the whole archive (about 1 GB at 100,000
 * articles).
 */
export function readBody(article: Article): string {
  return xmlSafe(bodyText(article.body));
}

/** The bodies of several articles at once, by article. */
export function readBodies(articles: Iterable<Article>): Map<Article, string> {
  const bodies = new Map<Article, string>();
  for (const article of articles) if (!bodies.has(article)) bodies.set(article, readBody(article));
  return bodies;
}

function bodyText(source: BodySource): string {
  return "text" in source ? source.text : decodeBody(readFileSync(source.path).subarray(source.offset));
}
