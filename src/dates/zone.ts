/** Wall-clock times in a named IANA zone ↔ instants, using the tz database that ships with Node (Intl). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime's tz database knows `timeZone`. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `epochMs`, in minutes (Dhaka: +360; Dhaka in summer 2009: +420). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * The instant at which clocks in `timeZone` show the given wall time. In a gap (clocks jump forward) the time is
 * read with the offset before the jump; in an overlap (clocks fall back) the earlier of the two instants is used.
 */
export function instantFromWallTime(wallAsUtcMs: number, timeZone: string): number {
  const before = offsetMinutes(wallAsUtcMs - 86400000, timeZone);
  const after = offsetMinutes(wallAsUtcMs + 86400000, timeZone);
  const candidates = [wallAsUtcMs - before * 60000, wallAsUtcMs - after * 60000];
  const matching = candidates.filter((t) => t + offsetMinutes(t, timeZone) * 60000 === wallAsUtcMs);
  return matching.length > 0 ? Math.min(...matching) : wallAsUtcMs - before * 60000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** ISO 8601 in the zone's local time with its offset: `2025-07-13T17:28:00+06:00` (milliseconds only when set). */
export function formatIsoInZone(instant: Date, timeZone: string): string {
  const epochMs = instant.getTime();
  const offset = offsetMinutes(epochMs, timeZone);
  const local = new Date(epochMs + offset * 60000);
  const ms = local.getUTCMilliseconds();
  const sign = offset < 0 ? "-" : "+";
  const absolute = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ""}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}
