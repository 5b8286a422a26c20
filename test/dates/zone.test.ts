/** Zone offsets from the runtime's tz database: src/dates/zone.ts reads them from the zone's longOffset name. */
import { formatIsoInZone } from "../../src/dates/index.js";
import { offsetMinutes, uncachedOffsetMinutes } from "../../src/dates/zone.js";

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
