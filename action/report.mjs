#!/usr/bin/env node
// The composite action's (action.yml) reading of `patrika check --json`: every diagnostic becomes a GitHub
// annotation on its file, line and column, the counts become step outputs, and the list goes to the job summary.
// Plain JavaScript without dependencies: the action runs it from its own checkout, where nothing is installed.
import { appendFileSync, readFileSync } from "node:fs";
import { isAbsolute, join, normalize, relative } from "node:path";
import { pathToFileURL } from "node:url";

/** GitHub's escaping of a workflow command's message (docs: "Workflow commands", toCommandValue in @actions/core). */
export function escapeData(text) {
  return String(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file=, title=) escapes also the characters that end a property. */
export function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * A diagnostic's file as GitHub wants it, relative to the repository root: patrika names files relative to the
 * folder it ran in (`prefix`, relative to the workspace), or absolute.
 */
export function repositoryPath(file, { prefix = ".", workspace } = {}) {
  if (isAbsolute(file)) return workspace && !relative(workspace, file).startsWith("..") ? relative(workspace, file).split("\\").join("/") : file;
  return normalize(join(prefix, file)).split("\\").join("/");
}

/** One diagnostic of `patrika check --json` as an annotation line: `::error file=…,line=…,col=…,title=…::message`. */
export function annotation(d, options = {}) {
  const properties = [
    d.file ? `file=${escapeProperty(repositoryPath(d.file, options))}` : undefined,
    d.line ? `line=${d.line}` : undefined,
    d.line && d.column ? `col=${d.column}` : undefined,
    `title=${escapeProperty(`patrika ${d.code}`)}`,
  ].filter(Boolean);
  const details = [d.found != null && `found: ${d.found}`, d.expected != null && `expected: ${d.expected}`, d.hint != null && `hint: ${d.hint}`].filter(Boolean);
  const message = [`${d.field ? `${d.field}: ` : ""}${d.message}`, ...details].join("\n");
  return `::${d.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeData(message)}`;
}

/** The whole report: annotation lines, step outputs and a Markdown summary. */
export function readReport(report, options = {}) {
  if (typeof report !== "object" || report === null || !Array.isArray(report.diagnostics)) throw new Error("not the JSON of patrika check --json (no diagnostics list)");
  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = report.diagnostics.length - errors;
  const rows = report.diagnostics.map((d) => `| ${d.severity} | \`${d.file ? repositoryPath(d.file, options) : ""}${d.line ? `:${d.line}` : ""}${d.line && d.column ? `:${d.column}` : ""}\` | \`${d.code}\` | ${`${d.field ? `${d.field}: ` : ""}${d.message}`.replace(/\|/g, "\\|")} |`);
  const summary = [`### patrika check: ${errors} error(s), ${warnings} warning(s) in ${report.articles ?? "?"} article file(s)`, ...(rows.length ? ["", "| | where | code | problem |", "| --- | --- | --- | --- |", ...rows] : [])].join("\n");
  return { annotations: report.diagnostics.map((d) => annotation(d, options)), outputs: { errors, warnings, status: report.status }, summary };
}

/** `node report.mjs <check.json>`: prints the annotations, writes $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY. */
function main(file, env) {
  let result;
  try {
    result = readReport(JSON.parse(readFileSync(file, "utf8")), { prefix: env.PATRIKA_PREFIX ?? ".", workspace: env.GITHUB_WORKSPACE });
  } catch (error) {
    console.log(`::error title=patrika check::${escapeData(`could not read the output of patrika check --json (${error.message}); is patrika a dependency of the site?`)}`);
    return 1;
  }
  for (const line of result.annotations) console.log(line);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, Object.entries(result.outputs).map(([k, v]) => `${k}=${v}\n`).join(""));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${result.summary}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv[2], process.env);
