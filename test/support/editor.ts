/** What an editor does to a site's articles folder between two builds, for the rebuild tests (issue 15). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** An editor working in `<root()>/articles`; root is read at each call, so a test may make a fresh one per case. */
export function editorIn(root: () => string) {
  const path = (name: string) => join(root(), "articles", name);
  return {
    /** Writes an article from its front matter lines and body. */
    write(name: string, frontMatter: string, body = "লেখা।"): void {
      mkdirSync(dirname(path(name)), { recursive: true });
      writeFileSync(path(name), `---\n${frontMatter}\n---\n${body}\n`);
    },
    /** Rewrites an article's text. */
    edit(name: string, change: (text: string) => string): void {
      writeFileSync(path(name), change(readFileSync(path(name), "utf8")));
    },
    /** Renames or moves an article's file (git mv). */
    move(from: string, to: string): void {
      mkdirSync(dirname(path(to)), { recursive: true });
      renameSync(path(from), path(to));
    },
  };
}
