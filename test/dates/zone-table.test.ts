/**
 * src/dates/zone-table.ts, the offsets of the zones Bengali newsrooms use, written by scripts/zone-table.mjs: under
 * the tz database it was read from it must hold exactly what Intl gives, and under any other it must not be used.
 */
import fc from "fast-check";
import { ZONE_TABLE } from "../../src/dates/zone-table.js";
import { isValidTimeZone, offsetRuns, offsetMinutes, tabledZones, uncachedOffsetMinutes } from "../../src/dates/zone.js";

const sameDatabase = process.versions.tz === ZONE_TABLE.tz;

test("the table is used only under the tz database it was read from", () => {
  expect(Object.keys(ZONE_TABLE.zones)).toEqual(["Asia/Dhaka", "Asia/Kolkata", "Asia/Calcutta", "UTC"]);
  expect(tabledZones()).toEqual(sameDatabase ? Object.keys(ZONE_TABLE.zones) : []);
});

// Under another database (a newer Node) the table is stale: `npm run zones:table` writes it again.
(sameDatabase ? test : test.skip)("each zone's runs are what the look-ups read from Intl today, 1800 to 2200", () => {
  for (const [zone, runs] of Object.entries(ZONE_TABLE.zones)) expect([zone, offsetRuns(zone, runs.from, runs.until)]).toEqual([zone, runs]);
});

// The look-ups read a day's offset once and a changing day's by quarter hour, so a change off the quarter hour is
// read up to 15 minutes late, with or without the table: in these zones, the ends of offsets with seconds (local
// mean time, and Howrah time's +05:53:20 until October 1941). From 1942 on every offset here is a whole half hour,
// every change falls on a quarter hour, and the table gives Intl's offset at every instant.
const SINCE_1942 = Date.UTC(1942, 0, 1);

test("an offset from the table is Intl's own from 1942, at random instants and a minute either side of every change", () => {
  const zones = Object.keys(ZONE_TABLE.zones);
  const { until } = ZONE_TABLE.zones["Asia/Dhaka"]!;
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.integer({ min: SINCE_1942, max: until - 1 }), (zone, t) => offsetMinutes(t, zone) === uncachedOffsetMinutes(t, zone)),
    { numRuns: 3000 },
  );
  for (const [zone, runs] of Object.entries(ZONE_TABLE.zones)) {
    for (const start of runs.starts.filter((start) => start > SINCE_1942)) {
      for (const t of [start - 60_000, start - 1, start, start + 60_000]) expect([zone, t, offsetMinutes(t, zone)]).toEqual([zone, t, uncachedOffsetMinutes(t, zone)]);
    }
  }
});

test("the table's changes are the ones Bangladesh and India made", () => {
  const dhaka = ZONE_TABLE.zones["Asia/Dhaka"]!;
  const change = (iso: string) => dhaka.offsets[dhaka.starts.indexOf(Date.parse(iso))];
  // Daylight saving time in 2009: from 23:00 on 19 June clocks read +07:00, until midnight on 31 December.
  expect([change("2009-06-19T17:00:00Z"), change("2009-12-31T17:00:00Z")]).toEqual([420, 360]);
  expect(dhaka.offsets.at(-1)).toBe(360);
  expect(ZONE_TABLE.zones["Asia/Kolkata"]!.offsets.at(-1)).toBe(330);
});

test("runs are made only for whole UTC days, as the look-ups step", () => {
  expect(() => offsetRuns("Asia/Dhaka", Date.UTC(2025, 0, 1, 6), Date.UTC(2025, 0, 2))).toThrow(RangeError);
  expect(offsetRuns("Asia/Dhaka", Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 3))).toEqual({ from: Date.UTC(2025, 0, 1), until: Date.UTC(2025, 0, 3), starts: [Date.UTC(2025, 0, 1)], offsets: [360] });
});

test("outside the table's years and zones, offsets come from Intl as before", () => {
  expect(offsetMinutes(Date.UTC(2300, 0, 1), "Asia/Dhaka")).toBe(360);
  expect(offsetMinutes(Date.UTC(2025, 6, 1), "Asia/Kathmandu")).toBe(345);
  expect([isValidTimeZone("Asia/Dhaka"), isValidTimeZone("Asia/Dhakka")]).toEqual([true, false]);
  // Names an object has of its own accord are no zones (the table is looked up by name).
  expect(["constructor", "toString", "__proto__"].map(isValidTimeZone)).toEqual([false, false, false]);
});
