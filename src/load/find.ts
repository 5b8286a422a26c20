import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { glob } from "tinyglobby";
import type { Diagnostic } from "../diagnostics.js";
import { compareText } from "../diagnostics.js";

export type FindResult = { ok: true; files: string[]; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Lists every `*.md` and `*.markdown` below `articlesDir` as POSIX paths relative to it, in code-unit order (locale-independent). */
export async function findArticleFiles(articlesDir: string): Promise<FindResult> {
  const info = await stat(articlesDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    return {
      ok: false,
      diagnostics: [
        {
          code: "input.articles-not-found",
          severity: "error",
          file: articlesDir,
          message: info ? "the articles path is not a folder" : "the articles folder does not exist",
          expected: "a folder holding Markdown articles (*.md, *.markdown)",
          hint: "pass --articles DIR",
        },
      ],
    };
  }
  // Symbolic links are not followed: a link loop must not hang the build, and articles live in the folder itself.
  // Each one is named once, so a story kept behind a link is not silently missing from the feed.
  const [files, links] = await Promise.all([
    glob("**/*.{md,markdown}", { cwd: articlesDir, onlyFiles: true, followSymbolicLinks: false, dot: false }),
    symbolicLinks(articlesDir),
  ]);
  const warnings = links.sort(compareText).map(
    (link): Diagnostic => ({
      code: "input.symlink-skipped",
      severity: "warning",
      file: join(articlesDir, link),
      message: "a symbolic link is not followed, so what it points to is not published",
      expected: "the article files (or folders) themselves inside the articles folder",
      hint: "copy or move the target into the articles folder",
    }),
  );
  return { ok: true, files: files.sort(compareText), warnings };
}

/** Every symbolic link below `dir` (not inside dot folders), as POSIX paths relative to it; links are not entered. */
async function symbolicLinks(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) found.push(path);
    else if (entry.isDirectory()) found.push(...(await symbolicLinks(dir, path)));
  }
  return found;
}
