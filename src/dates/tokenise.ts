/**
 * Text → tokens: numbers, words and punctuation, each with its offsets in the original text, in the form the
 * lexicon is matched in (ASCII digits, canonical decomposition, lower case). Zero-width characters vanish and any
 * run of spaces separates; nothing else is dropped.
 */

/** A number, word or punctuation mark of a date text. */
export interface Token {
  kind: "num" | "word" | "punct";
  /** Normalised text: ASCII digits, canonical decomposition, lower case. */
  text: string;
  /** Offsets of the token in the original input. */
  start: number;
  end: number;
}

const LETTER = /[\p{L}\p{M}']/u;
const decomposed = new Map<string, string>();

/** One character as matched: NFD (so য় typed precomposed or with a nukta reads alike) and lower case. */
function normaliseChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Hot path: Bengali letters and marks are already in matching form, except ো ৌ ড় ঢ় য়, which decompose.
  if (code >= 0x0980 && code <= 0x09ff && code !== 0x09cb && code !== 0x09cc && code !== 0x09dc && code !== 0x09dd && code !== 0x09df) return ch;
  let out = decomposed.get(ch);
  if (out === undefined) {
    out = ch.normalize("NFD").toLowerCase().replace(/[‘’ʼ`]/g, "'");
    decomposed.set(ch, out);
  }
  return out;
}

/** A lexicon word in matching form. */
export function normaliseWord(word: string): string {
  return [...word].map(normaliseChar).join("").replace(/অা/g, "আ").replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6));
}

function isLetter(code: number): boolean {
  if (code >= 0x0980 && code <= 0x09ff) return code !== 0x0983 && code !== 0x09e4 && code !== 0x09e5; // Bengali block, less ঃ । ॥
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return true;
  return code > 0x7f && LETTER.test(String.fromCodePoint(code));
}

/** JavaScript's `\s`, without a regular expression per character. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** Whether a character of a word is already in matching form (so the word's text can be sliced, not rebuilt). */
function isPlainLetter(code: number): boolean {
  if (code >= 0x0980 && code <= 0x09ff) return code !== 0x09cb && code !== 0x09cc && code !== 0x09dc && code !== 0x09dd && code !== 0x09df;
  return code >= 0x61 && code <= 0x7a;
}

/** The matching form of a stretch of one word or number in the input, dropping zero-width characters. */
function rebuild(text: string, start: number, end: number, kind: "num" | "word"): string {
  let out = "";
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    i += ch.length;
    if (isZeroWidth(code)) continue;
    out += kind === "word" ? normaliseChar(ch) : code >= 0x09e6 && code <= 0x09ef ? String(code - 0x09e6) : ch;
  }
  // অ followed by the vowel sign া is আ as text converted from the Bijoy keyboard's fonts spells it (অাগস্ট).
  return kind === "word" ? out.replace(/অা/g, "আ") : out;
}

/** ' and the marks typed for it (‘ ’ ʼ `): part of a word inside one (শা‘বান, o'clock), punctuation elsewhere. */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x02bc || code === 0x60;
}

/** A punctuation mark as matched: the dashes and minus sign as "-", the danda and double danda as "|". */
function punctText(text: string, code: number, start: number, end: number): string {
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return "-";
  return code === 0x0964 || code === 0x0965 ? "|" : text.slice(start, end);
}

function isZeroWidth(code: number): boolean {
  return code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/**
 * Splits text into numbers, words and punctuation; zero-width characters vanish, any space separates.
 * Written as one loop without closures: it runs on every character of every date the full scanner reads.
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  // The token being built: its kind, where it starts and ends, and whether its text can be sliced as it stands.
  let kind: "num" | "word" | undefined;
  let start = 0;
  let end = 0;
  let plain = true;
  for (let i = 0; i <= text.length; ) {
    let code = i < text.length ? text.charCodeAt(i) : 0x20; // a space past the end flushes the last token
    let next = i + 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(i)!;
      next = i + (code > 0xffff ? 2 : 1);
    }
    if (isZeroWidth(code)) {
      plain = false;
      i = next;
      continue;
    }
    const digit = (code >= 0x30 && code <= 0x39) || (code >= 0x09e6 && code <= 0x09ef);
    const letter = !digit && code !== 0x0983 && (isApostrophe(code) ? kind === "word" : isLetter(code));
    const continues = kind === "num" ? digit : kind === "word" ? letter : false;
    if (!continues && kind) {
      tokens.push({ kind, text: plain ? text.slice(start, end) : rebuild(text, start, end, kind), start, end });
      kind = undefined;
    }
    if (digit || letter) {
      if (!kind) {
        kind = digit ? "num" : "word";
        start = i;
        plain = true;
      }
      if (digit ? code > 0x39 : !isPlainLetter(code) || (code === 0x09be && text.charCodeAt(i - 1) === 0x0985)) plain = false;
      end = next;
    } else if (code === 0x0983) {
      // The Bengali visarga (ঃ) is typed as a colon in date lines: "প্রকাশঃ ১৩ জুলাই".
      tokens.push({ kind: "punct", text: ":", start: i, end: next });
    } else if (i < text.length && !isSpace(code)) {
      tokens.push({ kind: "punct", text: punctText(text, code, i, next), start: i, end: next });
    }
    i = next;
  }
  return tokens;
}
