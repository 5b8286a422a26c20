/** Wall-clock times in a named IANA zone ↔ instants, using the tz database that ships with Node (Intl). */
import { ZONE_TABLE } from "./zone-table.js";

/** One zone's offsets for instants in [from, until): offsets[i] minutes from starts[i] (UTC milliseconds) on. */
export interface OffsetRuns {
  from: number;
  until: number;
  starts: readonly number[];
  offsets: readonly number[];
}

/**
 * Offsets of the zones Bengali newsrooms use (zone-table.ts, written by scripts/zone-table.mjs), as Intl gave them
 * under tz database `tz`.
 */
export interface ZoneTable {
  tz: string;
  zones: Readonly<Record<string, OffsetRuns>>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Offsets change only at transitions; caching per zone and quarter hour makes repeated look-ups cheap.
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/** One formatter per zone that prints only the offset ("GMT+06:00", "GMT-00:44:30", "GMT" for zero). */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zones of ZONE_TABLE, when this Node's tz database is the one the table was read from: then the table answers
 * what the look-ups below would read from Intl, and a build or `patrika date` in those zones never starts ICU (the
 * first Intl.DateTimeFormat of a thread costs 12-18 ms). With any other database, every zone goes to Intl. A Map,
 * not the object itself: a zone named "constructor" or "toString" must not find Object.prototype's.
 */
const tabled = new Map<string, OffsetRuns>(globalThis.process?.versions?.tz === ZONE_TABLE.tz ? Object.entries(ZONE_TABLE.zones) : []);

/** The zones whose offsets come from ZONE_TABLE in this runtime (none under another tz database). */
export function tabledZones(): string[] {
  return [...tabled.keys()];
}

// The run the last tabled look-up fell in: an archive's dates cluster in a few years of one zone, and a date in
// the common case asks twice (steadyOffsetAround), so most look-ups end at this one comparison.
let lastRunZone = "";
let lastRunFrom = 0;
let lastRunUntil = 0;
let lastRunOffset = 0;

/** The table's offset at `epochMs`, or undefined outside its zones or years. */
function tabledOffset(epochMs: number, timeZone: string): number | undefined {
  if (timeZone === lastRunZone && epochMs >= lastRunFrom && epochMs < lastRunUntil) return lastRunOffset;
  const runs = tabled.get(timeZone);
  if (!runs || !(epochMs >= runs.from && epochMs < runs.until)) return undefined;
  const { starts, offsets } = runs;
  let low = 0;
  let high = starts.length - 1; // starts[0] is runs.from
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= epochMs) low = middle;
    else high = middle - 1;
  }
  lastRunZone = timeZone;
  lastRunFrom = starts[low]!;
  lastRunUntil = low + 1 < starts.length ? starts[low + 1]! : runs.until;
  lastRunOffset = offsets[low]!;
  return lastRunOffset;
}

/** Whether the runtime's tz database knows `timeZone`. */
export function isValidTimeZone(timeZone: string): boolean {
  if (formatters.has(timeZone) || tabled.has(timeZone)) return true;
  if (timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;
const dayCache = new Map<string, Map<number, number | null>>();
// The last zone looked up and its day cache: a build reads thousands of dates in one zone.
let lastZone = "";
let lastDays = new Map<number, number | null>();

/** The zone's offset from UTC at `epochMs`, in whole minutes (Dhaka: +360; Dhaka in summer 2009: +420). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  return tabledOffset(epochMs, timeZone) ?? intlOffsetMinutes(epochMs, timeZone);
}

/** offsetMinutes from Intl, through the caches. */
function intlOffsetMinutes(epochMs: number, timeZone: string): number {
  let days = lastDays;
  if (timeZone !== lastZone) {
    days = dayCache.get(timeZone)!;
    if (!days) dayCache.set(timeZone, (days = new Map()));
    lastZone = timeZone;
    lastDays = days;
  }
  // Most UTC days have one offset all day: cache by day, and by quarter hour only on days with a transition.
  const day = Math.floor(epochMs / DAY_MS);
  let dayOffset = days.get(day);
  if (dayOffset === undefined) {
    dayOffset = steadyDayOffset(day, timeZone);
    if (days.size > 200_000) days.clear();
    days.set(day, dayOffset);
  }
  return dayOffset ?? quarterHourOffset(epochMs, timeZone);
}

/** The offset of a UTC day when its start, middle and last quarter hour agree, else null (a transition day). */
function steadyDayOffset(day: number, timeZone: string): number | null {
  const first = quarterHourOffset(day * DAY_MS, timeZone);
  return first === quarterHourOffset((day + 1) * DAY_MS - QUARTER_HOUR_MS, timeZone) && first === quarterHourOffset(day * DAY_MS + DAY_MS / 2, timeZone) ? first : null;
}

/**
 * The offsets offsetMinutes reads from Intl for `timeZone` from `fromMs` until `untilMs` (whole UTC days), as runs:
 * what ZONE_TABLE holds (scripts/zone-table.mjs writes it; test/dates/zone-table.test.ts compares them). Made by
 * the same day and quarter-hour steps as the look-ups, so the table and the look-ups agree at every instant.
 */
export function offsetRuns(timeZone: string, fromMs: number, untilMs: number): OffsetRuns {
  // A bound inside a day would make runs the look-ups never give (they step from UTC midnight).
  if (fromMs % DAY_MS !== 0 || untilMs % DAY_MS !== 0) throw new RangeError("patrika dates: offsetRuns takes whole UTC days");
  const starts: number[] = [];
  const offsets: number[] = [];
  const add = (start: number, offset: number) => {
    if (offsets.length === 0 || offsets[offsets.length - 1] !== offset) starts.push(start), offsets.push(offset);
  };
  for (let day = fromMs / DAY_MS; day < untilMs / DAY_MS; day++) {
    const steady = steadyDayOffset(day, timeZone);
    if (steady !== null) add(day * DAY_MS, steady);
    else for (let at = day * DAY_MS; at < (day + 1) * DAY_MS; at += QUARTER_HOUR_MS) add(at, quarterHourOffset(at, timeZone));
  }
  return { from: fromMs, until: untilMs, starts, offsets };
}

function quarterHourOffset(epochMs: number, timeZone: string): number {
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) offsetCache.set(timeZone, (zoneCache = new Map()));
  const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
  let offset = zoneCache.get(bucket);
  if (offset === undefined) {
    offset = uncachedOffsetMinutes(bucket * QUARTER_HOUR_MS, timeZone);
    if (zoneCache.size > 100_000) zoneCache.clear();
    zoneCache.set(bucket, offset);
  }
  return offset;
}

const LONG_OFFSET = /^([+-])(\d\d):(\d\d)(?::(\d\d))?$/;
/** Offset names already read ("+06:00" → 360); a handful per zone. */
const offsetNames = new Map<string, number>([["", 0]]);

/**
 * The zone's offset at `epochMs` from one Intl look-up, without the caches (bench/dates.mjs measures it). The
 * offset is read from the zone's longOffset name, which is about three times cheaper than formatting the date in
 * parts; local mean times with seconds are rounded to the minute.
 */
export function uncachedOffsetMinutes(epochMs: number, timeZone: string): number {
  const printed = formatterFor(timeZone).format(new Date(epochMs));
  const name = printed.slice(printed.lastIndexOf("GMT") + 3);
  let offset = offsetNames.get(name);
  if (offset === undefined) {
    const match = LONG_OFFSET.exec(name);
    if (!match) throw new RangeError(`patrika dates: cannot read the offset "${printed}" of ${timeZone}`);
    const minutes = Number(match[2]) * 60 + Number(match[3]) + (match[4] ? Number(match[4]) / 60 : 0);
    offset = Math.round(match[1] === "-" ? -minutes : minutes);
    offsetNames.set(name, offset);
  }
  return offset;
}

/**
 * The zone's offset around a wall time (passed as if it were UTC) when no transition is near it, else undefined.
 * Offsets lie within ±14 h, so the instant lies within wallAsUtc ± 14 h; one offset across ±20 h means no change.
 */
export function steadyOffsetAround(wallAsUtcMs: number, timeZone: string): number | undefined {
  const before = offsetMinutes(wallAsUtcMs - 20 * 3600_000, timeZone);
  return before === offsetMinutes(wallAsUtcMs + 20 * 3600_000, timeZone) ? before : undefined;
}

/**
 * The instant at which clocks in `timeZone` show the given wall time (passed as if it were UTC). In a gap
 * (clocks jump forward) the time is read with the offset in force before the jump; in an overlap (clocks fall
 * back) the earlier of the two instants is taken. docs/dates.md, "Zones".
 */
export function instantFromWallTime(wallAsUtcMs: number, timeZone: string): number {
  const steady = steadyOffsetAround(wallAsUtcMs, timeZone);
  if (steady !== undefined) return wallAsUtcMs - steady * 60000;
  const before = offsetMinutes(wallAsUtcMs - 20 * 3600_000, timeZone);
  const after = offsetMinutes(wallAsUtcMs + 20 * 3600_000, timeZone);
  const earlier = wallAsUtcMs - before * 60000;
  const later = wallAsUtcMs - after * 60000;
  const showsWall = (t: number) => t + offsetMinutes(t, timeZone) * 60000 === wallAsUtcMs;
  if (showsWall(earlier) && showsWall(later)) return Math.min(earlier, later);
  if (showsWall(earlier)) return earlier;
  if (showsWall(later)) return later;
  return earlier; // in the gap: the offset before the jump
}

/** "00" … "59": the two-digit fields of an ISO string, made once rather than for every date written. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));
/** Four digits for years 0–9999, else ISO 8601's expanded form with a sign and six digits. */
const padYear = (n: number) => (n >= 1000 && n <= 9999 ? String(n) : n >= 0 && n <= 9999 ? String(n).padStart(4, "0") : `${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(6, "0")}`);
/** "-07-13T" at month * 32 + day, and "17:28:" at hour * 60 + minute: an ISO string is then made of five parts. */
const DATE_PARTS = Array.from({ length: 13 * 32 }, (_, i) => `-${TWO_DIGITS[Math.floor(i / 32)]}-${TWO_DIGITS[i % 32]}T`);
const CLOCK_PARTS = Array.from({ length: 24 * 60 }, (_, i) => `${TWO_DIGITS[Math.floor(i / 60)]}:${TWO_DIGITS[i % 60]}:`);
/** "+06:00" for 360: the offsets written so far (a handful per zone). */
const offsetTexts = new Map<number, string>();

function offsetText(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    const absolute = Math.abs(offset);
    text = `${offset < 0 ? "-" : "+"}${TWO_DIGITS[Math.floor(absolute / 60)]}:${TWO_DIGITS[absolute % 60]}`;
    offsetTexts.set(offset, text);
  }
  return text;
}

/** Calendar fields of a UTC millisecond count, by arithmetic (Hinnant's civil-from-days), without a Date object. */
function fieldsOf(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number } {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return { year, month, day, hour, minute, second, millisecond: rest - second * 1000 };
}

/**
 * Milliseconds since the epoch of a calendar date and time read as if in UTC, by arithmetic (Hinnant's
 * days-from-civil, the inverse of fieldsOf). Like Date.UTC, fields past their range carry over (month 0 is
 * December of the year before, day 32 of July is 1 August); unlike it, years 0–99 are those years, not 1900–1999,
 * and it is several times cheaper, which matters on every date read.
 */
export function utcWall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const carried = Math.floor((month - 1) / 12);
  const y = year + carried - (month - carried * 12 <= 2 ? 1 : 0);
  const m = month - carried * 12; // 1–12
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
}

function assertValid(instant: Date): number {
  const epochMs = instant.getTime();
  if (!Number.isFinite(epochMs)) throw new RangeError("patrika dates: the instant is an invalid Date");
  return epochMs;
}

/** ISO 8601 in the zone's local time with its offset: `2025-07-13T17:28:00+06:00` (milliseconds only when set). */
export function formatIsoInZone(instant: Date, timeZone: string): string {
  const epochMs = assertValid(instant);
  const offset = offsetMinutes(epochMs, timeZone);
  return formatIsoFields(fieldsOf(epochMs + offset * 60000), offset);
}

/** ISO 8601 of local calendar fields and the offset in force: `2025-07-13T17:28:00+06:00`. */
export function formatIsoFields(f: { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number }, offset: number): string {
  const iso = `${padYear(f.year)}${DATE_PARTS[f.month * 32 + f.day]}${CLOCK_PARTS[f.hour * 60 + f.minute]}${TWO_DIGITS[f.second]}${f.millisecond ? `.${String(f.millisecond).padStart(3, "0")}` : ""}${offsetText(offset)}`;
  // Concatenation leaves a tree of its parts, which V8 copies into one string only when a character is read. Read
  // one now: a build keeps an ISO string for every date, and the tree of one takes four times the memory of the
  // string (held, the trees also made the reader slower, by their garbage collection).
  iso.charCodeAt(0);
  return iso;
}

/** The local calendar fields of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const epochMs = assertValid(instant);
  return fieldsOf(epochMs + offsetMinutes(epochMs, timeZone) * 60000);
}
