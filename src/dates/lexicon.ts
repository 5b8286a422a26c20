/**
 * Every word the date reader knows, as tables. Entries are written as people type them; tokenise.ts normalises
 * tables and input the same way (Bengali digits to ASCII, canonical decomposition, lower case) before matching.
 * A name of several words ("রবিউল আউয়াল", "last updated") is matched as a phrase; a "-" may join its words.
 * docs/dates.md lists these tables in prose; test/dates/cases.ts has a printed example of each kind.
 */

/**
 * Gregorian months, index 0 = January: the Bengali spellings news sites and CLDR print (full, short as CLDR
 * abbreviates them, older spellings still in use), then English names and abbreviations. The first name is the
 * one formatBengaliDate writes.
 */
export const GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ["জানুয়ারি", "জানুয়ারী", "জানু", "january", "jan"],
  ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রু", "ফেব", "february", "feb"],
  ["মার্চ", "march", "mar"],
  ["এপ্রিল", "এপ্রি", "april", "apr"],
  ["মে", "may"],
  ["জুন", "june", "jun"],
  ["জুলাই", "জুল", "july", "jul"],
  ["আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "আগ", "august", "aug"],
  ["সেপ্টেম্বর", "সেপ্টে", "সেপ্ট", "সেপ", "september", "sept", "sep"],
  ["অক্টোবর", "অক্টো", "october", "oct"],
  ["নভেম্বর", "নবেম্বর", "নভে", "november", "nov"],
  ["ডিসেম্বর", "ডিসে", "december", "dec"],
];

/**
 * Misspellings of Gregorian months seen in print, index 0 = January. They are read, with the note
 * `date.misspelt-month` naming the spelling taken; a spelling in neither table is an error that suggests the
 * nearest month.
 */
export const MISSPELT_GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ["জানুআরি", "জানুযারি"],
  ["ফেব্রুআরি", "ফেবু্রয়ারি", "ফেব্রূয়ারি", "ফেরুয়ারি"],
  [],
  ["এপ্রীল"],
  [],
  [],
  ["জুলায়"],
  ["আগাস্ট", "অগাষ্ট"],
  ["সেপ্টেম্বার", "সেপ্টম্বর"],
  ["অক্টোবার", "অক্টবর", "অক্টোম্বর"],
  ["নভেম্বার", "নবেম্বার"],
  ["ডিসেম্বার"],
];

/**
 * Bangla calendar months, index 0 = বৈশাখ, with the spelling variants newspapers and readers use and the
 * English spellings of bilingual mastheads (Srabon 21, 1432 BS).
 */
export const BANGLA_MONTHS: readonly (readonly string[])[] = [
  ["বৈশাখ", "বোশেখ", "boishakh", "baishakh", "boisakh", "baisakh", "boishak"],
  ["জ্যৈষ্ঠ", "জৈষ্ঠ", "জৈষ্ঠ্য", "জ্যৈষ্ঠ্য", "জেষ্ঠ", "জ্যেষ্ঠ", "জষ্টি", "joishtho", "jyoishtho", "jaistha", "jyaistha", "jaishtha", "jyeshtha"],
  ["আষাঢ়", "আষাড়", "asharh", "ashar", "asadh", "ashadh", "aashar"],
  ["শ্রাবণ", "শ্রাবন", "শাওন", "srabon", "shrabon", "shraban", "sraban"],
  ["ভাদ্র", "ভাদর", "bhadro", "bhadra"],
  ["আশ্বিন", "আশ্বিণ", "ashwin", "ashshin", "aswin", "ashin", "ashvin"],
  ["কার্তিক", "কার্ত্তিক", "কাতি", "kartik", "kartick"],
  ["অগ্রহায়ণ", "অগ্রহায়ন", "অঘ্রাণ", "অঘ্রান", "অগ্রাহায়ণ", "ogrohayon", "agrahayan", "agrahayon", "ograhayon", "aghran"],
  ["পৌষ", "poush", "paush", "pous"],
  ["মাঘ", "magh", "maagh"],
  ["ফাল্গুন", "ফাগুন", "ফালগুন", "falgun", "phalgun", "fagun"],
  ["চৈত্র", "চৈত", "choitro", "chaitra", "chaitro", "choitra"],
];

/**
 * Hijri months (recognised in three-date header lines, then set aside: their day depends on moon sighting), with
 * the spellings mastheads, ICU and Islamic calendars print. A day, an unknown word and a year followed by হিজরি
 * is set aside as a Hijri date too, so a three-date line never fails on a spelling missing here.
 */
export const HIJRI_MONTHS: readonly (readonly string[])[] = [
  ["মহররম", "মুহাররম", "মুহররম", "মহরম", "muharram", "muharrum"],
  ["সফর", "ছফর", "safar"],
  ["রবিউল আউয়াল", "রবিউল আওয়াল", "রবিউল আউওয়াল", "রবিউল আউয়াল", "rabiul awal", "rabi al awwal", "rabi ul awal"],
  ["রবিউস সানি", "রবিউস সানী", "রবিউস ছানি", "রবিউস ছানী", "রবিউল আখির", "রবিউল আখের", "rabius sani", "rabiul akhir", "rabi al thani", "rabi us sani"],
  ["জমাদিউল আউয়াল", "জমাদিউল আওয়াল", "জমাদিউল উলা", "জুমাদাল উলা", "জুমাদাল ঊলা", "জমাদিউল আউয়াল", "jamadiul awal", "jumada al ula", "jumadal ula"],
  ["জমাদিউস সানি", "জমাদিউস সানী", "জমাদিউস ছানি", "জমাদিউস ছানী", "জমাদিউল আখির", "জমাদিউল আখের", "জুমাদাল উখরা", "জুমাদাস সানি", "jamadius sani", "jumada al akhirah", "jumada al thani"],
  ["রজব", "রাজাব", "rajab"],
  ["শাবান", "শা'বান", "শাবান", "shaban", "sha'ban"],
  ["রমজান", "রমযান", "রামাদান", "রামাযান", "রমাদান", "ramadan", "ramzan", "ramadhan"],
  ["শাওয়াল", "শাওয়াল", "shawwal", "shawal"],
  ["জিলকদ", "জিলক্বদ", "জিলকদ", "জিলকাদ", "জ্বিলকদ", "জ্বিলক্বদ", "যিলকদ", "যিলক্বদ", "জিলকাদাহ", "zilqad", "dhul qadah", "zul qadah"],
  ["জিলহজ", "জিলহজ্জ", "জিলহজ্ব", "জিলহাজ্জ", "জ্বিলহজ্জ", "জ্বিলহজ", "যিলহজ্জ", "জিলহাজ", "zilhaj", "dhul hijjah", "zul hijjah"],
];

/** Weekdays, Sunday first, including colloquial forms, short forms and English names. */
export const WEEKDAYS: readonly (readonly string[])[] = [
  ["রবিবার", "রোববার", "রবি", "sunday", "sun"],
  ["সোমবার", "সোম", "monday", "mon"],
  ["মঙ্গলবার", "মঙ্গল", "tuesday", "tue", "tues"],
  ["বুধবার", "বুধ", "wednesday", "wed"],
  ["বৃহস্পতিবার", "বৃহষ্পতিবার", "বিষ্যুদবার", "বিস্যুদবার", "বৃহস্পতি", "thursday", "thu", "thurs"],
  ["শুক্রবার", "শুক্র", "friday", "fri"],
  ["শনিবার", "শনি", "saturday", "sat"],
];

/**
 * Labels that open a stamp: published, updated. A label that comes after a date has been read starts a second
 * stamp (প্রকাশিত: … | আপডেট: …); the first is read and the rest set aside with the note `date.second-stamp`.
 */
export const STAMP_LABELS: readonly string[] = [
  "প্রকাশ", "প্রকাশিত", "প্রকাশের সময়", "প্রকাশকাল", "প্রথম প্রকাশ", "প্রকাশিত হয়েছে", "প্রকাশ করা হয়েছে",
  "আপডেট", "আপডেটেড", "আপডেট করা হয়েছে", "সর্বশেষ আপডেট", "শেষ আপডেট", "হালনাগাদ", "হালনাগাদকৃত", "সর্বশেষ হালনাগাদ",
  "সংশোধিত", "পোস্ট", "পোস্টেড", "পোস্ট করা হয়েছে",
  "published", "published on", "first published", "updated", "updated on", "last updated", "last update", "last update on",
  "posted", "posted on", "modified", "last modified",
];

/**
 * Era and year words printed around a year, by the calendar they name. They change nothing by themselves; a
 * Hijri era word after a year marks a day–word–year before it as a Hijri date.
 */
export const ERA_WORDS: readonly { names: readonly string[]; calendar: "gregorian" | "bangla" | "hijri" | "any" }[] = [
  { names: ["ইং", "ইংরেজি", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রীষ্টাব্দ", "খৃষ্টাব্দ", "খ্রিস্টাব্দের", "খ্রিষ্টাব্দের", "খ্রি", "খৃ", "ad", "ce"], calendar: "gregorian" },
  { names: ["বঙ্গাব্দ", "বঙ্গাব্দের", "বাংলা", "বাং", "bs", "bangla"], calendar: "bangla" },
  { names: ["হিজরি", "হিজরী", "হিজরির", "হি", "যুগ", "ah", "hijri"], calendar: "hijri" },
  { names: ["সন", "সাল", "সালে", "সালের"], calendar: "any" },
];

/**
 * Words that frame a date without changing it: "date", "time", "on", "at", the joiner ICU prints between date and
 * time ("২০২৫ এ ৮:০৫"), গেজেট words (মোতাবেক = corresponding to, রোজ = on the weekday), and the place names of
 * datelines and mastheads (ঢাকা, রবিবার …). Any other word is set aside with a note, or refused next to a time.
 */
export const FRAME_WORDS: readonly string[] = [
  "তারিখ", "তারিখে", "তাং", "সময়", "সময়ে", "স্থানীয় সময়", "এ", "মোতাবেক", "রোজ",
  "on", "at", "date", "time", "local time",
];

/**
 * Places printed before a date in datelines and mastheads ("ঢাকা, রবিবার, ১৩ জুলাই ২০২৫"), and the bylines and
 * edition names printed beside a stamp ("নিজস্ব প্রতিবেদক", "অনলাইন সংস্করণ"); they change nothing.
 */
export const DATELINE_PLACES: readonly string[] = [
  "ঢাকা", "বাংলাদেশ", "কলকাতা", "চট্টগ্রাম", "খুলনা", "রাজশাহী", "সিলেট", "বরিশাল", "রংপুর", "ময়মনসিংহ", "আগরতলা", "শিলিগুড়ি",
  "dhaka", "bangladesh", "kolkata", "chattogram", "chittagong",
  "অনলাইন সংস্করণ", "প্রিন্ট সংস্করণ", "ছাপা সংস্করণ", "অনলাইন ডেস্ক", "ডিজিটাল ডেস্ক", "নিজস্ব প্রতিবেদক", "নিজস্ব সংবাদদাতা",
  "স্টাফ রিপোর্টার", "ডেস্ক রিপোর্ট", "online desk", "staff reporter", "print edition", "online edition",
];

/**
 * "১৩ই", "১লা", "২রা", "৪ঠা", "২১শে": ordinal endings printed after a day number, joined to it or after a space
 * ("১৩ ই"). "এ" counts only when joined: after a space it is the locative "in", as in "২০২৫ এ".
 */
export const ORDINAL_SUFFIXES: readonly string[] = ["ই", "লা", "রা", "ঠা", "শে", "এ", "th", "st", "nd", "rd"];
/** Ordinal endings that may stand after a space. */
export const SPACED_ORDINAL_SUFFIXES: readonly string[] = ["ই", "লা", "রা", "ঠা", "শে", "th", "st", "nd", "rd"];

/** Days 1–4 as words, as in পহেলা বৈশাখ (the Bangla new year) and পয়লা জানুয়ারি. */
export const DAY_WORDS: readonly { names: readonly string[]; day: number }[] = [
  { names: ["পহেলা", "পয়লা", "পহিলা", "পইলা"], day: 1 },
  { names: ["দোসরা"], day: 2 },
  { names: ["তেসরা"], day: 3 },
  { names: ["চৌঠা"], day: 4 },
];

/** Words after an hour number meaning "o'clock" (৫টা, ৫টায়, ৫টার দিকে) or after a clock time (৫.০০ ঘটিকায়). */
export const HOUR_WORDS: readonly string[] = ["টা", "টায়", "টার", "ঘটিকা", "ঘটিকায়", "ঘটিকার", "o'clock"];
/** Words after minutes ("২৮ মিনিট", "২৮ মিনিটে") and after seconds ("১৫ সেকেন্ড"). */
export const MINUTE_WORDS: readonly string[] = ["মিনিট", "মিনিটে", "মিনিটের", "মিঃ", "মি", "min", "mins"];
/** Words after seconds in a spoken time ("১৫ সেকেন্ড"). */
export const SECOND_WORDS: readonly string[] = ["সেকেন্ড", "সেকেন্ডে", "সেকেন্ডের", "sec", "secs"];
/** Words that may follow a spoken time and change nothing ("৫টার দিকে" = around five, "বাজে" = strikes). */
export const TIME_FILLER_WORDS: readonly string[] = ["দিকে", "বাজে", "নাগাদ", "বেজে", "নাগাত"];
/**
 * The newsroom clock: four digits and ঘণ্টা, as wire services print the time ("২০১৫ ঘণ্টা" = 20:15). Without আগে
 * after it; "২০১৫ ঘণ্টা আগে" is an age.
 */
export const NEWSROOM_HOURS_WORDS: readonly string[] = ["ঘণ্টা", "ঘন্টা", "ঘণ্টায়", "ঘন্টায়", "hrs"];

/** Before noon, in Bengali and English; "a.m." and "p.m." are read with their dots too. */
export const AM_WORDS: readonly string[] = ["am", "এএম", "এ এম", "পূর্বাহ্ণ", "পূর্বাহ্ন", "পূর্বাহ্নে", "পূর্বাহ্ণে"];
/** After noon. */
export const PM_WORDS: readonly string[] = ["pm", "পিএম", "পি এম", "অপরাহ্ণ", "অপরাহ্ন", "অপরাহ্নে", "অপরাহ্ণে"];

/**
 * Periods of the day in spoken times, with the hours (1–12 as spoken) each may name and how to read them on the
 * 24-hour clock. রাত covers the evening (৭–১১ → 19–23) and the small hours (১২ → 00, ১–৪ → 01–04) of the
 * printed date; "দিবাগত রাত" shifts the small hours to the next day (see docs/dates.md). The hours are those
 * speech uses and those CLDR, date-fns and moment print (বিকাল for 12–19, দুপুর for 10–16): a period never
 * names one spoken hour twice, so widening it cannot change how another reads.
 */
export interface DayPeriod {
  names: readonly string[];
  /** Spoken hours this period admits. */
  hours: readonly number[];
  /** Spoken hour → hour on the 24-hour clock. */
  to24(hour: number): number;
}

/**
 * A period's forms from its stems: the bare word, the locative (সকালে, সন্ধ্যায়, রাত্রিতে), the genitive (সকালের),
 * and the -বেলা forms joined or after a space (সকালবেলা, সকালবেলায়, সকাল বেলায়, সকালবেলাতে).
 */
function periodForms(consonantStems: readonly string[], vowelStems: readonly string[], more: readonly string[] = []): string[] {
  const bela = (stem: string) => ["বেলা", "বেলায়", "বেলাতে", "বেলার"].flatMap((b) => [stem + b, `${stem} ${b}`]);
  return [
    ...consonantStems.flatMap((s) => [s, `${s}ে`, `${s}ের`, ...bela(s)]),
    ...vowelStems.flatMap((s) => [s, `${s}য়`, `${s}তে`, `${s}র`, ...bela(s)]),
    ...more,
  ];
}

/** The periods of the day, each with its forms, the spoken hours it names and their 24-hour reading. */
export const DAY_PERIODS: readonly DayPeriod[] = [
  { names: periodForms(["ভোর", "ভোররাত"], [], ["প্রত্যুষে", "ভোর রাত", "ভোর রাতে"]), hours: [3, 4, 5, 6], to24: (h) => h },
  { names: periodForms(["সকাল"], [], ["morning"]), hours: [4, 5, 6, 7, 8, 9, 10, 11], to24: (h) => h },
  { names: periodForms(["দুপুর", "ভরদুপুর", "মধ্যাহ্ন"], [], ["noon"]), hours: [10, 11, 12, 1, 2, 3, 4], to24: (h) => (h >= 10 || h === 12 ? h : h + 12) },
  { names: periodForms(["বিকেল", "বিকাল"], [], ["afternoon"]), hours: [12, 1, 2, 3, 4, 5, 6, 7], to24: (h) => (h === 12 ? 12 : h + 12) },
  { names: periodForms([], ["সন্ধ্যা", "সন্ধে", "সন্ধ্যে"], ["evening"]), hours: [5, 6, 7, 8, 9, 10, 11], to24: (h) => h + 12 },
  { names: periodForms(["রাত"], ["রাত্রি"], ["রাত্রে", "রাতের বেলা", "রাতের বেলায়", "রাতেরবেলা", "রাতেরবেলায়", "night"]), hours: [7, 8, 9, 10, 11, 12, 1, 2, 3, 4], to24: (h) => (h >= 7 && h <= 11 ? h + 12 : h === 12 ? 0 : h) },
  { names: periodForms(["মধ্যরাত", "মাঝরাত", "গভীর রাত"], [], ["midnight"]), hours: [11, 12, 1, 2, 3], to24: (h) => (h === 11 ? 23 : h === 12 ? 0 : h) },
  { names: periodForms(["শেষরাত", "শেষ রাত"], []), hours: [1, 2, 3, 4, 5], to24: (h) => h },
  { names: ["বেলা", "বেলায়"], hours: [9, 10, 11, 12, 1, 2, 3, 4], to24: (h) => (h >= 9 || h === 12 ? h : h + 12) },
];

/** "দিবাগত রাত": the night after the printed day, so the small hours belong to the next date. */
export const NIGHT_AFTER_WORDS: readonly string[] = ["দিবাগত"];

/** Quarter-hour words of spoken Bengali time: সাড়ে ৫টা = 5:30, সোয়া ৫টা = 5:15, পৌনে ৬টা = 5:45. */
export const QUARTER_WORDS: readonly { names: readonly string[]; minutes: number }[] = [
  { names: ["সাড়ে"], minutes: 30 },
  { names: ["সোয়া"], minutes: 15 },
  { names: ["পৌনে"], minutes: -15 },
];

/** Spoken half hours without digits: দেড়টা = 1:30, আড়াইটা = 2:30 (a period of the day still says which half). */
export const HALF_HOUR_WORDS: readonly { names: readonly string[]; hour: number; minute: number }[] = [
  { names: ["দেড়টা", "দেড়টায়", "দেড়টার"], hour: 1, minute: 30 },
  { names: ["আড়াইটা", "আড়াইটায়", "আড়াইটার"], hour: 2, minute: 30 },
];

/**
 * Units of ages, resolved against an injected now. `ms` units are exact; `months` units (মাস, বছর) are counted
 * on the calendar in the zone and give only a day, with the note `date.approximate-age`.
 */
export const RELATIVE_UNITS: readonly { names: readonly string[]; ms: number; months: number; precision: "second" | "minute" | "day" }[] = [
  { names: ["সেকেন্ড", "seconds", "second", "sec", "secs"], ms: 1000, months: 0, precision: "second" },
  { names: ["মিনিট", "minutes", "minute", "min", "mins"], ms: 60_000, months: 0, precision: "minute" },
  { names: ["ঘণ্টা", "ঘন্টা", "hours", "hour", "hr", "hrs"], ms: 3_600_000, months: 0, precision: "minute" },
  { names: ["দিন", "days", "day"], ms: 86_400_000, months: 0, precision: "day" },
  { names: ["সপ্তাহ", "weeks", "week"], ms: 7 * 86_400_000, months: 0, precision: "day" },
  { names: ["মাস", "months", "month"], ms: 0, months: 1, precision: "day" },
  { names: ["বছর", "years", "year"], ms: 0, months: 12, precision: "day" },
];
/** Words that make a number and a unit an age: "২ ঘণ্টা আগে". */
export const AGO_WORDS: readonly string[] = ["আগে", "পূর্বে", "ago"];
/** Words for one before a unit of an age, as moment and English pages print them: "এক ঘন্টা আগে", "an hour ago". */
export const ONE_WORDS: readonly string[] = ["এক", "a", "an", "one"];
/** Now itself, to the minute. */
export const JUST_NOW_WORDS: readonly string[] = ["এইমাত্র", "এই মাত্র", "এখনই", "just now"];
/**
 * Days named relative to now: আজ = today, গতকাল = yesterday, গত পরশু = the day before. Before an explicit date,
 * আজ/today is a masthead's label ("আজ রবিবার, ৫ জানুয়ারি ২০২৫"), not a relative day.
 */
export const RELATIVE_DAYS: readonly { names: readonly string[]; days: number }[] = [
  { names: ["আজ", "আজকে", "today"], days: 0 },
  { names: ["গতকাল", "গত কাল", "গতকালকে", "yesterday"], days: -1 },
  { names: ["গত পরশু", "গতপরশু"], days: -2 },
];

/** Words that introduce an explicit offset ("GMT+6", "GMT +৬", "UTC+06:00", or alone for UTC). */
export const OFFSET_WORDS: readonly string[] = ["gmt", "utc", "জিএমটি", "ইউটিসি"];

/**
 * Zone names and abbreviations after a time, as ICU and newsrooms print them. Each is a fixed offset, an IANA
 * zone (whose offset at that date is used), or — for the abbreviations that name several zones — one meaning per
 * site zone and a refusal (`date.ambiguous-zone`) in any other. BST is Bangladesh Standard Time and British Summer
 * Time; BDT is Bangladesh (Daylight) Time on Bangladeshi sites and unknown elsewhere; IST is India Standard Time,
 * except on sites in Ireland or Israel, whose IST is their own.
 */
export interface ZoneName {
  names: readonly string[];
  /** Minutes east of UTC, or the IANA zone whose offset applies. */
  meaning?: { offsetMinutes: number } | { zone: string };
  /** For abbreviations of several zones: the meaning on a site in each zone; refused in any other. */
  bySiteZone?: Readonly<Record<string, { offsetMinutes: number } | { zone: string }>>;
  /** Site zones in which the abbreviation means something else, so it is refused. */
  refusedIn?: readonly string[];
}
/** The zone names and abbreviations the reader knows (docs/dates.md, "Zones and zone abbreviations"). */
export const ZONE_NAMES: readonly ZoneName[] = [
  { names: ["coordinated universal time", "স্থানাংকিত আন্তর্জাতিক সময়", "greenwich mean time", "গ্রিনিচ মান সময়", "গ্রীনিচ মান সময়"], meaning: { offsetMinutes: 0 } },
  {
    names: ["ist", "আইএসটি", "india standard time", "indian standard time", "india time", "ভারতীয় মানক সময়", "ভারতীয় মান সময়", "ভারতীয় সময়", "ভারতের সময়"],
    meaning: { offsetMinutes: 330 },
    refusedIn: ["Europe/Dublin", "Asia/Jerusalem", "Asia/Tel_Aviv", "Israel", "Eire"],
  },
  {
    names: ["bangladesh standard time", "bangladesh time", "dhaka time", "বাংলাদেশ মানক সময়", "বাংলাদেশ মান সময়", "বাংলাদেশ সময়", "বাংলাদেশের সময়", "ঢাকা সময়", "ঢাকার সময়"],
    meaning: { zone: "Asia/Dhaka" },
  },
  { names: ["british summer time", "ব্রিটিশ গ্রীষ্মকালীন সময়"], meaning: { offsetMinutes: 60 } },
  { names: ["united kingdom time", "uk time", "যুক্তরাজ্য সময়"], meaning: { zone: "Europe/London" } },
  {
    names: ["bst", "বিএসটি"],
    bySiteZone: { "Asia/Dhaka": { zone: "Asia/Dhaka" }, "Asia/Dacca": { zone: "Asia/Dhaka" }, "Europe/London": { offsetMinutes: 60 } },
  },
  { names: ["bdt", "বিডিটি"], bySiteZone: { "Asia/Dhaka": { zone: "Asia/Dhaka" }, "Asia/Dacca": { zone: "Asia/Dhaka" } } },
];
