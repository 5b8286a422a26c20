#!/usr/bin/env node
// Figures for docs/adr/0005-west-bengal-calendar.md: how close month starts come to the midnight cut-off, how often
// the modern (দৃক্) school would start a month on another day, and what a conversion costs. Not a Jest test (the name
// has no ".test"); it reads the compiled module, so compile it on its own first:
//
//   npx tsc src/dates/west-bengal-calendar.ts --outDir /tmp/patrika-wb --module nodenext --moduleResolution nodenext \
//     --target es2022 --strict --skipLibCheck && echo '{"type":"module"}' > /tmp/patrika-wb/package.json
//   node test/dates/west-bengal-almanacs.mjs /tmp/patrika-wb/west-bengal-calendar.js [--drikpanchang months.csv]
//
// The modern school is computed with astronomy-engine (a devDependency): apparent solar longitude less nutation and
// the Lahiri (Chitrapaksha) mean ayanamsa, 23°15'00.658" true on 1956-03-21 less that day's nutation, carried by IAU
// 2006 general precession; months start by the same midnight rule. --drikpanchang takes a CSV of drikpanchang.com's
// Bengali month starts (columns month,year,length,greg_year,greg_month,greg_day) and counts how often the Lahiri
// computation with the plain midnight rule agrees with it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as Astronomy from "astronomy-engine";

const args = process.argv.slice(2);
const modulePath = args.find((a) => a.endsWith(".js")) ?? "/tmp/patrika-wb/west-bengal-calendar.js";
const drikpanchangCsv = args.includes("--drikpanchang") ? args[args.indexOf("--drikpanchang") + 1] : undefined;
const wb = await import(pathToFileURL(resolve(modulePath)).href);

const FIRST_YEAR = 1357; // ১ বৈশাখ ১৩৫৭ = April 1950
const LAST_YEAR = 1467; // ends April 2061
const DAY = 86_400_000;

// 1. Months whose সংক্রান্তি falls near the midnight that decides their first day.
const margins = [];
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  for (let month = 1; month <= 12; month++) margins.push({ year, month, minutes: wb.westBengalMonthStartMargin(year, month) });
}
const within = (limit) => margins.filter((m) => Math.abs(m.minutes) < limit);
console.log(`months ${FIRST_YEAR}–${LAST_YEAR}: ${margins.length}`);
for (const limit of [2, 5, 10, 15, 30, 60]) console.log(`  সংক্রান্তি within ${limit} min of midnight: ${within(limit).length}`);
for (const m of within(wb.WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES)) {
  console.log(`  ${m.year}-${m.month}: ${m.minutes.toFixed(1)} min`);
}

// 2. The modern school: Lahiri ayanamsa with a modern ephemeris.
const T0 = (2435553.5 - 2451545.0) / 36525;
const precession = (t) => 5028.796195 * t + 1.1054348 * t * t + 0.00007964 * t ** 3; // arcseconds, IAU 2006
const lahiri = (t) => 23.245524743 + (precession(t) - precession(T0)) / 3600;
function siderealSun(date) {
  const time = Astronomy.MakeTime(date);
  const tilt = Astronomy.e_tilt(time);
  return Astronomy.SunPosition(time).elon - tilt.dpsi / 3600 - lahiri(time.tt / 36525);
}
function modernSankranti(sign, near) {
  const offset = (t) => ((((siderealSun(t.date) - sign * 30) % 360) + 540) % 360) - 180;
  return Astronomy.Search(offset, Astronomy.MakeTime(new Date(near - 5 * DAY)), Astronomy.MakeTime(new Date(near + 5 * DAY)), {
    dt_tolerance_seconds: 0.5,
  }).date;
}
const istDay = (date) => Math.floor((date.getTime() + 5.5 * 3_600_000) / DAY);
const dayOf = (g) => Date.UTC(g.year, g.month - 1, g.day) / DAY;
let differ = 0;
const modernStarts = new Map();
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  for (let month = 1; month <= 12; month++) {
    const traditional = dayOf(wb.westBengalToGregorian(year, month, 1));
    const modern = istDay(modernSankranti(month - 1, traditional * DAY)) + 1;
    modernStarts.set(`${year}-${month}`, modern);
    if (modern !== traditional) differ++;
  }
}
console.log(`modern (Lahiri) month starts on another day than the Surya Siddhanta: ${differ} of ${margins.length}`);

// 3. Against drikpanchang.com's published month starts, where given.
if (drikpanchangCsv) {
  let same = 0;
  let compared = 0;
  const mismatches = [];
  for (const line of readFileSync(drikpanchangCsv, "utf8").trim().split("\n").slice(1)) {
    const [month, year, , gy, gm, gd] = line.split(",").map(Number);
    let modern = modernStarts.get(`${year}-${month}`);
    if (modern === undefined) {
      const near = Date.UTC(gy, gm - 1, gd);
      modern = istDay(modernSankranti(month - 1, near)) + 1;
    }
    compared++;
    if (modern === Date.UTC(gy, gm - 1, gd) / DAY) same++;
    else mismatches.push(`${year}-${month}`);
  }
  console.log(`drikpanchang month starts matched by Lahiri + midnight rule: ${same} of ${compared}; differ: ${mismatches.join(" ")}`);
}

// 4. Cost of a conversion, cache warm.
let sink = 0;
let start = performance.now();
for (let i = 0; i < 1_000_000; i++) sink += wb.gregorianToWestBengal(1950 + (i % 110), 1 + (i % 12), 1 + (i % 28)).day;
const fromGregorian = (performance.now() - start) / 1000;
start = performance.now();
for (let i = 0; i < 1_000_000; i++) sink += wb.westBengalToGregorian(FIRST_YEAR + (i % 110), 1 + (i % 12), 1 + (i % 29))?.day ?? 0;
const toGregorian = (performance.now() - start) / 1000;
start = performance.now();
for (let year = 3000; year < 3200; year++) sink += wb.westBengalMonthLengths(year)[0];
const coldYear = ((performance.now() - start) / 200) * 1000;
console.log(`µs per call: gregorianToWestBengal ${fromGregorian.toFixed(3)}, westBengalToGregorian ${toGregorian.toFixed(3)}; first use of a year ${coldYear.toFixed(0)} µs (${sink > 0 ? "ok" : ""})`);
