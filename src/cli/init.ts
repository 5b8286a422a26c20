import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { CONFIG_FILES } from "../config/load.js";
import { formatBengaliDate } from "../dates/index.js";
import { DEFAULT_SITE_URL, EXIT, type Io } from "./io.js";

export interface InitFlags {
  dir: string;
  siteUrl: string;
  /** Write patrika.config.ts with defineConfig instead of JSON. */
  ts?: boolean;
  json?: boolean;
}

/** The config as a typed module: editors check it against the config's types as it is written. */
function typedConfig(config: Record<string, unknown>): string {
  const { $schema: _schema, ...rest } = config;
  const body = JSON.stringify(rest, null, 2).replace(/^(\s+)"([A-Za-z]+)":/gm, "$1$2:");
  return `import { defineConfig } from "patrika";\n\nexport default defineConfig(${body});\n`;
}

/** `patrika init`: a config and one sample article in a folder, never overwriting what is there. */
export async function runInit(flags: InitFlags, io: Io): Promise<number> {
  const now = io.clock();
  const config = {
    $schema: "./node_modules/patrika/schema/patrika.config.schema.json",
    siteUrl: flags.siteUrl,
    title: "আমার সংবাদপত্র",
    description: "প্রতিদিনের খবর",
    language: "bn",
    publicationName: "আমার সংবাদপত্র",
    timeZone: "Asia/Dhaka",
    feedSize: 50,
  };
  const article = [
    "---",
    'title: "প্রথম খবর"',
    `date: "${formatBengaliDate(now)}"`,
    'author: "নিজস্ব প্রতিবেদক"',
    "category: bangladesh",
    'summary: "patrika দিয়ে প্রকাশিত প্রথম খবর।"',
    "---",
    "এখানে খবরের মূল লেখা থাকবে। তারিখ যেভাবে ছাপা হয় সেভাবেই লেখা যায়: `১৩ জুলাই ২০২৫, ১৭:২৮`।",
    "",
  ].join("\n");
  const files: [string, string][] = [
    flags.ts
      ? [join(flags.dir, "patrika.config.ts"), typedConfig(config)]
      : [join(flags.dir, "patrika.config.json"), `${JSON.stringify(config, null, 2)}\n`],
    [join(flags.dir, "articles", "first-story.md"), article],
  ];
  const existing = CONFIG_FILES.filter((name) => existsSync(join(flags.dir, name)));
  if (existing.length > 0) {
    io.stderr(`patrika: ${join(flags.dir, existing[0]!)} exists already; init never overwrites\n`);
    return EXIT.usage;
  }
  try {
    await mkdir(join(flags.dir, "articles"), { recursive: true });
    for (const [path, content] of files) await writeFile(path, content, { flag: "wx" });
  } catch (error) {
    io.stderr(`patrika: ${(error as NodeJS.ErrnoException).code === "EEXIST" ? `${(error as NodeJS.ErrnoException).path} exists already; init never overwrites` : (error as Error).message}\n`);
    return EXIT.usage;
  }
  if (flags.json) {
    io.stdout(`${JSON.stringify({ created: files.map(([path]) => path) }, null, 2)}\n`);
    return EXIT.ok;
  }
  // Name only what is left to edit: a site URL given on the command line is already the site's.
  const toEdit = flags.siteUrl === DEFAULT_SITE_URL ? "siteUrl, title" : "title";
  io.stdout(`Created ${files.map(([path]) => path).join(" and ")}.\nNext: edit ${files[0]![0]} (${toEdit}), then run: npx patrika preview\n`);
  return EXIT.ok;
}
