#!/usr/bin/env node
// Date strings normalised per second, on one core, over a seeded mix of the forms the sample corpora and real
// sites print. Run after `npm run compile`: node bench/dates.mjs [--n 200000]
import { parseBengaliDate } from "../dist/dates/index.js";

const flag = process.argv.indexOf("--n");
const n = flag > 0 ? Number(process.argv[flag + 1]) : 200_000;
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const pick = (list) => list[Math.floor(random() * list.length)];
const DIGITS = "০১২৩৪৫৬৭৮৯";
const bn = (x, width = 0) => String(x).padStart(width, "0").replace(/\d/g, (d) => DIGITS[d]);
const MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"];

function sample() {
  const y = 2015 + Math.floor(random() * 11), m = 1 + Math.floor(random() * 12), d = 1 + Math.floor(random() * 28);
  const h = Math.floor(random() * 24), mi = Math.floor(random() * 60);
  const two = (x) => String(x).padStart(2, "0");
  const r = random();
  if (r < 0.5) return `${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${bn(h, 2)}:${bn(mi, 2)}`; // the generated corpora's form
  if (r < 0.7) return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}:00+06:00`;
  if (r < 0.8) return `${pick(["আপডেট : ", "প্রকাশ: ", "প্রকাশিত: "])}${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${bn(h, 2)}: ${bn(mi, 2)}`;
  if (r < 0.9) return `${bn(d)} ${MONTHS[m - 1]} ${bn(y)}, ${pick(["সকাল ৯টা", "বিকেল ৫টা ২৮ মিনিট", "রাত ১১টা", "দুপুর ১টা ১০ মিনিট"])}`;
  return `${y}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}`;
}

const texts = Array.from({ length: 20_000 }, sample);
for (let i = 0; i < 50_000; i++) parseBengaliDate(texts[i % texts.length]); // warm-up: JIT and the zone cache
const start = process.hrtime.bigint();
let checksum = 0;
for (let i = 0; i < n; i++) checksum += parseBengaliDate(texts[i % texts.length]).instant.getTime() % 7;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const rate = Math.round(n / seconds);
console.log(JSON.stringify({ benchmark: "dates", strings: n, seconds: Number(seconds.toFixed(3)), perSecond: rate, checksum }));
