/**
 * `patrika import`: saved pages (plain text or HTML) and WordPress exports → Markdown articles. This file is the edge
 * that reads inputs and writes articles; extraction (text-page.ts, html-page.ts, wxr-post.ts) is pure.
 */
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { identityOf, pageHash, sourceField, toMarkdown, type ImportIdentity } from "./article-file.js";
import { htmlLibraries } from "../load/html.js";
import { extractHtmlPage, looksLikeHtml } from "./html-page.js";
import type { DroppedLine, ExtractResult, Guess, ImportedArticle } from "./model.js";
import { checkRulesFile, compileRules, SHIPPED_RULES, type ImportRules, type RulesFile } from "./rules.js";
import type { DateContext } from "./stamp.js";
import { extractTextPage } from "./text-page.js";
import { transliterate } from "./transliterate.js";
import { attachmentOf, postToArticle, type Attachment, type SkipKind } from "./wxr-post.js";
import { readWxr, WxrError, type WxrChannel } from "./wxr.js";

export type { DroppedLine, Guess, ImportedArticle } from "./model.js";
export type { SkipKind } from "./wxr-post.js";

export interface ImportOptions {
  /** Folder the Markdown articles are written to (created when missing); default `articles`. */
  outDir?: string;
  /** Category for every imported article (overrides a WordPress post's own). */
  category?: string;
  /** Say what would be written, write nothing. */
  dryRun?: boolean;
  /** A newsroom's rules file (JSON), added to the shipped rules. */
  rulesFile?: string;
  /** Zone of dates printed without an offset; default Asia/Dhaka. */
  timeZone?: string;
  /** The site the articles are imported into: a page URL on another site is not kept as the article's url. */
  siteUrl?: string;
  /** Which Bangla calendar বঙ্গাব্দ dates are in. */
  calendar?: DateContext["calendar"];
  /** Called for each result as soon as it is known (a large export is not held in memory). */
  onResult?: (result: ImportedFile) => void;
}

/** What happened to one page or one post. */
export type ImportStatus = "imported" | "already-imported" | "not-imported";

export interface ImportedFile {
  /** The input file, with `#post-N` for a post of a WordPress export. */
  input: string;
  status: ImportStatus;
  /** The article written (or, with dryRun, that would be written). */
  output?: string;
  /** For already-imported: the article that holds this page, and what matched (`the same URL …`). */
  existing?: { path: string; by: string };
  /** Why the page was not imported, and the line the importer looked at. */
  error?: { message: string; line: number };
  dropped: DroppedLine[];
  guesses: Guess[];
  article?: ImportedArticle;
}

/** Every result, and the WordPress items skipped by kind. */
export interface ImportReport {
  /** Empty when `onResult` was given. */
  results: ImportedFile[];
  counts: Record<ImportStatus, number>;
  skipped: Partial<Record<SkipKind, number>>;
}

/** A problem with the command's inputs (a missing file, a bad rules file): a usage error, nothing was imported. */
export class ImportInputError extends Error {
  override name = "ImportInputError";
}

/** The input kinds, by file name ending; other files in a folder are not read. */
const PAGE_EXTENSIONS = new Set([".txt", ".html", ".htm", ".xml"]);

/** Imports saved pages and WordPress exports (files, or every .txt/.html/.htm/.xml below folders). Never overwrites. */
export async function importPages(inputs: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const extra = await readRulesFile(options.rulesFile);
  let rules: ImportRules;
  try {
    rules = compileRules(SHIPPED_RULES, extra);
  } catch (error) {
    throw new ImportInputError(`${options.rulesFile}: ${(error as Error).message}`);
  }
  const context: DateContext = { timeZone: options.timeZone ?? "Asia/Dhaka", ...(options.calendar ? { calendar: options.calendar } : {}) };
  const files = (await Promise.all(inputs.map(expand))).flat();
  const folder = await ArticleFolder.open(options.outDir ?? "articles", options.dryRun ?? false);
  const report: ImportReport = { results: [], counts: { imported: 0, "already-imported": 0, "not-imported": 0 }, skipped: {} };
  const emit = (result: ImportedFile) => {
    report.counts[result.status]++;
    if (options.onResult) options.onResult(result);
    else report.results.push(result);
  };
  const job: Job = { rules, context, folder, emit, ...(options.category ? { category: options.category } : {}), ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}) };
  for (const file of files) {
    const kind = await inputKind(file);
    if (kind === "wxr") await importExport(file, job, report);
    else await importPage(file, kind, job);
  }
  return report;
}

interface Job {
  rules: ImportRules;
  siteUrl?: string;
  context: DateContext;
  folder: ArticleFolder;
  category?: string;
  emit(result: ImportedFile): void;
}

async function readRulesFile(file: string | undefined): Promise<RulesFile> {
  if (!file) return {};
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ImportInputError(`the rules file ${file} could not be read (${describeError(error)})`);
  }
  try {
    return checkRulesFile(JSON.parse(text), file);
  } catch (error) {
    throw new ImportInputError(error instanceof SyntaxError ? `${file} is not valid JSON: ${error.message}` : (error as Error).message);
  }
}

async function expand(input: string): Promise<string[]> {
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    throw new ImportInputError(`${input}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : describeError(error)}`);
  }
  if (!info.isDirectory()) return [input];
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
    }
  };
  await walk(input);
  return found;
}

/** WordPress export, HTML page or plain text: by the file's first bytes, then its name. */
async function inputKind(file: string): Promise<"wxr" | "html" | "text"> {
  const handle = await open(file, "r").catch((error: unknown) => {
    throw new ImportInputError(`${file} could not be read (${describeError(error)})`);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8");
    if (/<rss[\s>]/.test(head) && /wordpress\.org\/export/.test(head)) return "wxr";
    if (looksLikeHtml(head) || /\.html?$/i.test(file)) return "html";
    return "text";
  } finally {
    await handle.close();
  }
}

async function importPage(file: string, kind: "html" | "text", job: Job): Promise<void> {
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    job.emit(failed(file, "the file is not UTF-8 text (re-save it as UTF-8; legacy Bengali fonts such as Bijoy need converting to Unicode)", 1));
    return;
  }
  const extracted: ExtractResult = kind === "html" ? await extractHtmlPage(text, job.rules, job.context) : extractTextPage(text, job.rules, job.context);
  if (!extracted.ok) {
    job.emit(failed(file, extracted.message, extracted.line));
    return;
  }
  const fingerprint = pageHash(text);
  const identity: ImportIdentity = { fingerprint, ...(extracted.article.url ? { url: extracted.article.url } : {}) };
  await place(file, extracted.article, sourceField(basename(file), fingerprint), identity, transliterate(extracted.article.title), job);
}

/** Writes the article unless the folder holds it already; emits what happened. */
async function place(input: string, page: ImportedArticle, source: string, identity: ImportIdentity, base: string, job: Job): Promise<void> {
  const article = onThisSite(page, job.siteUrl);
  const common = { input, dropped: article.dropped, guesses: article.guesses, article };
  const existing = job.folder.find(identity);
  if (existing) {
    job.emit({ ...common, status: "already-imported", existing });
    return;
  }
  try {
    const output = await job.folder.add(base || "article", identity, (name, slug) =>
      toMarkdown(article, source, { ...(job.category ? { category: job.category } : {}), ...(slug ? { slug } : {}) }),
      article.slug,
    );
    job.emit({ ...common, status: "imported", output });
  } catch (error) {
    job.emit({ ...failed(input, (error as Error).message, 1), dropped: article.dropped, guesses: article.guesses, article });
  }
}

/**
 * A page URL on another site than the one being built cannot be the article's URL there (the build refuses it):
 * it is left out, and the article says so instead of failing later.
 */
function onThisSite(article: ImportedArticle, siteUrl: string | undefined): ImportedArticle {
  if (!siteUrl || !article.url || `${article.url}/`.startsWith(`${siteUrl}/`)) return article;
  const { url, ...rest } = article;
  return { ...rest, guesses: [...article.guesses, { field: "url", message: `the page's URL ${url} is not on this site (${siteUrl}), so it is not kept as url; the article gets this site's URL` }] };
}

function failed(input: string, message: string, line: number): ImportedFile {
  return { input, status: "not-imported", error: { message, line }, dropped: [], guesses: [] };
}

/** A WordPress export, streamed twice: attachments first (for featured images), then every post. */
async function importExport(file: string, job: Job, report: ImportReport): Promise<void> {
  const libs = await htmlLibraries();
  const attachments = new Map<string, Attachment>();
  try {
    for await (const event of readWxr(createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }))) {
      if (event.kind !== "item") continue;
      const found = attachmentOf(event.item);
      if (found) attachments.set(found.id, found.attachment);
    }
    let channel: WxrChannel = { authors: new Map(), categoryParents: new Map() };
    for await (const event of readWxr(createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }))) {
      if (event.kind === "channel") {
        channel = event.channel;
        continue;
      }
      const result = postToArticle(event.item, channel, attachments, libs, job.rules, job.context);
      const input = `${file}#post-${result.postId || `line-${event.item.line}`}`;
      if (result.kind === "skipped") report.skipped[result.skip] = (report.skipped[result.skip] ?? 0) + 1;
      else if (result.kind === "error") job.emit(failed(input, result.message, event.item.line));
      else {
        const article = result.article;
        const identity: ImportIdentity = { ...(article.id ? { id: article.id } : {}), ...(article.url ? { url: article.url } : {}) };
        const base = article.slug && isFileName(article.slug) ? article.slug : transliterate(article.title);
        await place(input, article, `${basename(file)} post ${result.postId}`, identity, base, job);
      }
    }
  } catch (error) {
    if (!(error instanceof WxrError)) throw error;
    job.emit(failed(file, error.message, error.line));
  }
}

/** A slug that can be a file name as it is: no separators, not hidden, not too long for a file system. */
function isFileName(slug: string): boolean {
  return !/[/\\\0]/.test(slug) && !slug.startsWith(".") && Buffer.byteLength(slug) <= 200;
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: "it does not exist",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is a file, not a folder",
    ENOSPC: "the disk is full",
    EROFS: "the file system is read-only",
  };
  return e.code && known[e.code] ? `${known[e.code]}, ${e.code}` : e.message;
}

/**
 * The articles folder: the file names taken and the identities (page hash, URL, id) of the articles in it, so a page
 * imported before is recognised, and new files never replace old ones.
 */
class ArticleFolder {
  private readonly names = new Set<string>();
  private readonly known = new Map<string, string>();
  private created = false;

  private constructor(
    readonly dir: string,
    readonly dryRun: boolean,
  ) {}

  static async open(dir: string, dryRun: boolean): Promise<ArticleFolder> {
    const folder = new ArticleFolder(dir, dryRun);
    let info;
    try {
      info = await stat(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return folder; // created at the first write
      throw new ImportInputError(`the articles folder ${dir} cannot be used (${describeError(error)})`);
    }
    if (!info.isDirectory()) throw new ImportInputError(`--out ${dir} is a file, not a folder`);
    folder.created = true;
    await folder.scan(dir);
    return folder;
  }

  private async scan(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === this.dir) this.names.add(entry.name);
      if (entry.isDirectory()) await this.scan(path);
      else if (entry.isFile() && entry.name.endsWith(".md")) this.remember(identityOf(await readFile(path, "utf8").catch(() => "")), path);
    }
  }

  private remember(identity: ImportIdentity, path: string): void {
    // Copies: the keys are cut from a WordPress export's parser chunks, which they must not keep alive.
    for (const key of keys(identity)) if (!this.known.has(key)) this.known.set(Buffer.from(key).toString(), path);
  }

  /** The article that already holds this page, if any, and which key matched. */
  find(identity: ImportIdentity): { path: string; by: string } | undefined {
    for (const key of keys(identity)) {
      const path = this.known.get(key);
      if (path) return { path, by: `the same ${key.replace(/^hash /, "page text, ")}` };
    }
    return undefined;
  }

  /**
   * Writes a new article named after `base` (`-2`, `-3` … when taken; then `slug` is written so the old URL stays).
   * Returns its path; a write that fails says what failed.
   */
  async add(base: string, identity: ImportIdentity, content: (name: string, slug?: string) => string, slug?: string): Promise<string> {
    let n = 1;
    for (;;) {
      const name = n === 1 ? `${base}.md` : `${base}-${n}.md`;
      n++;
      if (this.names.has(name)) continue;
      const path = join(this.dir, name);
      const text = content(name, n > 2 && slug ? slug : undefined);
      if (!this.dryRun) {
        await this.ensureFolder();
        try {
          await writeFile(path, text, { flag: "wx" }); // never replace a file
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EEXIST") {
            this.names.add(name); // appeared since the folder was read: take the next name
            continue;
          }
          throw new Error(`${path} could not be written (${describeError(error)})`);
        }
      }
      this.names.add(Buffer.from(name).toString());
      this.remember(identity, path);
      return path;
    }
  }

  private async ensureFolder(): Promise<void> {
    if (this.created) return;
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw new Error(`the articles folder ${this.dir} could not be created (${describeError(error)})`);
    }
    this.created = true;
  }
}

function keys(identity: ImportIdentity): string[] {
  return [
    ...(identity.id ? [`id ${identity.id}`] : []),
    ...(identity.url ? [`URL ${identity.url}`] : []),
    ...(identity.fingerprint ? [`hash ${identity.fingerprint}`] : []),
  ];
}
