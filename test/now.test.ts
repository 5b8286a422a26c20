import { resolveNow } from "../src/now.js";

const clock = () => new Date(0);

describe("--now names an instant that exists, or the build does not start (issue 18)", () => {
  test.each([
    ["2025-11-31T12:00:00+06:00"],
    ["2025-02-29T12:00:00Z"],
    ["2025-11-24T24:00:00Z"],
    ["2025-11-24T12:60:00Z"],
    ["2025-11-24T12:00:60Z"],
    ["2025-13-01T12:00:00Z"],
    ["2025-11-00T12:00:00Z"],
    ["2025-11-24T12:00:00+15:00"],
  ])("%s is refused, never rolled over", (flag) => {
    expect(resolveNow(flag, {}, clock)).toEqual({
      ok: false,
      message: `--now "${flag}" names a date or time that does not exist (a day past the month's end, an hour past 23, a minute or second past 59)`,
    });
  });

  test.each([
    ["2024-02-29T12:00:00Z", "2024-02-29T12:00:00.000Z"],
    ["2025-11-30T23:59:59+06:00", "2025-11-30T17:59:59.000Z"],
    ["2025-11-24T12:00+06:00", "2025-11-24T06:00:00.000Z"],
  ])("%s is read as %s", (flag, iso) => {
    const result = resolveNow(flag, {}, clock);
    expect(result.ok && result.now.toISOString()).toBe(iso);
  });
});
