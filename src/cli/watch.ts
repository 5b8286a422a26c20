import { resolve, sep } from "node:path";
import { watch } from "chokidar";

export interface WatchOptions {
  /** Stops watching; the promise returned by watchAndRun resolves once the last run has finished. */
  signal: AbortSignal;
  /** Quiet time after the last change before a rebuild: an editor's save is often several events. */
  debounceMs?: number;
  /** Paths below these folders never trigger a run (the output and the cache, which the run itself writes). */
  ignoreBelow?: readonly string[];
  /** Called once the watcher is listening. */
  onReady?: () => void;
  /** Called with the paths that changed, before each run. */
  onChange?: (paths: string[]) => void;
}

/**
 * Runs `run` whenever something under `paths` changes, one run at a time: changes during a run queue one more run
 * after it, never a second one in parallel.
 */
export async function watchAndRun(paths: readonly string[], run: () => Promise<void>, options: WatchOptions): Promise<void> {
  const ignored = (options.ignoreBelow ?? []).map((dir) => resolve(dir) + sep);
  const watcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (path: string) => ignored.some((dir) => resolve(path).startsWith(dir)) || /(^|[/\\])\.patrika-cache([/\\]|$)/.test(path),
  });
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const start = () => {
    timer = undefined;
    if (running) {
      again = true; // picked up when the current run ends
      return;
    }
    const batch = [...changed].sort();
    changed.clear();
    options.onChange?.(batch);
    running = run().finally(() => {
      running = undefined;
      if (again && !options.signal.aborted) {
        again = false;
        start();
      }
    });
  };
  watcher.on("all", (_event, path) => {
    if (options.signal.aborted) return;
    changed.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, options.debounceMs ?? 150);
  });
  await new Promise<void>((ready) => watcher.once("ready", ready));
  options.onReady?.();
  if (!options.signal.aborted) await new Promise<void>((stop) => options.signal.addEventListener("abort", () => stop(), { once: true }));
  if (timer) clearTimeout(timer);
  await watcher.close();
  await running;
}
