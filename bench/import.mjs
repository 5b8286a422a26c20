// Import benchmark (docs/import.md, "Accuracy and memory"). Two parts:
//  1. Field accuracy on the fixtures: every field of test/fixtures/import/expected.json (written from the pages) against
//     what dist/import finds, per fixture.
//  2. Peak memory importing a large generated WordPress export (--wxr-mb N, default 200) in the system temp folder:
//     the import runs in a child process and its peak RSS (getrusage maxrss) is reported.
// Run: npm run bench:import [-- --wxr-mb 200]
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { once } from "node:events";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const wxrMb = Number(args[args.indexOf("--wxr-mb") + 1] ?? 200) || 200;

if (args[0] === "--child") {
  // The measured import: one export into one folder, then the peak RSS of this process.
  const { importPages } = await import(join(root, "dist/import/index.js"));
  const started = performance.now();
  const report = await importPages([args[1]], { outDir: args[2], onResult: () => undefined });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ counts: report.counts, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { compileRules, SHIPPED_RULES } = await import(join(root, "dist/import/rules.js"));
const { extractTextPage } = await import(join(root, "dist/import/text-page.js"));
const { extractHtmlPage } = await import(join(root, "dist/import/html-page.js"));
const { importPages } = await import(join(root, "dist/import/index.js"));
const fixtures = join(root, "test/fixtures/import");
const expected = JSON.parse(readFileSync(join(fixtures, "expected.json"), "utf8")).pages;
const rules = compileRules(SHIPPED_RULES);

const FIELDS = ["title", "date", "updated", "authors", "image", "url", "id", "slug", "category", "tags", "summary", "body"];
const found = {};
const wxr = await importPages([join(fixtures, "wxr/export.xml")], { outDir: join(tmpdir(), "never-written"), dryRun: true });
for (const r of wxr.results) found[`wxr/export.xml#${r.input.split("#")[1]}`] = { ok: true, article: r.article };
for (const name of Object.keys(expected)) {
  if (name.startsWith("wxr/")) continue;
  const text = readFileSync(join(fixtures, name), "utf8");
  const context = { timeZone: expected[name].timeZone };
  found[name] = name.endsWith(".html") ? await extractHtmlPage(text, rules, context) : extractTextPage(text, rules, context);
}
const shape = (a) => ({
  title: a.title, date: a.date.iso, updated: a.updated?.iso, authors: a.authors, image: a.image, url: a.url, id: a.id,
  slug: a.slug, category: a.category, tags: a.tags.length ? a.tags : undefined, summary: a.summary, body: a.body,
});
let right = 0;
let total = 0;
console.log("| fixture | fields right | wrong |\n| --- | ---: | --- |");
for (const [name, want] of Object.entries(expected)) {
  const result = found[name];
  if (want.error) {
    const ok = !result.ok && result.message === want.error;
    right += ok ? 1 : 0;
    total += 1;
    console.log(`| ${name} | ${ok ? 1 : 0}/1 (refused, as expected) | ${ok ? "" : "imported a page with no date"} |`);
    continue;
  }
  const got = result.ok ? shape(result.article) : {};
  const wrong = FIELDS.filter((f) => JSON.stringify(got[f] ?? null) !== JSON.stringify(want[f] ?? null));
  right += FIELDS.length - wrong.length;
  total += FIELDS.length;
  console.log(`| ${name} | ${FIELDS.length - wrong.length}/${FIELDS.length} | ${wrong.join(", ")} |`);
}
console.log(`\nField accuracy: ${right}/${total} = ${((100 * right) / total).toFixed(1)}% over ${Object.keys(expected).length} fixtures.\n`);

// Part 2: a large generated export.
const dir = mkdtempSync(join(tmpdir(), "patrika-bench-import-"));
try {
  const file = join(dir, "export.xml");
  const posts = await generateExport(file, wxrMb * 1024 * 1024);
  const size = statSync(file).size / 1024 / 1024;
  const output = execFileSync(process.execPath, [import.meta.filename, "--child", file, join(dir, "articles")], { encoding: "utf8" });
  const { counts, seconds, maxRssMb } = JSON.parse(output.trim().split("\n").pop());
  console.log(`WordPress export: ${size.toFixed(0)} MB, ${posts} posts (+ as many attachments); imported ${counts.imported} in ${seconds.toFixed(1)} s; peak RSS ${maxRssMb.toFixed(0)} MB.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes a WXR export of about `bytes` bytes: posts with Bengali bodies, each with a featured-image attachment after it. */
async function generateExport(path, bytes) {
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const words = ["নদী", "পানি", "বৃষ্টি", "জেলা", "মানুষ", "সড়ক", "বাজার", "দাম", "সরকার", "বিদ্যালয়", "শিক্ষার্থী", "হাসপাতাল"];
  let seed = 11;
  const pick = () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length];
  const sentence = (n) => `${Array.from({ length: n }, pick).join(" ")}।`;
  await write(`<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>\n<wp:author><wp:author_login><![CDATA[desk]]></wp:author_login><wp:author_display_name><![CDATA[অনলাইন ডেস্ক]]></wp:author_display_name></wp:author>\n`);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    n++;
    const day = String(1 + (n % 28)).padStart(2, "0");
    const body = Array.from({ length: 8 }, () => `<p>${sentence(14)} ${sentence(10)}</p>`).join("\n");
    const item = `<item><title><![CDATA[${sentence(5).slice(0, -1)} ${n}]]></title><link>https://bench.example/news/${n}/</link><dc:creator><![CDATA[desk]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${n}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${n}</wp:post_id><wp:post_date><![CDATA[2025-06-${day} 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2025-06-${day} 04:00:00]]></wp:post_date_gmt><wp:post_name><![CDATA[news-${n}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="bangladesh"><![CDATA[বাংলাদেশ]]></category><wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${n + 10_000_000}]]></wp:meta_value></wp:postmeta></item>
<item><title><![CDATA[image ${n}]]></title><wp:post_id>${n + 10_000_000}</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status><![CDATA[inherit]]></wp:status><wp:attachment_url><![CDATA[https://bench.example/uploads/${n}.jpg]]></wp:attachment_url><excerpt:encoded><![CDATA[${sentence(6)} ছবি: সংগৃহীত]]></excerpt:encoded></item>\n`;
    written += Buffer.byteLength(item);
    await write(item);
  }
  await write("</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
  return n;
}
