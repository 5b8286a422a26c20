/** npm run docs:dates: rewrites the generated tables of docs/dates.md from cases.ts. */
import { writeDoc } from "./docs.js";

writeDoc();
