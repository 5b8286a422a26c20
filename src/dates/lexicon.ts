/**
 * Every word the date reader knows, as tables. Entries are written as people type them; tokenise.ts normalises
 * tables and input the same way (Bengali digits to ASCII, canonical decomposition, lower case) before matching.
 */

/** Gregorian months, index 0 = January: Bengali spellings seen on news sites, short forms, English names. */
export const GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ["জানুয়ারি", "জানুয়ারী", "জানুআরি", "জানু", "january", "jan"],
  ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি", "ফেব্রু", "ফেবু্রয়ারি", "february", "feb"],
  ["মার্চ", "march", "mar"],
  ["এপ্রিল", "এপ্রি", "april", "apr"],
  ["মে", "may"],
  ["জুন", "june", "jun"],
  ["জুলাই", "july", "jul"],
  ["আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "আগ", "august", "aug"],
  ["সেপ্টেম্বর", "সেপ্টেম্বার", "সেপ্টে", "september", "sept", "sep"],
  ["অক্টোবর", "অক্টোবার", "অক্টো", "october", "oct"],
  ["নভেম্বর", "নভেম্বার", "নভে", "november", "nov"],
  ["ডিসেম্বর", "ডিসেম্বার", "ডিসে", "december", "dec"],
];

/** Bangla calendar months, index 0 = Boishakh, with the spelling variants newspapers and readers use. */
export const BANGLA_MONTHS: readonly (readonly string[])[] = [
  ["বৈশাখ", "বোশেখ"],
  ["জ্যৈষ্ঠ", "জৈষ্ঠ", "জৈষ্ঠ্য", "জ্যৈষ্ঠ্য", "জেষ্ঠ", "জ্যেষ্ঠ", "জষ্টি"],
  ["আষাঢ়", "আষাড়"],
  ["শ্রাবণ", "শ্রাবন", "শাওন"],
  ["ভাদ্র", "ভাদর"],
  ["আশ্বিন", "আশ্বিণ"],
  ["কার্তিক", "কার্ত্তিক", "কাতি"],
  ["অগ্রহায়ণ", "অগ্রহায়ন", "অঘ্রাণ", "অঘ্রান", "অগ্রাহায়ণ"],
  ["পৌষ"],
  ["মাঘ"],
  ["ফাল্গুন", "ফাগুন", "ফালগুন"],
  ["চৈত্র", "চৈত"],
];

/** Hijri months (recognised in three-date header lines, then set aside: their day depends on moon sighting). */
export const HIJRI_MONTHS: readonly (readonly string[])[] = [
  ["মহররম", "মুহাররম", "মহরম", "muharram"],
  ["সফর", "ছফর", "safar"],
  ["রবিউল আউয়াল", "রবিউল আওয়াল", "রবিউল-আউয়াল"],
  ["রবিউস সানি", "রবিউল আখির", "রবিউস-সানি", "রবিউস সানী"],
  ["জমাদিউল আউয়াল", "জমাদিউল উলা", "জুমাদাল উলা", "জমাদিউল-আউয়াল"],
  ["জমাদিউস সানি", "জমাদিউল আখির", "জুমাদাল উখরা", "জমাদিউস-সানি"],
  ["রজব", "rajab"],
  ["শাবান", "শা'বান", "শাবান", "shaban"],
  ["রমজান", "রমযান", "রামাদান", "ramadan"],
  ["শাওয়াল", "শাওয়াল", "shawwal"],
  ["জিলকদ", "জিলক্বদ", "জিলকদ", "জিলকাদ"],
  ["জিলহজ", "জিলহজ্জ", "জিলহজ্ব", "জিলহাজ্জ"],
];

/** Weekdays, Sunday first, including the colloquial রোববার and English names. */
export const WEEKDAYS: readonly (readonly string[])[] = [
  ["রবিবার", "রোববার", "রবি", "sunday", "sun"],
  ["সোমবার", "সোম", "monday", "mon"],
  ["মঙ্গলবার", "মঙ্গল", "tuesday", "tue", "tues"],
  ["বুধবার", "বুধ", "wednesday", "wed"],
  ["বৃহস্পতিবার", "বিষ্যুদবার", "বৃহস্পতি", "thursday", "thu", "thurs"],
  ["শুক্রবার", "শুক্র", "friday", "fri"],
  ["শনিবার", "শনি", "saturday", "sat"],
];

/** Words that frame a date without changing it: labels, era names, "date", "time". Ignored when read. */
export const FRAME_WORDS: readonly string[] = [
  "প্রকাশ", "প্রকাশিত", "প্রকাশের", "প্রকাশকাল", "আপডেট", "আপডেটেড", "হালনাগাদ", "সর্বশেষ", "শেষ", "সংশোধিত", "পোস্ট",
  "তারিখ", "সময়", "সময়ঃ", "ইং", "ইংরেজি", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রি", "বঙ্গাব্দ", "বাংলা", "সন", "হিজরি", "হিজরী",
  "published", "updated", "last", "posted", "on", "at", "modified", "date", "time",
];

/** "১৩ই", "১লা", "২রা", "৪ঠা", "২১শে": ordinal endings printed after a day number. */
export const ORDINAL_SUFFIXES: readonly string[] = ["ই", "লা", "রা", "ঠা", "শে", "এ", "th", "st", "nd", "rd"];

/** Words after an hour number meaning "o'clock" (৫টা, ৫টায়, ৫টার দিকে) and after minutes ("২৮ মিনিটে"). */
export const HOUR_WORDS: readonly string[] = ["টা", "টায়", "টার", "ঘটিকা", "ঘটিকায়", "o'clock"];
export const MINUTE_WORDS: readonly string[] = ["মিনিট", "মিনিটে", "মিঃ", "মি", "min", "mins"];
/** Words that may follow a spoken time and change nothing ("৫টার দিকে" = around five, "বাজে" = strikes). */
export const TIME_FILLER_WORDS: readonly string[] = ["দিকে", "বাজে", "নাগাদ", "বেজে"];

/** Before or after noon, in Bengali and English. */
export const AM_WORDS: readonly string[] = ["am", "এএম", "পূর্বাহ্ণ", "পূর্বাহ্ন", "পূর্বাহ্নে"];
export const PM_WORDS: readonly string[] = ["pm", "পিএম", "অপরাহ্ণ", "অপরাহ্ন", "অপরাহ্নে"];

/**
 * Periods of the day in spoken times, with the hours (1–12 as spoken) each may name and how to read them on the
 * 24-hour clock. রাত covers the evening (৭–১১ → 19–23) and the small hours (১২ → 00, ১–৪ → 01–04) of the
 * printed date; "দিবাগত রাত" shifts the small hours to the next day (see docs/dates.md).
 */
export interface DayPeriod {
  names: readonly string[];
  /** Spoken hours this period admits. */
  hours: readonly number[];
  /** Spoken hour → hour on the 24-hour clock. */
  to24(hour: number): number;
}
export const DAY_PERIODS: readonly DayPeriod[] = [
  { names: ["ভোর", "ভোরে", "ভোররাত", "ভোররাতে"], hours: [3, 4, 5, 6], to24: (h) => h },
  { names: ["সকাল", "সকালে"], hours: [5, 6, 7, 8, 9, 10, 11], to24: (h) => h },
  { names: ["দুপুর", "দুপুরে", "মধ্যাহ্ন"], hours: [11, 12, 1, 2, 3], to24: (h) => (h === 11 || h === 12 ? h : h + 12) },
  { names: ["বিকেল", "বিকাল", "বিকেলে", "বিকালে"], hours: [2, 3, 4, 5, 6], to24: (h) => h + 12 },
  { names: ["সন্ধ্যা", "সন্ধ্যায়", "সন্ধে", "সন্ধেয়"], hours: [5, 6, 7, 8], to24: (h) => h + 12 },
  { names: ["রাত", "রাতে", "রাত্রি"], hours: [7, 8, 9, 10, 11, 12, 1, 2, 3, 4], to24: (h) => (h >= 7 && h <= 11 ? h + 12 : h === 12 ? 0 : h) },
];

/** "দিবাগত রাত": the night after the printed day, so the small hours belong to the next date. */
export const NIGHT_AFTER_WORDS: readonly string[] = ["দিবাগত"];

/** Quarter-hour words of spoken Bengali time: সাড়ে ৫টা = 5:30, সোয়া ৫টা = 5:15, পৌনে ৬টা = 5:45. */
export const QUARTER_WORDS: readonly { names: readonly string[]; minutes: number }[] = [
  { names: ["সাড়ে"], minutes: 30 },
  { names: ["সোয়া"], minutes: 15 },
  { names: ["পৌনে"], minutes: -15 },
];

/** Relative forms, resolved against an injected now. */
export const RELATIVE_UNITS: readonly { names: readonly string[]; ms: number; precision: "second" | "minute" | "day" }[] = [
  { names: ["সেকেন্ড", "seconds", "second", "sec", "secs"], ms: 1000, precision: "second" },
  { names: ["মিনিট", "minutes", "minute", "min", "mins"], ms: 60_000, precision: "minute" },
  { names: ["ঘণ্টা", "ঘন্টা", "hours", "hour", "hr", "hrs"], ms: 3_600_000, precision: "minute" },
  { names: ["দিন", "days", "day"], ms: 86_400_000, precision: "day" },
  { names: ["সপ্তাহ", "weeks", "week"], ms: 7 * 86_400_000, precision: "day" },
];
export const AGO_WORDS: readonly string[] = ["আগে", "পূর্বে", "ago"];
export const JUST_NOW_WORDS: readonly string[] = ["এইমাত্র", "এই মাত্র", "এখনই", "just now"];
/** Days named relative to now: আজ = today, গতকাল = yesterday, গত পরশু = the day before. */
export const RELATIVE_DAYS: readonly { names: readonly string[]; days: number }[] = [
  { names: ["আজ", "আজকে", "today"], days: 0 },
  { names: ["গতকাল", "গত কাল", "yesterday"], days: -1 },
  { names: ["গত পরশু", "গতপরশু"], days: -2 },
];

/** Words that introduce an explicit offset ("GMT+6", "UTC+06:00", or alone for UTC). "BST" is not one: it names
 * both Bangladesh Standard Time and British Summer Time. */
export const OFFSET_WORDS: readonly string[] = ["gmt", "utc", "জিএমটি", "ইউটিসি"];
