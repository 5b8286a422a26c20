import { tryParseBengaliDate, type ParseDateOptions } from "../dates/index.js";

/** The part of zod's API this helper uses: present alike in zod 3 (Astro 5's content collections) and zod 4. */
interface ZodLike {
  string(): { transform<T>(fn: (value: string, context: { addIssue(issue: { code: "custom"; message: string }): void }) => T): unknown };
}

/**
 * A zod type for a date field as Bengali newsrooms print it, for content-collection schemas: the text is read by
 * patrika's date reader (in `timeZone`, never the machine's) and becomes a Date; an unreadable or relative date is a
 * schema error that says why. Takes the caller's zod, so it works with the zod 3 that Astro 5 bundles and with zod 4.
 * @example defineCollection({ schema: z.object({ title: z.string(), date: bengaliDate(z, { timeZone: "Asia/Dhaka" }) }) })
 */
export function bengaliDate<Z extends ZodLike>(z: Z, options: Pick<ParseDateOptions, "timeZone" | "calendar"> = {}) {
  return z.string().transform((text, context) => {
    const result = tryParseBengaliDate(text, options);
    if (result.ok) return result.value.instant;
    const reason = result.error.code === "date.relative-needs-now" ? "a relative date cannot be stored: write the date itself" : result.error.message;
    context.addIssue({ code: "custom", message: `not a date patrika can read: ${reason}` });
    return new Date(Number.NaN);
  });
}
