/**
 * `patrika date`: notes as warnings, --calendar, the config's zone when --tz is not given, and a closed pipe.
 * In-process runs use fakes for the clock and streams; the closed-pipe case runs the compiled CLI (npm test
 * compiles first).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

async function run(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: {},
    clock: () => new Date("2030-01-01T00:00:00Z"),
    readStdin: async () => stdin,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "patrika-date-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (body: object) => {
  const file = join(dir, "patrika.config.json");
  writeFileSync(file, JSON.stringify({ siteUrl: "https://example.com", ...body }));
  return file;
};

describe("notes are warnings on standard error", () => {
  test("one text: the ISO on stdout, each note as warning [code] message on stderr", async () => {
    const result = await run(["date", "সোমবার, ১৩ জুলাই ২০২৫"]);
    expect(result).toEqual({
      code: 0,
      stdout: "2025-07-13T00:00:00+06:00\n",
      stderr: '"সোমবার" is not the weekday of that date (রবিবার); the date is used\n'.replace(/^/, "warning [date.weekday-mismatch] "),
    });
  });

  test("standard input: each warning names its line", async () => {
    const result = await run(["date"], "১৩ জুলাই ২০২৫\nনিজস্ব, ১৩ জুলাই ২০২৫\n৩১ ফেব্রুয়ারি ২০২৫\n");
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["2025-07-13T00:00:00+06:00", "2025-07-13T00:00:00+06:00"]);
    expect(result.stdout.split("\n")[2]).toMatch(/^ERROR: no such day in the calendar/);
    expect(result.stderr).toBe('warning [date.ignored-text] line 2: words that are not part of a date were ignored: "নিজস্ব"\n');
  });

  test("with --json the notes are in the JSON, not on stderr; relative and banglaCalendar appear when they say something", async () => {
    const result = await run(["date", "--json", "--now", "2025-07-14T12:00:00+06:00"], "১২ অক্টবর ২০২৫\n২ ঘণ্টা আগে\n২৯ আষাঢ় ১৪৩২\n");
    expect(result.stderr).toBe("");
    const [misspelt, age, bangla] = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(misspelt).toMatchObject({ ok: true, iso: "2025-10-12T00:00:00+06:00", notes: [{ code: "date.misspelt-month" }] });
    expect(misspelt.relative).toBeUndefined();
    expect(age).toMatchObject({ ok: true, iso: "2025-07-14T10:00:00+06:00", relative: true });
    expect(bangla).toMatchObject({ ok: true, calendar: "bangla", banglaCalendar: "bangladesh" });
  });
});

describe("--calendar", () => {
  test("chooses the Bangla calendar; the zone's default is West Bengal's for Asia/Kolkata", async () => {
    expect((await run(["date", "--tz", "Asia/Kolkata", "১ বৈশাখ ১৪৩২"])).stdout).toBe("2025-04-15T00:00:00+05:30\n");
    expect((await run(["date", "--tz", "Asia/Kolkata", "--calendar", "bangladesh", "১ বৈশাখ ১৪৩২"])).stdout).toBe("2025-04-14T00:00:00+05:30\n");
    expect((await run(["date", "--calendar", "west-bengal", "১ বৈশাখ ১৪৩২"])).stdout).toBe("2025-04-15T00:00:00+06:00\n");
  });

  test("an unknown calendar is a usage error", async () => {
    const result = await run(["date", "--calendar", "tripura", "১ বৈশাখ ১৪৩২"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bangladesh, west-bengal");
  });
});

describe("the zone: --tz, else the config's timeZone, else Asia/Dhaka", () => {
  test("without --tz, the config's zone is used", async () => {
    const file = config({ timeZone: "Asia/Kolkata" });
    expect((await run(["date", "--config", file, "১৩ জুলাই ২০২৫, ১৭:২৮"])).stdout).toBe("2025-07-13T17:28:00+05:30\n");
    expect((await run(["date", "--config", file, "--tz", "UTC", "১৩ জুলাই ২০২৫, ১৭:২৮"])).stdout).toBe("2025-07-13T17:28:00+00:00\n");
  });

  test("an invalid config is a usage error that shows its diagnostics", async () => {
    const file = config({ timeZone: "Asia/Dhakka" });
    const result = await run(["date", "--config", file, "১৩ জুলাই ২০২৫"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("config.unknown-time-zone");
  });

  test("a --config that does not exist is a usage error", async () => {
    const result = await run(["date", "--config", join(dir, "missing.json"), "১৩ জুলাই ২০২৫"]);
    expect([result.code, result.stderr.includes("config.not-found")]).toEqual([2, true]);
  });

  test("an invalid --tz is a usage error", async () => {
    expect((await run(["date", "--tz", "Asia/Dhakka", "১৩ জুলাই ২০২৫"])).code).toBe(2);
  });
});

const cli = resolve("dist/bin/patrika.js");
describe("the compiled CLI (npm test compiles it first; run npm run compile before running this file alone)", () => {
  test("is there", () => {
    expect(existsSync(cli)).toBe(true);
  });

  test("in a folder without a config, the default zone is used", () => {
    expect(execFileSync(process.execPath, [cli, "date", "১৩ জুলাই ২০২৫, ১৭:২৮"], { cwd: dir, encoding: "utf8" })).toBe("2025-07-13T17:28:00+06:00\n");
  });

  test("a closed pipe ends the command quietly (patrika date < many.txt | head -1)", () => {
    const input = join(dir, "many.txt");
    writeFileSync(input, "১৩ জুলাই ২০২৫, ১৭:২৮\n".repeat(200_000));
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${cli}" date < "${input}" | head -1`], { cwd: dir, encoding: "utf8" });
    expect([result.stdout, result.stderr]).toEqual(["2025-07-13T17:28:00+06:00\n", ""]);
  });
});
