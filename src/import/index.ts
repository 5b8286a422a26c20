import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import defaultRules from "./rules.json" with { type: "json" };
import { compileRules, extractArticle, type DroppedLine, type ExtractedArticle, type RulesFile } from "./extract.js";
import { transliterate } from "./transliterate.js";

export interface ImportOptions {
  /** Folder the Markdown articles are written to; default `articles`. */
  outDir?: string;
  /** Category for every imported article. */
  category?: string;
  /** Say what would be written, write nothing. */
  dryRun?: boolean;
  /** A newsroom's rules file, added to the shipped rules. */
  rulesFile?: string;
  /** Zone of the printed dates; default Asia/Dhaka. */
  timeZone?: string;
}

export interface ImportedFile {
  input: string;
  /** The article written (or that would be written). */
  output?: string;
  /** Why the file was not imported. */
  error?: { message: string; line: number };
  dropped: DroppedLine[];
  article?: ExtractedArticle;
}

/** Imports saved plain-text news pages (files, or every .txt in folders) as front-matter articles. Never overwrites. */
export async function importPages(inputs: readonly string[], options: ImportOptions = {}): Promise<ImportedFile[]> {
  const outDir = options.outDir ?? "articles";
  const extra = options.rulesFile ? (JSON.parse(await readFile(options.rulesFile, "utf8")) as RulesFile) : {};
  const rules = compileRules(defaultRules as RulesFile, extra);
  const files = (await Promise.all(inputs.map(expand))).flat();
  const taken = new Set(await readdir(outDir).catch(() => [] as string[]));
  const results: ImportedFile[] = [];
  for (const input of files) {
    const text = await readFile(input, "utf8");
    const extracted = extractArticle(text, rules, options.timeZone ?? "Asia/Dhaka");
    if (!extracted.ok) {
      results.push({ input, error: { message: extracted.message, line: extracted.line }, dropped: [] });
      continue;
    }
    const article = extracted.article;
    const base = transliterate(article.title) || "article";
    let name = `${base}.md`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`;
    taken.add(name);
    const output = join(outDir, name);
    if (!options.dryRun) {
      try {
        await writeFile(output, toMarkdown(article, basename(input), options.category), { flag: "wx" }); // never overwrite
      } catch (error) {
        results.push({ input, error: { message: `${output} exists already; it was not overwritten (${(error as Error).message})`, line: 1 }, dropped: [] });
        continue;
      }
    }
    results.push({ input, output, dropped: article.dropped, article });
  }
  return results;
}

/** The Markdown file for one extracted page: front matter (strings JSON-quoted, which YAML reads as is) and paragraphs. */
export function toMarkdown(article: ExtractedArticle, source: string, category?: string): string {
  const fields: [string, unknown][] = [
    ["title", article.title],
    ["date", article.date.iso],
    ["updated", article.updated?.iso],
    ["author", article.author],
    ["category", category],
    ["source", source],
  ];
  const lines = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  if (article.image) {
    lines.push("image:");
    if (article.image.caption) lines.push(`  caption: ${JSON.stringify(article.image.caption)}`);
    if (article.image.credit) lines.push(`  credit: ${JSON.stringify(article.image.credit)}`);
  }
  return `---\n${lines.join("\n")}\n---\n${article.paragraphs.join("\n\n")}\n`;
}

async function expand(input: string): Promise<string[]> {
  const info = await stat(input);
  if (!info.isDirectory()) return [input];
  return (await readdir(input)).filter((name) => name.endsWith(".txt")).sort().map((name) => join(input, name));
}
