/** The build's "now": --now, else SOURCE_DATE_EPOCH (reproducible builds), else the clock; read only here. */
export type NowResult = { ok: true; now: Date } | { ok: false; message: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function resolveNow(flag: string | undefined, environment: NodeJS.ProcessEnv, clock: () => Date): NowResult {
  if (flag !== undefined) {
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
