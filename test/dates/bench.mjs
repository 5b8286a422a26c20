#!/usr/bin/env node
// Dates read per second on one core, over a seeded mix of forms: mostly "১৩ জুলাই ২০২৫, ১৭:২৮" and ISO 8601, with
// labelled header lines, spoken times, three-date mastheads and relative forms mixed in. Not a Jest test (the
// name has no ".test"); it reads the compiled module, so compile src/dates on its own first:
//
//   npx tsc src/dates/index.ts --outDir /tmp/patrika-dates --module nodenext --moduleResolution nodenext \
//     --target es2022 --strict --skipLibCheck && echo '{"type":"module"}' > /tmp/patrika-dates/package.json
//   node test/dates/bench.mjs /tmp/patrika-dates/index.js [--n 1000000] [--runs 5]
//
// Prints one JSON line per run and the median, and checks every result against the full scanner's once.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const modulePath = args.find((a) => a.endsWith(".js")) ?? "/tmp/patrika-dates/index.js";
const { parseBengaliDate } = await import(pathToFileURL(resolve(modulePath)).href);
const n = option("--n", 1_000_000);
const runs = option("--runs", 5);

let seed = 20250713;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
const pick = (list) => list[Math.floor(random() * list.length)];
const bn = (x, width = 0) => String(x).padStart(width, "0").replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[d]);
const two = (x) => String(x).padStart(2, "0");
const MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"];
const SPOKEN = ["সকাল ৯টা", "বিকেল ৫টা ২৮ মিনিট", "রাত ১১টা", "দুপুর ১টা ১০ মিনিট", "সন্ধ্যা সাড়ে ৭টা"];
const NOW = new Date("2025-07-14T06:00:00Z");

/** One date as a site might print it; shares are rough guesses at an archive of article headers and exports. */
function sample() {
  const y = 2010 + Math.floor(random() * 16), m = 1 + Math.floor(random() * 12), d = 1 + Math.floor(random() * 28);
  const h = Math.floor(random() * 24), mi = Math.floor(random() * 60);
  const r = random();
  if (r < 0.45) return `${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${bn(h, 2)}:${bn(mi, 2)}`;
  if (r < 0.65) return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}:00+06:00`;
  if (r < 0.7) return `${y}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}`;
  if (r < 0.82) return `${pick(["আপডেট : ", "প্রকাশ: ", "প্রকাশিত: ", "হালনাগাদ: "])}${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${bn(h, 2)}: ${bn(mi, 2)}`;
  if (r < 0.9) return `${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${pick(SPOKEN)}`;
  if (r < 0.95) return `রোববার, ১৩ জুলাই ২০২৫, ২৯ আষাঢ় ১৪৩২, ১৭ মহররম ১৪৪৭`;
  return pick(["২ ঘণ্টা আগে", "গতকাল রাত ৯টা", "৫ মিনিট আগে"]);
}

const texts = Array.from({ length: 50_000 }, sample);
for (const text of texts) parseBengaliDate(text, { now: NOW }); // every text must read; warms the JIT and zone cache
const rates = [];
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < n; i++) checksum += parseBengaliDate(texts[i % texts.length], { now: NOW }).instant.getTime() % 7;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(Math.round(n / seconds));
  console.log(JSON.stringify({ run, strings: n, seconds: Number(seconds.toFixed(3)), perSecond: rates.at(-1), checksum }));
}
rates.sort((a, b) => a - b);
console.log(JSON.stringify({ medianPerSecond: rates[Math.floor(rates.length / 2)], node: process.version }));
