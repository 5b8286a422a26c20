#!/usr/bin/env node
// A naive baseline, written for the benchmark as a newcomer would: gray-matter on every file, a full Markdown
// render of every body, `feed` for RSS and Atom, xmlbuilder2 for both sitemaps. Dates must be ISO (--iso-dates).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Feed } from "feed";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import { glob } from "tinyglobby";
import { create } from "xmlbuilder2";

const [dir, out] = process.argv.slice(2);
const now = new Date("2025-07-14T12:00:00+06:00");
const md = new MarkdownIt();
const site = "https://www.example-patrika.com.bd";
const articles = (await glob("**/*.md", { cwd: dir })).map((file) => {
  const { data, content } = matter(readFileSync(join(dir, file), "utf8"));
  return { file, title: String(data.title), date: new Date(data.date), url: `${site}/${data.category ?? "x"}/${file.replace(/\.md$/, "")}`, html: md.render(content) };
});
articles.sort((a, b) => b.date - a.date);
const feed = new Feed({ title: "naive", id: site, link: site, copyright: "", updated: articles[0]?.date ?? now });
for (const a of articles.slice(0, 50)) feed.addItem({ title: a.title, link: a.url, date: a.date, content: a.html });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "rss.xml"), feed.rss2());
writeFileSync(join(out, "atom.xml"), feed.atom1());
const urlset = create({ version: "1.0" }).ele("urlset", { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9" });
for (const a of articles) urlset.ele("url").ele("loc").txt(a.url).up().ele("lastmod").txt(a.date.toISOString());
writeFileSync(join(out, "sitemap.xml"), urlset.end({ prettyPrint: true }));
const news = create({ version: "1.0" }).ele("urlset", { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9" });
for (const a of articles.filter((x) => now - x.date <= 48 * 3600e3)) {
  const n = news.ele("url").ele("loc").txt(a.url).up().ele("news:news");
  n.ele("news:publication").ele("news:name").txt("naive").up().ele("news:language").txt("bn");
  n.ele("news:publication_date").txt(a.date.toISOString()).up().ele("news:title").txt(a.title);
}
writeFileSync(join(out, "news-sitemap.xml"), news.end({ prettyPrint: true }));
console.log(JSON.stringify({ articles: articles.length }));
