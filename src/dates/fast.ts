/**
 * The fast path for the shape that makes up most Bengali archives, "[label] ১৩ জুলাই ২০২৫, ১৭:২৮" (measured in
 * bench/dates.mjs). It answers only when it is sure; anything else, or anything it would get wrong (an impossible
 * day, hour 25), goes to the full scanner, which says exactly where the problem is. A property test checks that
 * both read every generated variant alike.
 */
import { daysInMonth } from "./gregorian.js";
import { GREGORIAN_MONTHS } from "./lexicon.js";
import { newReading, type Reading } from "./reading.js";

/** Bengali month spellings in every Unicode form they arrive in → month number. */
const MONTHS = new Map<string, number>();
GREGORIAN_MONTHS.forEach((names, i) => {
  for (const name of names) {
    if (!/^[a-z]+$/.test(name)) for (const form of [name, name.normalize("NFC"), name.normalize("NFD")]) MONTHS.set(form, i + 1);
  }
});
const LABELS = ["আপডেট", "প্রকাশ", "প্রকাশিত", "হালনাগাদ"].flatMap((l) => [l, l.normalize("NFD")]);
// The month is any run of non-space, non-digit, non-comma characters, looked up in MONTHS afterwards: one
// character class is far cheaper for the regular expression engine than an alternation of forty names.
const SHAPE = new RegExp(`^(?:(?:${LABELS.join("|")}) ?: ?)?([০-৯]{1,2}) ([^\\s\\d০-৯,]+) ([০-৯]{4})(?:, ?([০-৯]{2}): ?([০-৯]{2}))?$`);

function bengaliNumber(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 0x09e6);
  return value;
}

/** Reads "[label] ১৩ জুলাই ২০২৫[, ১৭:২৮]" when the text is exactly that and the date and time exist; else undefined. */
export function readFast(text: string): Reading | undefined {
  const match = SHAPE.exec(text);
  const month = match && MONTHS.get(match[2]!);
  if (!match || !month) return undefined;
  const date = { year: bengaliNumber(match[3]!), month, day: bengaliNumber(match[1]!) };
  if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) return undefined;
  if (match[4] === undefined) return newReading("gregorian", false, [], date);
  const time = { hour: bengaliNumber(match[4]), minute: bengaliNumber(match[5]!) };
  if (time.hour > 23 || time.minute > 59) return undefined;
  return newReading("gregorian", false, [], date, time);
}
