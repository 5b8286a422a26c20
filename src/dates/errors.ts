/** Why a text is not a date: a stable code, where (character offset in the input), what was found, what is accepted. */
export class DateParseError extends Error {
  readonly code: string;
  readonly offset: number;
  readonly found: string;
  readonly expected: string;

  constructor(code: string, offset: number, found: string, expected: string, message: string) {
    super(`${message} (at character ${offset}${found ? `, found "${found}"` : ""}); expected ${expected}`);
    this.name = "DateParseError";
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
