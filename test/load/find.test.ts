import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findArticleFiles } from "../../src/load/find.js";

test("symbolic links are not followed, and each is named once (issue 18)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "patrika-find-"));
  try {
    mkdirSync(join(dir, "sports"));
    writeFileSync(join(dir, "sports", "a.md"), "---\ntitle: a\n---\n");
    symlinkSync(join(dir, "sports", "a.md"), join(dir, "linked.md"));
    symlinkSync(join(dir, "sports"), join(dir, "sports", "loop"));
    symlinkSync(join(dir, "missing.md"), join(dir, "dangling.md"));
    const result = await findArticleFiles(dir);
    expect(result.ok && result.files).toEqual(["sports/a.md"]);
    expect(result.ok && result.warnings.map((w) => [w.code, w.severity, w.file!.slice(dir.length)])).toEqual([
      ["input.symlink-skipped", "warning", "/dangling.md"],
      ["input.symlink-skipped", "warning", "/linked.md"],
      ["input.symlink-skipped", "warning", "/sports/loop"],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("one walk: *.md and *.markdown at any depth, nothing under a dot, nothing but regular files", async () => {
  const dir = mkdtempSync(join(tmpdir(), "patrika-find-"));
  try {
    for (const folder of ["2025/07", ".git/objects", "drafts.d/.hidden", "notes"]) mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ["a.md", "2025/07/b.markdown", "2025/07/c.MD", ".d.md", ".git/objects/e.md", "drafts.d/f.md", "drafts.d/.hidden/g.md", "notes/h.txt", "notes/i.md.bak", "notes/j.md"]) {
      writeFileSync(join(dir, file), "---\ntitle: x\n---\n");
    }
    execFileSync("mkfifo", [join(dir, "notes", "pipe.md")]); // reading it would wait for a writer forever
    const result = await findArticleFiles(dir);
    expect(result.ok && result.files).toEqual(["2025/07/b.markdown", "a.md", "drafts.d/f.md", "notes/j.md"]);
    expect(result.ok && result.warnings.map((w) => [w.code, w.severity, w.file!.slice(dir.length)])).toEqual([["input.not-a-file", "warning", "/notes/pipe.md"]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder that cannot be listed stops the build and is named, rather than its articles going missing", () => {
  const dir = mkdtempSync(join(tmpdir(), "patrika-find-"));
  try {
    for (const folder of ["articles/open", "articles/locked/deeper"]) mkdirSync(join(dir, folder), { recursive: true });
    const article = '---\ntitle: "ক"\ndate: 2025-07-13T10:00:00+06:00\n---\nx\n';
    writeFileSync(join(dir, "articles", "open", "a.md"), article);
    writeFileSync(join(dir, "articles", "locked", "b.md"), article);
    writeFileSync(join(dir, "patrika.config.json"), JSON.stringify({ siteUrl: "https://www.example.com", title: "t" }));
    chmodSync(join(dir, "articles", "locked"), 0o000);
    // root reads any folder: the CLI then runs without the capabilities that let it (it stays root for the rest).
    const asRoot = process.getuid?.() === 0;
    const command = [...(asRoot ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : []), "node", resolve("dist/bin/patrika.js"), "check", "--json", "--now", "2025-07-14T12:00:00+06:00"];
    const run = spawnSync(command[0]!, command.slice(1), { cwd: dir, encoding: "utf8" });
    const report = JSON.parse(run.stdout) as { status: string; diagnostics: { code: string; file: string; severity: string }[] };
    expect([run.status, report.status]).toEqual([2, "config-error"]);
    expect(report.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([["input.folder-unreadable", "error", "articles/locked"]]);
  } finally {
    chmodSync(join(dir, "articles", "locked"), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});
