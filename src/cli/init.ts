import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatBengaliDate } from "../dates/index.js";
import { EXIT } from "./build.js";
import type { Io } from "./main.js";

export interface InitFlags {
  dir: string;
  siteUrl: string;
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
    [join(flags.dir, "patrika.config.json"), `${JSON.stringify(config, null, 2)}\n`],
    [join(flags.dir, "articles", "first-story.md"), article],
  ];
  try {
    await mkdir(join(flags.dir, "articles"), { recursive: true });
    for (const [path, content] of files) await writeFile(path, content, { flag: "wx" });
  } catch (error) {
    io.stderr(`patrika: ${(error as NodeJS.ErrnoException).code === "EEXIST" ? `${(error as NodeJS.ErrnoException).path} exists already; init never overwrites` : (error as Error).message}\n`);
    return EXIT.usage;
  }
  io.stdout(`Created ${files.map(([path]) => path).join(" and ")}.\nNext: edit patrika.config.json (siteUrl, title), then run: npx patrika build\n`);
  return EXIT.ok;
}
