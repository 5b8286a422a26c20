import { toBengaliDigits } from "../dates/digits.js";
import { formatBengaliDate } from "../dates/index.js";
import type { ArticleDate, FeedItem, Site } from "../model.js";
import { GENERATOR } from "../version.js";
import { FEED_KINDS, kindOfPath, type OutputKind } from "../outputs.js";
import { categoryLabel } from "./category.js";
import { escapeAttribute as attr, escapeText as text } from "./xml.js";

/** A file the build wrote: its name below the output folder and how many items, URLs or parts it holds. */
export interface PreviewOutput {
  name: string;
  count: number;
}

// Bengali needs a font that has its conjuncts; list the common ones per platform before the generic fallback.
const BENGALI_FONTS = `"Noto Sans Bengali", "Noto Serif Bengali", "Hind Siliguri", "SolaimanLipi", "Kalpurush", "Nirmala UI", "Vrinda", "Bangla Sangam MN", sans-serif`;

// Inline only: the page must open from file:// with no network, so no web fonts, scripts or stylesheets.
const STYLE = `
:root { color-scheme: light dark; --bg: #faf8f3; --card: #ffffff; --fg: #1f1f24; --muted: #5c5d66; --line: #e2ddd2; --accent: #0a58a8; --chip: #efeae0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #141518; --card: #1c1e22; --fg: #ebebed; --muted: #a4a6ae; --line: #2e3137; --accent: #82b6ff; --chip: #272a30; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: ${BENGALI_FONTS}; font-size: 1.0625rem; line-height: 1.75; overflow-wrap: anywhere; }
.wrap { max-width: 46rem; margin: 0 auto; padding-inline: 1.25rem; }
a { color: var(--accent); text-underline-offset: 0.2em; }
h1, h2, h3 { line-height: 1.45; margin: 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.masthead { border-bottom: 1px solid var(--line); background: var(--card); padding: 2rem 0 1.5rem; }
.kicker { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.875rem; letter-spacing: 0.02em; }
.masthead h1 { font-size: 2rem; }
.masthead h1 a { color: inherit; text-decoration: none; }
.lede { margin: 0.25rem 0 1rem; color: var(--muted); }
.window { margin: 0; padding: 0.75rem 1rem; border-radius: 0.5rem; background: var(--chip); font-size: 0.9375rem; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
main > section + section { margin-top: 2rem; }
h2 { font-size: 1.375rem; margin-bottom: 0.75rem; }
.groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
.group { background: var(--card); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.875rem 1rem; min-width: 0; }
.group h3 { font-size: 1rem; color: var(--muted); margin-bottom: 0.375rem; }
.files { list-style: none; margin: 0; padding: 0; font-size: 0.9375rem; }
.files li + li { margin-top: 0.375rem; }
.files .note { display: block; color: var(--muted); font-size: 0.875rem; line-height: 1.5; }
.items { display: grid; gap: 1rem; }
article { background: var(--card); border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem 1.25rem 1.25rem; min-width: 0; }
article h3 { font-size: 1.25rem; }
article h3 a { color: inherit; text-decoration: none; }
article h3 a:hover, article h3 a:focus { color: var(--accent); text-decoration: underline; }
.meta { margin: 0.375rem 0 0; color: var(--muted); font-size: 0.875rem; line-height: 1.6; }
.meta span + span::before { content: " · "; }
.summary { margin: 0.75rem 0 0; }
figure { margin: 0.875rem 0 0; }
img { display: block; max-width: 100%; height: auto; border-radius: 0.375rem; background: var(--chip); }
figcaption { margin-top: 0.375rem; color: var(--muted); font-size: 0.875rem; line-height: 1.6; }
.credit { white-space: nowrap; }
.empty { color: var(--muted); }
footer { border-top: 1px solid var(--line); padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.875rem; }
@media (max-width: 36rem) {
  body { font-size: 1rem; }
  .wrap { padding-inline: 1rem; }
  .masthead { padding: 1.25rem 0 1rem; }
  .masthead h1 { font-size: 1.5rem; }
  article { padding: 0.875rem 1rem 1rem; }
  article h3 { font-size: 1.125rem; }
}
`;

/**
 * A readable Bengali HTML page for people: the site, the news window, links to every feed and sitemap the build
 * wrote (relative, so it works from file:// and from the web server when placed at the output folder's root), and
 * the main feed's items with their plain-text summaries. Pure and deterministic: no clock, no item bodies.
 * @example renderPreview(site, report.files) // "<!doctype html>\n<html lang=\"bn\">…"
 */
export function renderPreview(site: Site, outputs: readonly PreviewOutput[]): string {
  const { config } = site;
  const zone = config.timeZone;
  const items = site.feed.items;
  const generator = `${GENERATOR.name} ${GENERATOR.version}`;
  return `<!doctype html>
<html lang="${attr(config.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${attr(generator)}">
<title>${text(config.title)} — ফিড ও সাইটম্যাপ</title>
<link rel="icon" href="data:,">
${alternateLinks(outputs)}<style>${STYLE}</style>
</head>
<body>
<header class="masthead">
<div class="wrap">
<p class="kicker">${text(generator)} · প্রিভিউ</p>
<h1><a href="${attr(`${config.siteUrl}/`)}">${text(config.title)}</a></h1>
<p class="lede">${text(config.description)}</p>
<p class="window">গুগল নিউজের সময়সীমা: ${timeTag(site.news.start, zone)} থেকে ${timeTag(site.news.end, zone)}। এই সময়ে প্রকাশিত ${number(site.news.items.length)}টি খবর।</p>
</div>
</header>
<main class="wrap">
<section aria-labelledby="files">
<h2 id="files">ফিড ও সাইটম্যাপ</h2>
<div class="groups">
${outputGroups(site, outputs)}</div>
</section>
<section aria-labelledby="items">
<h2 id="items">প্রধান ফিডের খবর (${number(items.length)}টি)</h2>
<div class="items">
${items.length === 0 ? '<p class="empty">এখনও কোনো খবর নেই।</p>\n' : items.map((item) => renderItem(site, item, zone)).join("")}</div>
</section>
</main>
<footer class="wrap">
<p>${text(GENERATOR.name)} ${text(GENERATOR.version)} দিয়ে তৈরি, <time datetime="${attr(site.now.iso)}">${text(site.now.iso)}</time></p>
</footer>
</body>
</html>
`;
}

function renderItem(site: Site, item: FeedItem, zone: string): string {
  const meta = [`<span>প্রকাশ: ${timeTag(item.published, zone)}</span>`];
  if (item.updated) meta.push(`<span>হালনাগাদ: ${timeTag(item.updated, zone)}</span>`);
  if (item.authors.length > 0) meta.push(`<span>${text(item.authors.join(", "))}</span>`);
  if (item.category) meta.push(`<span>বিভাগ: ${text(categoryLabel(site, item.category))}</span>`);
  return `<article data-item>
<h3><a href="${attr(item.url)}">${text(item.title)}</a></h3>
<p class="meta">${meta.join("")}</p>
${item.description ? `<p class="summary">${text(item.description)}</p>\n` : ""}${item.image ? figure(item.image) : ""}</article>
`;
}

function figure(image: NonNullable<FeedItem["image"]>): string {
  const caption = [image.caption ? text(image.caption) : "", image.credit ? `<span class="credit">${text(image.credit)}</span>` : ""].filter(Boolean).join(" · ");
  // Without a caption the image only repeats the headline beside it, so an empty alt keeps screen readers quiet.
  return `<figure>
<img src="${attr(image.url)}" alt="${attr(image.caption ?? "")}" loading="lazy" decoding="async">
${caption ? `<figcaption>${caption}</figcaption>\n` : ""}</figure>
`;
}

/** Local Bengali date in the site zone; a date given without a time is shown without one (not as 00:00). */
function timeTag(date: ArticleDate, timeZone: string): string {
  const local = formatBengaliDate(date.instant, { timeZone, time: date.precision !== "day" });
  return `<time datetime="${attr(date.iso)}">${text(local)}</time>`;
}

function number(n: number): string {
  return toBengaliDigits(String(n));
}

/** Percent-encodes each path segment so a category folder in Bengali or with spaces still resolves from file://. */
function href(name: string): string {
  return name.split("/").map(encodeURIComponent).join("/");
}

/** What a file is, for people (from the outputs table); a file patrika does not know gets no label. */
function kindOf(name: string): Pick<OutputKind, "label"> & { unit: { bn: string } } {
  return kindOfPath(name) ?? { label: "", unit: { bn: "টি" } };
}

function fileRow(output: PreviewOutput, kind = kindOf(output.name)): string {
  const note = [kind.label, `${number(output.count)}${kind.unit.bn}`].filter(Boolean).join(" · ");
  return `<li><a href="${attr(href(output.name))}"><code>${text(output.name)}</code></a><span class="note">${text(note)}</span></li>\n`;
}

/** Feed autodiscovery for the main feeds, so a reader pointed at the page finds them. */
function alternateLinks(outputs: readonly PreviewOutput[]): string {
  return FEED_KINDS.filter((kind) => outputs.some((o) => o.name === kind.name))
    .map((kind) => `<link rel="alternate" type="${kind.mediaType!}" href="${attr(href(kind.name))}" title="${attr(kind.label)}">\n`)
    .join("");
}

/** Main feeds, category feeds (one line per category), sitemaps, and the report when the build wrote one. */
function outputGroups(site: Site, outputs: readonly PreviewOutput[]): string {
  const main: PreviewOutput[] = [];
  const sitemaps: PreviewOutput[] = [];
  const reports: PreviewOutput[] = [];
  const byFolder = new Map<string, PreviewOutput[]>();
  for (const output of outputs) {
    const kind = kindOfPath(output.name);
    if (!kind) continue; // not an output for people (patrika's own bookkeeping)
    const folder = output.name.slice(0, output.name.lastIndexOf("/") + 1);
    if (kind.group === "report") reports.push(output);
    // Every file in a folder is a category's, except the main feed's RFC 5005 archive pages.
    else if (folder !== "" && kind.folder === "feed") byFolder.set(folder, [...(byFolder.get(folder) ?? []), output]);
    else if (kind.group === "sitemap") sitemaps.push(output);
    else main.push(output);
  }
  const group = (title: string, body: string) => `<section class="group">\n<h3>${title}</h3>\n<ul class="files">\n${body}</ul>\n</section>\n`;
  let html = "";
  if (main.length > 0) html += group("প্রধান ফিড", main.map((o) => fileRow(o)).join(""));
  if (byFolder.size > 0) html += group("বিভাগের ফিড", [...byFolder].map(([folder, files]) => categoryRow(site, folder, files)).join(""));
  if (sitemaps.length > 0) html += group("সাইটম্যাপ", sitemaps.map((o) => fileRow(o)).join(""));
  if (reports.length > 0) html += group("রিপোর্ট", reports.map((o) => fileRow(o)).join(""));
  return html;
}

/** One category: its name, a link per format, and the item count (the same in each of its feeds). */
function categoryRow(site: Site, folder: string, files: readonly PreviewOutput[]): string {
  const links = files.map((o) => `<a href="${attr(href(o.name))}">${text(kindOf(o.name.slice(folder.length)).label || o.name.slice(folder.length))}</a>`).join(" · ");
  const count = files[0] ? `${number(files[0].count)}${kindOf(files[0].name.slice(folder.length)).unit.bn}` : "";
  const path = folder.slice(0, -1);
  const label = categoryLabel(site, path);
  const name = label === path ? `<code>${text(path)}</code>` : `${text(label)} <code>${text(path)}</code>`;
  return `<li>${name} ${links}<span class="note">${text(count)}</span></li>\n`;
}
