/**
 * The build's "now": the --now flag (or an adapter's `now` option), else SOURCE_DATE_EPOCH (reproducible builds),
 * else the clock; read only here, for the CLI and the site-generator adapters alike.
 */
export type NowResult = { ok: true; now: Date } | { ok: false; message: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function resolveNow(flag: string | undefined, environment: NodeJS.ProcessEnv, clock: () => Date): NowResult {
  if (flag !== undefined) {
    // Date() rolls impossible fields over (2025-11-31 becomes 1 December): every field is checked before it is used.
    if (ISO_WITH_OFFSET.test(flag) && !fieldsExist(flag)) {
      return { ok: false, message: `--now ${JSON.stringify(flag)} names a date or time that does not exist (a day past the month's end, an hour past 23, a minute or second past 59)` };
    }
    const instant = ISO_WITH_OFFSET.test(flag) ? new Date(flag) : undefined;
    if (!instant || Number.isNaN(instant.getTime())) {
      return { ok: false, message: `--now ${JSON.stringify(flag)} is not an ISO 8601 date-time with an offset (e.g. 2025-07-14T12:00:00+06:00)` };
    }
    return { ok: true, now: instant };
  }
  const epoch = environment.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d{1,12}$/.test(epoch)) {
      return { ok: false, message: `SOURCE_DATE_EPOCH ${JSON.stringify(epoch)} is not a whole number of seconds since 1970-01-01T00:00:00Z` };
    }
    return { ok: true, now: new Date(Number(epoch) * 1000) };
  }
  return { ok: true, now: clock() };
}

/** Whether the calendar date, the time and the offset written in an ISO date-time all exist (no 31 November, no 24:00). */
function fieldsExist(iso: string): boolean {
  const [year, month, day, hour, minute, second] = [0, 5, 8, 11, 14, 17].map((at) => Number(iso.slice(at, at + (at === 0 ? 4 : 2))));
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate(); // day 0 of the next month: this month's last
  const secondsOk = iso.length < 19 || iso[16] !== ":" || second! <= 59;
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth && hour! <= 23 && minute! <= 59 && secondsOk && (!offset || (Number(offset[2]) <= 14 && Number(offset[3]) <= 59));
}
