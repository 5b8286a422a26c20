/**
 * Bengali → ASCII slugs for imported articles (docs/import.md, "Slugs"). A plain, stable scheme rather than a
 * scholarly one: consonants take their common Latin spelling, the inherent vowel is "o" and is dropped at a
 * word's end and before a virama, vowel signs replace it, digits become ASCII, anything else separates words.
 * The same headline always gives the same slug.
 */

const CONSONANTS: Record<string, string> = {
  "ক": "k", "খ": "kh", "গ": "g", "ঘ": "gh", "ঙ": "ng", "চ": "ch", "ছ": "chh", "জ": "j", "ঝ": "jh", "ঞ": "n",
  "ট": "t", "ঠ": "th", "ড": "d", "ঢ": "dh", "ণ": "n", "ত": "t", "থ": "th", "দ": "d", "ধ": "dh", "ন": "n",
  "প": "p", "ফ": "f", "ব": "b", "ভ": "bh", "ম": "m", "য": "j", "র": "r", "ল": "l", "শ": "sh", "ষ": "sh",
  "স": "s", "হ": "h", "\u09DC": "r", "\u09DD": "rh", "\u09DF": "y", "ৎ": "t",
};
const VOWELS: Record<string, string> = {
  "অ": "o", "আ": "a", "ই": "i", "ঈ": "i", "উ": "u", "ঊ": "u", "ঋ": "ri", "এ": "e", "ঐ": "oi", "ও": "o", "ঔ": "ou",
};
const SIGNS: Record<string, string> = {
  "া": "a", "ি": "i", "ী": "i", "ু": "u", "ূ": "u", "ৃ": "ri", "ে": "e", "ৈ": "oi", "ো": "o", "ৌ": "ou",
};
const MARKS: Record<string, string> = { "ং": "ng", "ঃ": "h", "ঁ": "" };
const VIRAMA = "্";
// য-phala after a consonant is read as a doubling / "y" glide; written "y" for readability (বন্যা → bonya).
const YA_PHALA_CONSONANT = "য";

/** The longest slug an import writes, cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/** An ASCII slug for a Bengali (or mixed) headline: lower case, words joined by "-". */
export function transliterate(text: string): string {
  // NFC keeps ো and ৌ whole; the nukta letters are folded to their precomposed forms for the table.
  const chars = [
    ...text
      .normalize("NFC")
      .replace(/\u09A1\u09BC/g, "\u09DC")
      .replace(/\u09A2\u09BC/g, "\u09DD")
      .replace(/\u09AF\u09BC/g, "\u09DF")
      .replace(/[\u200C\u200D]/g, ""),
  ];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (ch === "ৎ") {
      out += "t"; // khanda ta never carries a vowel
    } else if (ch in CONSONANTS) {
      const afterVirama = chars[i - 1] === VIRAMA;
      out += afterVirama && ch === YA_PHALA_CONSONANT ? "y" : CONSONANTS[ch];
      if (next === undefined || !(next in SIGNS || next === VIRAMA || /[\u0980-\u09FF]/.test(next)) || next in MARKS) {
        // Word end (or a mark follows): the inherent vowel is silent, except before ং/ঃ where it sounds.
        if (next !== undefined && next in MARKS) out += "o";
      } else if (!(next in SIGNS) && next !== VIRAMA) {
        out += "o";
      }
    } else if (ch in SIGNS) out += SIGNS[ch];
    else if (ch in VOWELS) out += VOWELS[ch];
    else if (ch in MARKS) out += MARKS[ch];
    else if (ch === VIRAMA) continue;
    else if (/[০-৯]/.test(ch)) out += String(ch.charCodeAt(0) - 0x09e6);
    else if (/[A-Za-z0-9]/.test(ch)) out += ch.toLowerCase();
    else out += "-";
  }
  const slug = out.replace(/-+/g, "-").replace(/^-|-$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.lastIndexOf("-", MAX_SLUG_LENGTH);
  return slug.slice(0, cut > MAX_SLUG_LENGTH / 2 ? cut : MAX_SLUG_LENGTH).replace(/-$/, "");
}
