/**
 * Ids that readers already have. A minted id comes from the file name and the publication date, so renaming a file
 * (or moving a bundle) gives the story a new id, and every subscriber sees it again as new. Given what the last build
 * published, a story whose id changed while its URL, or its date and title, stayed the same is a rename: it keeps the
 * id readers have (and the build says so), or in strict mode the build fails with the exact `id:` line to add.
 */
import type { Diagnostic } from "../diagnostics.js";
import { tagHost } from "../ids.js";
import type { Article, IdChange, PublishedItem, SiteConfig } from "../model.js";

/** What a reader kept of one story: its id, where it linked, its headline and publication time. */
export type KnownItem = Pick<PublishedItem, "id" | "url" | "title" | "published">;

export interface IdentityResult {
  /** The articles, a renamed story carrying the id readers have (unless strict). */
  articles: Article[];
  diagnostics: Diagnostic[];
  changes: IdChange[];
}

/**
 * Keeps the ids readers have across renames and moves. Only minted ids are kept, and only for the same host: a
 * new `id:` field, or a deliberate host move (idHost), is the editor's decision, reported but not undone. Pure.
 */
export function keepKnownIds(articles: readonly Article[], known: readonly KnownItem[], options: { strict: boolean }): IdentityResult {
  const byId = new Set(known.map((item) => item.id));
  const byUrl = new Map(known.map((item) => [item.url, item]));
  const byDateTitle = new Map(known.map((item) => [dateTitle(Date.parse(item.published), item.title), item]));
  // Most articles of an archive were in no feed: a number looked up first spares building their date-title keys.
  const knownInstants = new Set(known.map((item) => Date.parse(item.published)));
  let inUse: Set<string> | undefined; // made only when some story looks renamed
  const diagnostics: Diagnostic[] = [];
  const changes: IdChange[] = [];
  const result = articles.map((article) => {
    if (byId.has(article.id)) return article;
    const sameUrl = byUrl.get(article.url);
    const instant = article.published.instant.getTime();
    const was = sameUrl ?? (knownInstants.has(instant) ? byDateTitle.get(dateTitle(instant, article.title)) : undefined);
    if (!was) return article;
    inUse ??= new Set(articles.map((a) => a.id));
    if (inUse.has(was.id) || was.id === article.id) return article;
    // A minted id under another host is a site move the config has decided on (hostMove), not a rename.
    const rename = article.idMinted && tagHost(was.id) === tagHost(article.id);
    const keep = rename && !options.strict;
    changes.push({ from: was.id, to: article.id, url: article.url, file: article.file, kept: keep });
    diagnostics.push(idDiagnostic(article, was, sameUrl !== undefined, keep, rename && options.strict));
    if (!keep) return article;
    inUse.add(was.id);
    return { ...article, id: was.id };
  });
  return { articles: result, diagnostics, changes };
}

const dateTitle = (instant: number, title: string) => `${instant}\n${title}`;

function idDiagnostic(article: Article, was: KnownItem, sameUrl: boolean, kept: boolean, refused: boolean): Diagnostic {
  const why = sameUrl ? "its URL is the same" : `its date and title are the same (its URL changed from ${was.url})`;
  const line = `id: "${was.id}"`;
  if (kept) {
    return {
      code: "article.id-kept",
      severity: "warning",
      file: article.file,
      line: 1,
      field: "id",
      message: `this story was published as ${was.id} (${why}); its new id would be ${article.id}, so it keeps the old one and readers do not see it again`,
      hint: `make it permanent: add ${line} to the front matter${sameUrl ? "" : ", and a slug: to keep its URL"}`,
    };
  }
  return {
    code: "article.id-changed",
    severity: refused ? "error" : "warning",
    file: article.file,
    line: 1,
    field: "id",
    message: `this story was published as ${was.id} (${why}), but its id is now ${article.id}: every reader would show it again as new`,
    expected: `the id readers have: ${line}`,
    hint: refused ? `add ${line} to the front matter` : "if the new id is deliberate, nothing to do; readers will show the story once more",
  };
}

/**
 * A site move: every minted id would change host at once, which readers show as a feed of old stories. Refused
 * unless the config says what it intends with `idHost` (the old host keeps every id; the new one accepts the change).
 */
export function hostMove(config: SiteConfig, previousHost: string | undefined, currentHost: string): Diagnostic | undefined {
  if (config.idHost !== undefined || previousHost === undefined || previousHost === currentHost || isPlaceholder(previousHost)) return undefined;
  return {
    code: "config.id-host-changed",
    severity: "error",
    field: "siteUrl",
    message: `siteUrl's host is now ${currentHost}, but the ids readers have were minted with ${previousHost}: every story would appear again as new`,
    found: currentHost,
    expected: `"idHost": "${previousHost}" in the config to keep every id (or "idHost": "${currentHost}" to accept new ids on purpose)`,
    hint: `add "idHost": "${previousHost}"`,
  };
}

/**
 * Hosts reserved for examples and tests (RFC 2606, RFC 6761): a site built with `patrika init`'s placeholder
 * (www.example.com) was never published, so moving off it changes no reader's ids.
 */
function isPlaceholder(host: string): boolean {
  return /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i.test(host);
}
