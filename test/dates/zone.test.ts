/** Zone offsets from the runtime's tz database: src/dates/zone.ts reads them from the zone's longOffset name. */
import { formatIsoInZone } from "../../src/dates/index.js";
import { offsetMinutes, uncachedOffsetMinutes, utcWall } from "../../src/dates/zone.js";

test.each([
  // A local mean time between −01:00 and 00:00 keeps its sign (@date-fns/tz's tzOffset reads it as positive).
  ["1950-01-01T12:00:00Z", "Africa/Monrovia", "1950-01-01T11:16:00-00:44"],
  ["1908-02-05T12:00:00Z", "Africa/Banjul", "1908-02-05T11:44:00-00:16"],
  ["1880-01-01T00:00:00Z", "Asia/Dhaka", "1880-01-01T06:02:00+06:02"],
  ["2009-07-01T06:00:00Z", "Asia/Dhaka", "2009-07-01T13:00:00+07:00"],
  ["2025-07-13T11:28:00Z", "Asia/Kathmandu", "2025-07-13T17:13:00+05:45"],
  ["2025-07-13T11:28:00Z", "America/St_Johns", "2025-07-13T08:58:00-02:30"],
  ["2025-07-13T11:28:00Z", "UTC", "2025-07-13T11:28:00+00:00"],
])("%s in %s is %s", (instant, zone, iso) => {
  expect(formatIsoInZone(new Date(instant), zone)).toBe(iso);
});

test("the cached offset is the uncached one, at every quarter hour across a transition", () => {
  const start = Date.UTC(2025, 2, 8, 12);
  for (let t = start; t < start + 2 * 86_400_000; t += 900_000) {
    expect(offsetMinutes(t, "America/New_York")).toBe(uncachedOffsetMinutes(t, "America/New_York"));
  }
});

/** utcWall as Date would count it: setUTCFullYear, which (unlike Date.UTC) reads years 0–99 as written. */
function dateWall(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

test("utcWall counts as Date does, fields past their range carrying over, over years −1000 to 11000", () => {
  let seed = 20251203;
  const random = (below: number, from = 0) => from + Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296) * below);
  for (let i = 0; i < 50_000; i++) {
    const fields = [random(12_000, -1000), random(40, -13), random(70, -20), random(30), random(70), random(70), random(1100)] as const;
    expect([...fields, utcWall(...fields)]).toEqual([...fields, dateWall(...fields)]);
  }
});

test.each([
  [1, 1, 1, "0001-01-01T00:00:00.000Z"],
  [0, 2, 29, "0000-02-29T00:00:00.000Z"],
  [99, 12, 31, "0099-12-31T00:00:00.000Z"],
  [1900, 2, 29, "1900-03-01T00:00:00.000Z"],
  [2000, 2, 29, "2000-02-29T00:00:00.000Z"],
  [2025, 0, 1, "2024-12-01T00:00:00.000Z"],
  [2025, 13, 32, "2026-02-01T00:00:00.000Z"],
  [9999, 12, 31, "9999-12-31T00:00:00.000Z"],
])("utcWall(%i, %i, %i) is %s", (year, month, day, iso) => {
  expect(new Date(utcWall(year, month, day)).toISOString()).toBe(iso);
});
