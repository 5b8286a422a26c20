import { importPages } from "../import/index.js";
import { EXIT, type Io } from "./io.js";

export interface ImportFlags {
  out: string;
  category?: string;
  dryRun?: boolean;
  rules?: string;
  json?: boolean;
}

/** `patrika import FILE|DIR...`: saved plain-text pages → front-matter articles; prints every dropped line. */
export async function runImport(inputs: string[], flags: ImportFlags, io: Io): Promise<number> {
  let results;
  try {
    results = await importPages(inputs, {
      outDir: flags.out,
      ...(flags.category ? { category: flags.category } : {}),
      dryRun: flags.dryRun ?? false,
      ...(flags.rules ? { rulesFile: flags.rules } : {}),
    });
  } catch (error) {
    io.stderr(`patrika: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (flags.json) {
    io.stdout(`${JSON.stringify(results.map(({ article, ...rest }) => ({ ...rest, title: article?.title, date: article?.date.iso })), null, 2)}\n`);
  } else {
    for (const result of results) {
      if (result.error) {
        io.stderr(`${result.input}:${result.error.line}: error [import.not-imported] ${result.error.message}\n`);
        continue;
      }
      io.stdout(`${result.input} → ${result.output}${flags.dryRun ? " (dry run, not written)" : ""}\n`);
      for (const dropped of result.dropped) io.stdout(`    dropped line ${dropped.line} (${dropped.reason}): ${dropped.text}\n`);
    }
    const failed = results.filter((r) => r.error).length;
    io.stdout(`${results.length - failed} imported, ${failed} not imported.\n`);
  }
  return results.some((r) => r.error) ? EXIT.invalid : EXIT.ok;
}
