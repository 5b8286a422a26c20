// Writes src/dates/zone-table.ts: the offsets of the zones Bengali newsrooms use, read from the tz database of the
// Node that runs it, through the same steps as patrika's own look-ups (offsetRuns in src/dates/zone.ts). Run it
// (`npm run zones:table`) when Node's tz database changes (process.versions.tz): until then the table is not used,
// and every offset comes from Intl again, a little slower and still right.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { offsetRuns } from "../dist/dates/zone.js";

// Bangladesh, India (West Bengal, Tripura, Assam) under both of its names, and UTC for sites that keep time in it.
const ZONES = ["Asia/Dhaka", "Asia/Kolkata", "Asia/Calcutta", "UTC"];
const FROM = Date.UTC(1800, 0, 1);
const UNTIL = Date.UTC(2200, 0, 1);

const zones = Object.fromEntries(ZONES.map((zone) => [zone, offsetRuns(zone, FROM, UNTIL)]));
const runs = (r) => `{ from: ${r.from}, until: ${r.until}, starts: [${r.starts.join(", ")}], offsets: [${r.offsets.join(", ")}] }`;
// The type and what the table means are documented in zone.ts, beside the code that reads it.
const text = `// Written by scripts/zone-table.mjs (npm run zones:table) from Node's tz database ${process.versions.tz}; not edited by hand.
import type { ZoneTable } from "./zone.js";

export const ZONE_TABLE: ZoneTable = {
  tz: ${JSON.stringify(process.versions.tz)},
  zones: {
${Object.entries(zones).map(([zone, r]) => `    ${JSON.stringify(zone)}: ${runs(r)},`).join("\n")}
  },
};
`;
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "src", "dates", "zone-table.ts"), text);
console.log(Object.entries(zones).map(([zone, r]) => `${zone}: ${r.starts.length} runs`).join(", "));
