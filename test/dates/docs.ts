/**
 * The tables of docs/dates.md, generated from cases.ts so that the documentation and the tests cannot drift:
 * `npm run docs:dates` rewrites the text between the markers, and docs.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatIsoInZone } from "../../src/dates/index.js";
import { DOC_TABLES, REJECTED_CASES, RELATIVE_CASES, RELATIVE_NOW, ZONE_CASES } from "./cases.js";

export const DOC_FILE = fileURLToPath(new URL("../../docs/dates.md", import.meta.url));
const START = "<!-- generated from test/dates/cases.ts by npm run docs:dates: do not edit by hand -->";
const END = "<!-- end of generated tables -->";

/** A table cell: invisible characters spelled out, `|` escaped. */
function cell(text: string): string {
  return text.replace(/[\u00a0\u200b-\u200d\u2060\ufeff]/g, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`).replace(/\|/g, "\\|");
}
const code = (text: string) => `\`${cell(text)}\``;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

/** Every table, as Markdown. */
export function renderTables(): string {
  const sections = DOC_TABLES.map(({ title, about, cases }) =>
    [`### ${title}`, "", about, "", table(["text", "ISO 8601 (Asia/Dhaka)", "precision", "where it is printed"], cases.map(([text, iso, precision, seenOn]) => [code(text), `\`${iso}\``, precision, cell(seenOn)]))].join("\n"),
  );
  sections.push(
    [`### Relative forms`, "", `Counted from now = \`${formatIsoInZone(RELATIVE_NOW, "Asia/Dhaka")}\`; \`relative\` is true.`, "", table(["text", "ISO 8601 (Asia/Dhaka)", "precision", "where it is printed"], RELATIVE_CASES.map(([text, iso, precision, seenOn]) => [code(text), `\`${iso}\``, precision, cell(seenOn)]))].join("\n"),
    [`### Zones and calendars by site zone`, "", "A local time is in the site's zone; an offset or zone in the text wins; Asia/Kolkata reads Bangla dates in West Bengal's calendar.", "", table(["text", "site zone", "ISO 8601", "where it is printed"], ZONE_CASES.map(([text, zone, iso, seenOn]) => [code(text), zone, `\`${iso}\``, cell(seenOn)]))].join("\n"),
    [`### Refused`, "", "Each with the code its error carries.", "", table(["text", "code", "why"], REJECTED_CASES.map(([text, errorCode, why]) => [text === "" ? "(empty)" : code(text), `\`${errorCode}\``, cell(why)]))].join("\n"),
  );
  return sections.join("\n\n");
}

/** The document with its generated part replaced by `renderTables()`. */
export function updatedDoc(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC_FILE} has lost its markers:\n${START}\n${END}`);
  return `${doc.slice(0, start + START.length)}\n\n${renderTables()}\n\n${doc.slice(end)}`;
}

/** Rewrites docs/dates.md's generated part (npm run docs:dates). */
export function writeDoc(): void {
  writeFileSync(DOC_FILE, updatedDoc(readFileSync(DOC_FILE, "utf8")));
}
