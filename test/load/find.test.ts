import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
