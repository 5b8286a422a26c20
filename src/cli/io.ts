/** What the CLI touches outside itself, and the exit codes it ends with: shared by every command. */

/** Everything the CLI touches outside itself, so tests run it in-process with fakes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  clock(): Date;
  readStdin(): Promise<string>;
  /** Whether standard output and error are a terminal (progress bar, colour); absent means no. */
  isTTY?: boolean;
  /** Milliseconds from an arbitrary start, for "Done in" and the progress bar's pace; absent means not shown. */
  monotonic?(): number;
  /** A signal that aborts on Ctrl-C (or SIGTERM), for commands that run until stopped (build --watch). */
  interrupt?(): AbortSignal;
}

/** Exit codes (README, "Exit codes"): 0 built, 1 article errors, 2 usage or config error, 3 could not write, 4 hub not notified. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, writeFailed: 3, pingFailed: 4 } as const;

/**
 * When whoever reads standard output goes away (`patrika build --help | head -1`, `patrika date < dates.txt |
 * head -1`), end quietly with `exit` instead of dying of the EPIPE error on the stream.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    exit(EXIT.ok);
  });
}

/** The placeholder address `init` writes when no --site-url is given (here, so that help shows it without loading init). */
export const DEFAULT_SITE_URL = "https://www.example.com";
