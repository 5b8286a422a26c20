/** Builds fixture sites fresh for each test (no shared mutable sample). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { RawArticle } from "../../src/load/front-matter.js";
import { parseArticle } from "../../src/load/front-matter.js";
import { readBody } from "../../src/load/bodies.js";
import type { Site, SiteConfig } from "../../src/model.js";
import { assembleSite, attachBodies, type SiteInput } from "../../src/normalise/site.js";

/** The fixed now of the basic fixture site (a Monday noon in Dhaka). */
export const FIXTURE_NOW = new Date("2025-07-14T12:00:00+06:00");

export const testConfig = (overrides: Partial<SiteConfig> = {}): SiteConfig => ({
  siteUrl: "https://news.example.org",
  title: "পরীক্ষা বার্তা",
  description: "পরীক্ষার জন্য লেখা খবর",
  language: "bn",
  publicationName: "পরীক্ষা বার্তা",
  timeZone: "Asia/Dhaka",
  feedSize: 50,
  earliestDate: "1900-01-01",
  maxFutureDays: 366,
  categoryFeeds: true,
  sitemap: true,
  archive: false,
  previewFile: "index.html",
  ...overrides,
});

/** An article file's text from front-matter lines and a body. */
export function articleText(frontMatter: string, body = "একটি অনুচ্ছেদ।\n"): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}

/** Parses article text as if read from `articles/<relativePath>`; throws when it does not parse. */
export function rawArticle(text: string, relativePath = "sample.md"): RawArticle {
  const result = parseArticle(new TextEncoder().encode(text), `articles/${relativePath}`, relativePath);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.article;
}

/** A throwaway directory with the given files; returns its path and a cleanup. */
export function tempSite(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "patrika-test-"));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file below `dir` (recursively), by path relative to it, with its text: for comparing whole outputs. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(join(at, entry.name), "utf8");
    }
  };
  walk(dir, "");
  return files;
}

/** The site of `input` as the build makes it: assembled, then its feed items' bodies read and rendered. */
export function siteOf(input: SiteInput): Site {
  const plan = assembleSite(input);
  return attachBodies(plan, readBody);
}

/**
 * patrika-report.json without its publish section and generation, which compare a build with the ones before it:
 * two builds with the same input and now write the same bytes everywhere else, whatever came before them.
 */
export function withoutPublish(reportText: string): string {
  const { publish: _publish, generation: _generation, ...rest } = JSON.parse(reportText) as Record<string, unknown>;
  return JSON.stringify(rest, null, 2);
}

/** readTree, with the report's history-dependent publish section left out (see withoutPublish). */
export function readOutputs(dir: string): Record<string, string> {
  const files = readTree(dir);
  if (files["patrika-report.json"] !== undefined) files["patrika-report.json"] = withoutPublish(files["patrika-report.json"]);
  const manifest = files[".patrika-manifest.json"];
  if (manifest !== undefined) files[".patrika-manifest.json"] = JSON.stringify({ ...JSON.parse(manifest), generation: "(counts builds)" });
  return files;
}
