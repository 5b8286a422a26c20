/** Real validators for generated files: the official schemas, the project's rule checker and a feed parser. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { memoryPages, validateXML } from "xmllint-wasm";

/** `../shared` beside the repository: schemas and rule checks shared with CI. Missing means the test fails. */
export const SHARED = resolve(process.cwd(), "..", "shared");
const SCHEMAS = join(SHARED, "schemas");

function schemaFile(name: string): { fileName: string; contents: string } {
  const path = join(SCHEMAS, name);
  if (!existsSync(path)) throw new Error(`schema ${path} is missing: ../shared must sit beside the repository`);
  return { fileName: name, contents: readFileSync(path, "utf8") };
}

/** Validates a sitemap or news sitemap against sitemap.xsd with the news and image schemas imported strictly. */
export async function validateSitemapXsd(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "sitemap.xml", contents: xml }],
    schema: [schemaFile("sitemap-with-extensions.xsd")],
    preload: [schemaFile("sitemap.xsd"), schemaFile("sitemap-news.xsd"), schemaFile("sitemap-image.xsd")],
    maxMemoryPages: memoryPages.GiB,
  });
  return result.errors.map((e) => e.rawMessage);
}

/** Validates a sitemap index against siteindex.xsd. */
export async function validateSitemapIndexXsd(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: "sitemap-index.xml", contents: xml }], schema: [schemaFile("siteindex.xsd")] });
  return result.errors.map((e) => e.rawMessage);
}

/** Validates any output file by its name: the right schema for each XML kind; JSON must parse. */
export async function validateOutput(name: string, content: string): Promise<string[]> {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base.endsWith(".json")) {
    JSON.parse(content);
    return [];
  }
  if (base === "atom.xml" || name.startsWith("archive/")) return validateAtomRng(content);
  if (base.endsWith("-index.xml")) return validateSitemapIndexXsd(content);
  if (base.includes("sitemap")) return validateSitemapXsd(content);
  if (base === "rss.xml") return [];
  throw new Error(`no validator for ${name}`);
}

/** Validates Atom against the RELAX NG grammar of RFC 4287 (Appendix B). */
export async function validateAtomRng(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "atom.xml", contents: xml }],
    schema: [schemaFile("atom.rng")],
    extension: "relaxng",
  });
  return result.errors.map((e) => e.rawMessage);
}

/** Runs shared/validate/check_rules.py (the spec rules schemas cannot express) on a file; returns its TSV line. */
export function checkRules(path: string, expectPath?: string): string {
  const script = join(SHARED, "validate", "check_rules.py");
  if (!existsSync(script)) throw new Error(`${script} is missing: ../shared must sit beside the repository`);
  const args = [script, path, ...(expectPath ? ["--expect", expectPath] : [])];
  try {
    return execFileSync("python3", args, { encoding: "utf8" }).trim();
  } catch (error) {
    const output = (error as { stdout?: string }).stdout;
    if (output) return output.trim();
    throw error;
  }
}
