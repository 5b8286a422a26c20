#!/usr/bin/env node
// npm run bench:dates — date strings read per second on one core, over a seeded mix of the forms archives hold:
// mostly "১৩ জুলাই ২০২৫, ১৭:২৮" and ISO 8601, with labelled header lines, spoken times, three-date mastheads,
// Indian header lines and relative forms mixed in. Every text must read (the run stops if one does not).
//
// Prints one JSON object (bench/run.mjs reads it): the median rate by the wall clock and by CPU time (the second
// is steadier on a shared machine), the load average while it ran, the figure measured on a quiet machine and the
// floor issue 12 sets, and how the zone offsets of src/dates/zone.ts compare with @date-fns/tz computing them.
//
// Usage (after npm run compile): node bench/dates.mjs [--n 400000] [--runs 5] [--verbose]
import { loadavg } from "node:os";
import { tzOffset } from "@date-fns/tz";
import { parseBengaliDate } from "../dist/dates/index.js";
import { uncachedOffsetMinutes } from "../dist/dates/zone.js";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const n = option("--n", 400_000);
const runs = option("--runs", 5);
const verbose = args.includes("--verbose");
/** Measured on this repository's 2-core development machine with nothing else running (Node 20.20). */
const QUIET_MACHINE_PER_SECOND = 750_000;
/** Issue 12: the date reader never reads fewer than this many strings a second on one core. */
const FLOOR_PER_SECOND = 700_000;

let seed = 20250713;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
const pick = (list) => list[Math.floor(random() * list.length)];
const bn = (x, width = 0) => String(x).padStart(width, "0").replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[d]);
const two = (x) => String(x).padStart(2, "0");
const MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"];
const SPOKEN = ["সকাল ৯টা", "বিকেল ৫টা ২৮ মিনিট", "রাত ১১টা", "দুপুর ১টা ১০ মিনিট", "সন্ধ্যা সাড়ে ৭টা"];
const NOW = new Date("2025-07-14T06:00:00Z");

/** One date as a site might print it; the shares are rough guesses at an archive of article headers and exports. */
function sample() {
  const y = 2010 + Math.floor(random() * 16), m = 1 + Math.floor(random() * 12), d = 1 + Math.floor(random() * 28);
  const h = Math.floor(random() * 24), mi = Math.floor(random() * 60);
  const r = random();
  if (r < 0.45) return `${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${bn(h, 2)}:${bn(mi, 2)}`;
  if (r < 0.65) return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}:00+06:00`;
  if (r < 0.7) return `${y}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}`;
  if (r < 0.82) return `${pick(["আপডেট : ", "প্রকাশ: ", "প্রকাশিত: ", "হালনাগাদ: "])}${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${bn(h, 2)}: ${bn(mi, 2)}`;
  if (r < 0.9) return `${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${pick(SPOKEN)}`;
  if (r < 0.93) return "রোববার, ১৩ জুলাই ২০২৫, ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭";
  if (r < 0.95) return `Last Updated: Jul ${d}, ${y}, ${two(1 + (h % 12))}:${two(mi)} PM IST`;
  return pick(["২ ঘণ্টা আগে", "গতকাল রাত ৯টা", "৫ মিনিট আগে"]);
}

const texts = Array.from({ length: 50_000 }, sample);
for (const text of texts) parseBengaliDate(text, { now: NOW }); // every text must read; warms the JIT and zone cache

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = loadavg()[0];
const wall = [];
const cpu = [];
for (let run = 0; run < runs; run++) {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let checksum = 0;
  for (let i = 0; i < n; i++) checksum += parseBengaliDate(texts[i % texts.length], { now: NOW }).instant.getTime() % 7;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpuStarted);
  wall.push(Math.round(n / seconds));
  cpu.push(Math.round(n / ((used.user + used.system) / 1e6)));
  if (verbose) console.error(JSON.stringify({ run, strings: n, seconds: Number(seconds.toFixed(3)), perSecond: wall.at(-1), cpuPerSecond: cpu.at(-1), checksum }));
}

/**
 * The zone offsets: src/dates/zone.ts's uncached look-up against @date-fns/tz's tzOffset (both one Intl format of
 * the zone's longOffset name), over the same instants and zones, and whether they agree. The reader caches
 * offsets per zone and day, so this is the cost of a cache miss. (tzOffset gives offsets between -01:00 and 00:00
 * the wrong sign; these zones and years have none: test/dates/zone.test.ts has the cases.)
 */
function compareZones() {
  const zones = ["Asia/Dhaka", "Asia/Kolkata", "Europe/London", "America/New_York"];
  const instants = Array.from({ length: 20_000 }, () => Date.UTC(1950, 0, 1) + Math.floor(random() * 110 * 365.25) * 86_400_000 + Math.floor(random() * 86_400_000));
  const rate = (offset) => {
    let best = 0;
    for (let round = 0; round < 5; round++) {
      const started = process.cpuUsage();
      let sum = 0;
      for (const zone of zones) for (const instant of instants) sum += offset(instant, zone);
      const used = process.cpuUsage(started);
      best = Math.max(best, Math.round((zones.length * instants.length) / ((used.user + used.system) / 1e6)));
    }
    return best;
  };
  const handWritten = rate((instant, zone) => uncachedOffsetMinutes(instant, zone));
  const dateFnsTz = rate((instant, zone) => tzOffset(zone, new Date(instant)));
  let agree = 0;
  for (const zone of zones) for (const instant of instants) if (uncachedOffsetMinutes(instant, zone) === tzOffset(zone, new Date(instant))) agree++;
  return { handWrittenPerSecond: handWritten, dateFnsTzPerSecond: dateFnsTz, agree: `${agree}/${zones.length * instants.length}` };
}

console.log(
  JSON.stringify({
    benchmark: "dates",
    strings: n,
    runs,
    perSecond: median(wall),
    cpuPerSecond: median(cpu),
    loadAverage: Number(load.toFixed(2)),
    quietMachinePerSecond: QUIET_MACHINE_PER_SECOND,
    floorPerSecond: FLOOR_PER_SECOND,
    zoneOffsetsUncached: compareZones(),
    node: process.version,
  }),
);
