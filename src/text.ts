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

/** How a YAML/JSON value reads in an error: its kind and, for scalars, the value; at most about 200 characters. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list (${preview(value)})`;
  if (typeof value === "object") return `a mapping (${preview(value)})`;
  if (typeof value === "string") return preview(value);
  return `${typeof value} ${String(value)}`;
}

/** JSON-like text of a value, cut at `max` characters: a value with aliases expanded, or nested or cyclic, never floods or overflows. */
function preview(value: unknown, max = 200): string {
  let out = "";
  const seen = new Set<object>();
  const put = (text: string) => {
    out += text;
    return out.length > max;
  };
  const visit = (v: unknown, depth: number): boolean => {
    if (typeof v === "string") return put(JSON.stringify(v.length > max ? v.slice(0, max) : v));
    if (typeof v !== "object" || v === null) return put(String(v));
    if (depth > 8 || seen.has(v)) return put("…");
    seen.add(v);
    const entries = Array.isArray(v) ? v.map((item) => [undefined, item] as const) : Object.entries(v);
    if (put(Array.isArray(v) ? "[" : "{")) return true;
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i]!;
      if ((i > 0 && put(",")) || (key !== undefined && put(`${JSON.stringify(key)}:`)) || visit(item, depth + 1)) return true;
    }
    seen.delete(v);
    return put(Array.isArray(v) ? "]" : "}");
  };
  visit(value, 0);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** What is wrong with a parsed value's shape, if anything: cyclic, nested deeper than `maxDepth`, or larger than `budget`. */
export type ShapeProblem = "cyclic" | "too-deep" | "too-large";

/**
 * Measures a parsed value as the code downstream will walk it: a shared reference (a YAML alias) counts each time it
 * is reached, a string by its length. Stops as soon as the budget is spent, so a billion-laughs document costs microseconds.
 */
export function shapeProblem(value: unknown, budget: { left: number }, maxDepth: number): ShapeProblem | undefined {
  const ancestors = new Set<object>();
  const visit = (v: unknown, depth: number): ShapeProblem | undefined => {
    budget.left -= typeof v === "string" ? v.length + 1 : 1;
    if (budget.left < 0) return "too-large";
    if (typeof v !== "object" || v === null) return undefined;
    if (ancestors.has(v)) return "cyclic";
    if (depth >= maxDepth) return "too-deep";
    ancestors.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    ancestors.delete(v);
    return undefined;
  };
  return visit(value, 0);
}

/** A lone UTF-16 surrogate (half of a character, from a broken copy and paste or an escape like "\\ud800"). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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
