/**
 * The build's "now" for the site-generator adapters, by the CLI's rule (src/cli/now.ts, which adapters may not
 * import): the caller's `now`, else SOURCE_DATE_EPOCH (reproducible builds), else the clock. Read only here.
 */
export function adapterNow(now: Date | undefined, environment: NodeJS.ProcessEnv = process.env): Date {
  if (now !== undefined) {
    if (Number.isNaN(now.getTime())) throw new Error("patrika: the now option is an invalid Date");
    return now;
  }
  const epoch = environment.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  if (!/^\d{1,12}$/.test(epoch)) throw new Error(`patrika: SOURCE_DATE_EPOCH ${JSON.stringify(epoch)} is not a whole number of seconds since 1970-01-01T00:00:00Z`);
  return new Date(Number(epoch) * 1000);
}
