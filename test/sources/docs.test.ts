/** docs/sources.md lists the alias table from src/sources/aliases.ts, so the two cannot drift. */
import { readFileSync, writeFileSync } from "node:fs";
import { FIELD_ALIASES } from "../../src/sources/aliases.js";

const DOC = "docs/sources.md";
const START = /<!-- aliases:start[^\n]*-->\n/;
const END = "<!-- aliases:end -->";

function table(): string {
  const rows = FIELD_ALIASES.map(({ alias, field, tools, note }) => `| \`${alias}\` | \`${field}\` | ${tools} | ${note ?? ""} |`);
  return ["| alias | patrika field | written by | note |", "| --- | --- | --- | --- |", ...rows, ""].join("\n");
}

test("the alias table in docs/sources.md is the one the code uses", () => {
  const doc = readFileSync(DOC, "utf8");
  const start = START.exec(doc)!;
  const end = doc.indexOf(END);
  const expected = `${doc.slice(0, start.index + start[0].length)}${table()}${doc.slice(end)}`;
  if (process.env.UPDATE_DOCS === "1") writeFileSync(DOC, expected);
  expect(doc).toBe(expected);
});
