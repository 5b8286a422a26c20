import picocolors from "picocolors";
import type { Io } from "./io.js";

/** Below this many files a load is too quick for a progress bar to be anything but flicker. */
const PROGRESS_MIN_FILES = 1000;
/** Redraw at most this often: a terminal repaint per file would cost more than reading it. */
const PROGRESS_INTERVAL_MS = 80;

/** Colour only on a terminal, never when NO_COLOR is set to anything (no-color.org) or the terminal is dumb. */
function wantsColour(io: Pick<Io, "isTTY" | "env">): boolean {
  return io.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}

export type Paint = ReturnType<typeof picocolors.createColors>;

export function paint(io: Pick<Io, "isTTY" | "env">): Paint {
  return picocolors.createColors(wantsColour(io));
}

/** Colours a report's severities and its success line; plain text passes through unchanged without colour. */
export function highlightReport(text: string, colours: Paint): string {
  if (!colours.isColorSupported) return text;
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^(\S.*?: )?(error|warning)( \[[^\]]+\])/, (_, where = "", severity: string, code: string) =>
          `${colours.bold(where)}${severity === "error" ? colours.red(colours.bold(severity)) : colours.yellow(colours.bold(severity))}${colours.dim(code)}`,
        )
        .replace(/^(Built|Checked|Watching)\b/, (word) => colours.green(colours.bold(word)))
        .replace(/^(Nothing was (?:written|replaced))/, (words) => colours.red(words)),
    )
    .join("\n");
}

/** One frame of the loading bar, e.g. `Reading articles [########----------------]  33%  3,300/10,000`. */
export function progressLine(done: number, total: number, width = 24): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `Reading articles [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}  ${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
}

/**
 * A progress callback that draws on a terminal's standard error and does nothing elsewhere (CI logs stay plain);
 * `finish` wipes the bar so the report starts on a clean line.
 */
export function progressBar(io: Io, enabled: boolean): { onProgress?: (done: number, total: number) => void; finish: () => void } {
  if (!enabled || io.isTTY !== true || !io.monotonic) return { finish: () => undefined };
  const clock = io.monotonic;
  let last = -Infinity;
  let drawn = false;
  return {
    onProgress: (done, total) => {
      if (total < PROGRESS_MIN_FILES) return;
      const now = clock();
      if (done !== total && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      drawn = true;
      io.stderr(`\r${progressLine(done, total)}`);
    },
    finish: () => {
      if (drawn) io.stderr("\r\x1b[2K");
    },
  };
}
