/** Why a text is not a date: a stable code, where (character offset in the input), what was found, what is accepted. */
export class DateParseError extends Error {
  readonly code: string;
  readonly offset: number;
  readonly found: string;
  readonly expected: string;
  /** What is wrong, in a few words, without the location (the message adds offset, found and expected). */
  readonly reason: string;

  constructor(code: string, offset: number, found: string, expected: string, reason: string, cause?: unknown) {
    super(`${reason} (at character ${offset}${found ? `, found "${found}"` : ""}); expected ${expected}`, cause === undefined ? undefined : { cause });
    this.name = "DateParseError";
    this.reason = reason;
    this.code = code;
    this.offset = offset;
    this.found = found;
    this.expected = expected;
  }
}

/** A non-fatal remark about the text (a disagreeing Bangla date, a set-aside Hijri date, ignored words). */
export interface DateNote {
  code: string;
  message: string;
}
