/** Names newsrooms print, as tables; every entry is matched after the same normalisation as the input (grammar.ts). */

/** Gregorian months: index 0 = January. Bengali spellings seen on news sites, then English names. */
export const GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ["জানুয়ারি", "জানুয়ারী", "জানু", "january", "jan"],
  ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রু", "february", "feb"],
  ["মার্চ", "march", "mar"],
  ["এপ্রিল", "april", "apr"],
  ["মে", "may"],
  ["জুন", "june", "jun"],
  ["জুলাই", "july", "jul"],
  ["আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "august", "aug"],
  ["সেপ্টেম্বর", "সেপ্টেম্বার", "সেপ্ট", "september", "sept", "sep"],
  ["অক্টোবর", "অক্টো", "october", "oct"],
  ["নভেম্বর", "নভে", "november", "nov"],
  ["ডিসেম্বর", "ডিসে", "december", "dec"],
];

/** Words printed before a date: publication and update labels. */
export const LABELS: readonly string[] = ["সর্বশেষ আপডেট", "প্রকাশিত", "প্রকাশ", "আপডেট", "হালনাগাদ", "সর্বশেষ", "published", "updated"];

/** Weekday names (Sunday first), including the colloquial রোববার. */
export const WEEKDAYS: readonly (readonly string[])[] = [
  ["রবিবার", "রোববার"],
  ["সোমবার"],
  ["মঙ্গলবার"],
  ["বুধবার"],
  ["বৃহস্পতিবার"],
  ["শুক্রবার"],
  ["শনিবার"],
];
