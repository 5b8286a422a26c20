/** Small pure text helpers shared by the stages. */
import { editDistance } from "./dates/edit-distance.js";

/** 1-based line and column of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The closest known name to `name`, if it is close enough to be a typo. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Quotes a value for a message, shortened so one bad field cannot flood the report. */
export function quote(value: unknown, max = 80): string {
  const text = typeof value === "string" ? JSON.stringify(value) : describeValue(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How a YAML/JSON value reads in an error: its kind and, for scalars, the value. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list (${JSON.stringify(value)})`;
  if (typeof value === "object") return `a mapping (${JSON.stringify(value)})`;
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. With the u flag a lone
// surrogate is one code point outside these ranges, so it is removed too. ZWJ/ZWNJ are legal and kept.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 forbids and nothing else (ZWJ/ZWNJ carry meaning in Bengali and stay). */
export function xmlSafe(text: string): string {
  XML_ILLEGAL.lastIndex = 0;
  return XML_ILLEGAL.test(text) ? text.replace(XML_ILLEGAL, "") : text;
}

/** Collapses runs of whitespace (including line breaks in a folded YAML title) into one space and trims. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
