import type { ConfigInput } from "../config/schema.js";
import type { BuildReport } from "../model.js";
import { normaliseArticle, type ArticleResult } from "../normalise/article.js";
import type { RenderedOutput } from "../render/index.js";
import { adaptSource } from "../sources/index.js";
import { fragmentToMarkdown, htmlLibraries } from "../load/html.js";
import { entryToRaw, hasHtmlBody, type Entry } from "../sources/entries.js";
import type { WriteIo } from "../write/atomic.js";
import { loadConfigOf, renderOutputs, siteFromResults, writeOutputs } from "./index.js";

export interface EntriesOptions {
  /** The site's config, validated like a config file. */
  config: ConfigInput;
  /** The build's notion of now (the library never reads the clock). */
  now: Date;
  /** The articles, already in memory: front-matter fields plus `source`, `body` and `bodyFormat`. */
  entries: readonly Entry[];
  /** Also write the files here (atomically, as `build` does); without it nothing is written. */
  outDir?: string;
  /** Publish the valid entries and list the invalid ones, instead of refusing to publish. */
  skipInvalid?: boolean;
  /** Also render the preview page. */
  preview?: boolean;
  /** File operations for writing (tests inject failures). */
  io?: WriteIo;
  /** Replace files in outDir that patrika did not write. */
  replaceForeign?: boolean;
}

export interface EntriesResult extends BuildReport {
  /** Every output as rendered (name below the output folder, text, item count); empty unless status is ok. */
  rendered: RenderedOutput[];
}

/**
 * Builds the feeds and sitemaps of articles already in memory (a CMS, an Astro or Eleventy collection), validated
 * exactly as files are: the same fields, aliases, dates, URL rules and diagnostics, each naming the entry (its
 * `source`, else its id, slug or url, else `entries[i]`). Returns the rendered files; writes them only with `outDir`.
 * @example const { status, rendered } = await buildFromEntries({ config: { siteUrl: "https://www.example.com" }, now: new Date(), entries: [{ title: "শিরোনাম", date: "১৩ জুলাই ২০২৫, ১৭:২৮", slug: "flood", body: "লেখা" }] });
 */
export async function buildFromEntries(options: EntriesOptions): Promise<EntriesResult> {
  const paths = { articlesDir: "(entries)", outDir: options.outDir ?? "(not written)" };
  const loaded = await loadConfigOf({ config: options.config, now: options.now });
  if (!loaded.ok) return { status: "config-error", diagnostics: loaded.diagnostics, files: [], articlesFound: 0, articlesFromCache: 0, threads: 0, skipped: [], paths, rendered: [] };
  const config = loaded.config;
  const labels: string[] = [];
  const html = hasHtmlBody(options.entries) ? await htmlLibraries() : undefined;
  const htmlToMarkdown = html && ((text: string) => fragmentToMarkdown(html, text));
  const results: ArticleResult[] = options.entries.map((entry, i) => {
    const raw = entryToRaw(entry, i, htmlToMarkdown);
    if (!raw.ok) {
      labels.push(raw.diagnostics[0]!.file!);
      return { kind: "invalid", diagnostics: raw.diagnostics };
    }
    labels.push(raw.raw.file);
    const adapted = adaptSource(raw.raw);
    if (adapted.kind === "not-article") return adapted;
    const result = normaliseArticle(adapted.raw, { config, now: options.now });
    return result.kind === "invalid" ? { ...result, diagnostics: [...adapted.warnings, ...result.diagnostics] } : result.kind === "not-article" ? result : { ...result, warnings: [...adapted.warnings, ...result.warnings] };
  });
  const report: BuildReport = { ...siteFromResults(results, labels, config, { now: options.now, skipInvalid: options.skipInvalid ?? false }), paths };
  if (report.status !== "ok") return { ...report, rendered: [] };
  const { rendered, document } = renderOutputs(report, config, options.preview === true);
  if (options.outDir !== undefined) {
    const written = await writeOutputs(options.outDir, rendered, options, document);
    if (!written.ok) return { ...report, status: "write-error", diagnostics: [...report.diagnostics, written.diagnostic], outputUntouched: written.untouched, rendered };
  }
  return { ...report, files: rendered.map(({ name, count, content }) => ({ name, count, bytes: Buffer.byteLength(content) })), rendered };
}
