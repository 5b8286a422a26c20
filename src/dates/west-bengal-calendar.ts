/**
 * The Bangla calendar (বঙ্গাব্দ) as West Bengal's almanacs keep it, ↔ Gregorian dates. Decision, sources and
 * accuracy: docs/adr/0005-west-bengal-calendar.md.
 *
 * A month begins with the sun's entry into a sidereal sign (সংক্রান্তি), computed as the Surya Siddhanta
 * computes it — the reckoning of Gupta Press, P. M. Bagchi and the other traditional (অদৃক) almanacs that West
 * Bengal's newspapers print — not with a modern ephemeris (the দৃক্ school of Bisuddha Siddhanta differs in about a
 * third of all months). The civil day follows the Bengal rule: a সংক্রান্তি between sunrise and midnight starts
 * the month the next day, one after midnight the day after that; since the Hindu day runs from sunrise to sunrise,
 * both amount to "the day after the calendar date (midnight to midnight, Indian Standard Time) of the সংক্রান্তি".
 *
 * Pure arithmetic, no I/O; each year's month starts are computed once and cached.
 */

/** A calendar date: year, month (1–12), day. */
export interface WestBengalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * First Bangla year of the range this calendar is verified over (১ বৈশাখ ১৩৫৭ = 14 April 1950): printed dates of
 * 1952–2025 and the method; what that covers and what it does not is in the ADR.
 */
export const WEST_BENGAL_VERIFIED_FROM = 1357;
/** Last Bangla year of the verified range (its চৈত্র ends on 14 April 2061). */
export const WEST_BENGAL_VERIFIED_TO = 1467;
/**
 * A month whose সংক্রান্তি falls this close (minutes) to the midnight that decides its first day may start a day
 * earlier or later in a printed almanac than here: the largest differences measured against printed almanac
 * moments are under 2 minutes, so this bound is 2.5 times that (see the ADR, "Accuracy").
 */
export const WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES = 5;

const DAY_MS = 86_400_000;
/** Bangla year = Gregorian year − this, from ১ বৈশাখ on. */
const YEAR_OFFSET = 593;
/** Kali Yuga years elapsed at the Gregorian year's মেষ সংক্রান্তি = Gregorian year + this. */
const KALI_OFFSET = 3101;

// Surya Siddhanta (present text) constants, in the formulation of Reingold & Dershowitz, Calendrical Calculations.
/** Civil days in a sidereal year: 1,577,917,828 days per 4,320,000 revolutions of the sun in a mahayuga. */
const SIDEREAL_YEAR = 1_577_917_828 / 4_320_000;
/** The sun's apogee makes 387 revolutions in a kalpa of 4,320,000,000 years, so the anomaly's period is longer. */
const ANOMALISTIC_YEAR = 1_577_917_828_000 / (4_320_000_000 - 387);
/** The Kali Yuga epoch, midnight at Ujjain beginning 18 February 3102 BCE (Julian), as days since 1970-01-01. */
const KALI_EPOCH = 588_465.5 - 2_440_587.5;
/** Ujjain, the Surya Siddhanta's prime meridian (75°46′06″ E), as a fraction of a day east of Greenwich. */
const UJJAIN_DAY_FRACTION = (75 + 46 / 60 + 6 / 3600) / 360;
/** Indian Standard Time (UTC+05:30) as a fraction of a day. */
const IST_DAY_FRACTION = 5.5 / 24;
/** Surya Siddhanta II.15–22: the 24 R-sines (radius 3438′) at steps of 3°45′. */
const R_SINES = [0, 225, 449, 671, 890, 1105, 1315, 1520, 1719, 1910, 2093, 2267, 2431, 2585, 2728, 2859, 2978, 3084,
  3177, 3256, 3321, 3372, 3409, 3431, 3438];
const RADIUS = 3438;
const SINE_STEP = 3.75;

/**
 * The sun's mean anomaly at the Kali Yuga epoch, as a fraction of a turn: the anomaly is counted from the creation,
 * 1,955,880,000 sidereal years before the epoch, in which the apogee had made its own slow revolutions. Exact
 * rational arithmetic, since the quotient has 18 digits.
 */
const EPOCH_ANOMALY = (() => {
  // 1,955,880,000 × sidereal year ÷ anomalistic year, with both years as exact fractions.
  const numerator = 1_955_880_000n * 1_577_917_828n * (4_320_000_000n - 387n);
  const denominator = 4_320_000n * 1_577_917_828_000n;
  return Number(((numerator % denominator) * 1_000_000_000_000n) / denominator) / 1e12;
})();

const frac = (x: number) => x - Math.floor(x);

/** Surya Siddhanta sine of an angle in degrees, by linear interpolation in the R-sine table, as a fraction of R. */
function tableSine(degrees: number): number {
  const turn = ((degrees % 360) + 360) % 360;
  const sign = turn < 180 ? 1 : -1;
  const half = turn % 180;
  const position = (half > 90 ? 180 - half : half) / SINE_STEP;
  const below = Math.floor(position);
  const low = R_SINES[below]!;
  const high = R_SINES[Math.min(below + 1, 24)]!;
  return (sign * (low + (position - below) * (high - low))) / RADIUS;
}

/** Inverse of tableSine for |value| ≤ 1, in degrees. */
function tableArcsine(value: number): number {
  if (value < 0) return -tableArcsine(-value);
  const target = value * RADIUS;
  let step = 1;
  while (step < 24 && R_SINES[step]! < target) step++;
  const low = R_SINES[step - 1]!;
  return SINE_STEP * (step - 1 + (target - low) / (R_SINES[step]! - low));
}

/** The sun's true sidereal longitude (degrees) after `days` Ujjain mean days since the Kali Yuga epoch. */
function solarLongitude(days: number): number {
  const mean = 360 * frac(days / SIDEREAL_YEAR);
  const anomalySine = tableSine(360 * frac(days / ANOMALISTIC_YEAR + EPOCH_ANOMALY));
  // The manda epicycle is 14° at the apsides and shrinks by 20′ towards the quadrants.
  const epicycle = (14 - Math.abs(anomalySine) / 3) / 360;
  return mean - tableArcsine(anomalySine * epicycle);
}

/** The moment of the sun's entry into sign `sign` (0 = মেষ) in Kali year `kaliYear`, in Ujjain days since the epoch. */
function sankranti(kaliYear: number, sign: number): number {
  const mean = (kaliYear + sign / 12) * SIDEREAL_YEAR;
  const target = sign * 30;
  // The equation of centre never exceeds 2¼°, so the true entry is within 3 days of the mean one.
  let low = mean - 3;
  let high = mean + 3;
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2;
    const ahead = ((((solarLongitude(middle) - target) % 360) + 540) % 360) - 180;
    if (ahead < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** A সংক্রান্তি moment (Ujjain days since the epoch) as fractional days since 1970-01-01 in Indian Standard Time. */
const toIstDays = (ujjainDays: number) => ujjainDays + KALI_EPOCH - UJJAIN_DAY_FRACTION + IST_DAY_FRACTION;

interface YearTable {
  /** Day numbers (days since 1970-01-01) of ১ বৈশাখ … ১ চৈত্র and of the next ১ বৈশাখ. */
  starts: Int32Array;
  /** Minutes from the midnight that decides each month's first day to its সংক্রান্তি (negative = before). */
  margins: Float64Array;
}

const years = new Map<number, YearTable>();

/** Month starts of a Bangla year, computed once. */
function yearTable(banglaYear: number): YearTable {
  const cached = years.get(banglaYear);
  if (cached) return cached;
  const kaliYear = banglaYear + YEAR_OFFSET + KALI_OFFSET;
  const starts = new Int32Array(13);
  const margins = new Float64Array(13);
  for (let month = 0; month <= 12; month++) {
    const ist = toIstDays(sankranti(kaliYear + Math.floor(month / 12), month % 12));
    const civilDay = Math.floor(ist);
    starts[month] = civilDay + 1;
    const sinceMidnight = (ist - civilDay) * 1440;
    margins[month] = sinceMidnight < 720 ? sinceMidnight : sinceMidnight - 1440;
  }
  const table = { starts, margins };
  years.set(banglaYear, table);
  return table;
}

const isWholeYear = (year: number) => Number.isSafeInteger(year) && year >= 1 && year <= 9999;

/** Lengths (29–32 days) of the twelve months of a West Bengal Bangla year, index 0 = বৈশাখ. */
export function westBengalMonthLengths(year: number): number[] {
  if (!isWholeYear(year)) throw new RangeError(`Bangla year must be a whole number from 1 to 9999, got ${year}`);
  const { starts } = yearTable(year);
  return Array.from({ length: 12 }, (_, month) => starts[month + 1]! - starts[month]!);
}

/**
 * Gregorian date of a West Bengal Bangla date (month 1 = বৈশাখ), or undefined when that day does not exist in
 * that month of that year.
 * @example westBengalToGregorian(1432, 1, 1) // { year: 2025, month: 4, day: 15 }
 */
export function westBengalToGregorian(year: number, month: number, day: number): WestBengalDate | undefined {
  if (!isWholeYear(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const { starts } = yearTable(year);
  const dayNumber = starts[month - 1]! + day - 1;
  if (dayNumber >= starts[month]!) return undefined;
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The West Bengal Bangla date of a Gregorian date (month 1–12); a RangeError for a day that does not exist or a year
 * outside Bangla years 1–9999.
 * @example gregorianToWestBengal(2025, 4, 14) // { year: 1431, month: 12, day: 31 }
 */
export function gregorianToWestBengal(year: number, month: number, day: number): WestBengalDate {
  if (!isWholeYear(year - YEAR_OFFSET - 1) || !isWholeYear(year - YEAR_OFFSET)) {
    throw new RangeError(`Gregorian year must be a whole number from ${YEAR_OFFSET + 2} to ${9999 + YEAR_OFFSET}, got ${year}`);
  }
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${year}-${month}-${day} is not a Gregorian date`);
  }
  const dayNumber = Math.round(utc / DAY_MS);
  let banglaYear = year - YEAR_OFFSET;
  if (dayNumber < yearTable(banglaYear).starts[0]!) banglaYear -= 1;
  const { starts } = yearTable(banglaYear);
  let m = 0;
  while (dayNumber >= starts[m + 1]!) m++;
  return { year: banglaYear, month: m + 1, day: dayNumber - starts[m]! + 1 };
}

/**
 * Minutes between the সংক্রান্তি that begins a month and the Indian Standard Time midnight that decides its first
 * day (negative: before that midnight). A month whose margin is within WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES may begin
 * a day earlier or later in a printed almanac.
 */
export function westBengalMonthStartMargin(year: number, month: number): number {
  if (!isWholeYear(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`expected a Bangla year 1–9999 and a month 1–12, got ${year}, ${month}`);
  }
  return yearTable(year).margins[month - 1]!;
}

/**
 * Whether a printed almanac may put this Bangla date on the Gregorian day before or after the one
 * westBengalToGregorian gives: its month begins within WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES of midnight, or it is
 * the last day of a month whose successor does. False for dates that do not exist.
 */
export function westBengalDateMayShift(year: number, month: number, day: number): boolean {
  if (!westBengalToGregorian(year, month, day)) return false;
  const near = (y: number, m: number) => Math.abs(westBengalMonthStartMargin(y, m)) < WEST_BENGAL_MIDNIGHT_MARGIN_MINUTES;
  if (near(year, month)) return true;
  const isLastDay = day === westBengalMonthLengths(year)[month - 1];
  return isLastDay && (month === 12 ? isWholeYear(year + 1) && near(year + 1, 1) : near(year, month + 1));
}
