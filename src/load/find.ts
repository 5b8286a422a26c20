import { stat } from "node:fs/promises";
import { glob } from "tinyglobby";
import type { Diagnostic } from "../diagnostics.js";
import { compareText } from "../diagnostics.js";

export type FindResult = { ok: true; files: string[] } | { ok: false; diagnostics: Diagnostic[] };

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
  const files = await glob("**/*.{md,markdown}", { cwd: articlesDir, onlyFiles: true, followSymbolicLinks: false, dot: false });
  return { ok: true, files: files.sort(compareText) };
}
