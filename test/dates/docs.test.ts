/** docs/dates.md's tables are cases.ts's: run npm run docs:dates after changing the cases. */
import { readFileSync } from "node:fs";
import { DOC_FILE, updatedDoc } from "./docs.js";

test("docs/dates.md is up to date with test/dates/cases.ts (npm run docs:dates)", () => {
  const doc = readFileSync(DOC_FILE, "utf8");
  expect(doc).toBe(updatedDoc(doc));
});
