import { resolveNow } from "../now.js";

/**
 * The build's "now" for the site-generator adapters: the caller's `now` (a Date, where the CLI takes text), else the
 * rule of src/now.ts (SOURCE_DATE_EPOCH, else the clock); a bad value is an Error, as the adapters report them.
 */
export function adapterNow(now: Date | undefined, environment: NodeJS.ProcessEnv = process.env): Date {
  if (now !== undefined) {
    if (Number.isNaN(now.getTime())) throw new Error("patrika: the now option is an invalid Date");
    return now;
  }
  const resolved = resolveNow(undefined, environment, () => new Date());
  if (!resolved.ok) throw new Error(`patrika: ${resolved.message}`);
  return resolved.now;
}
