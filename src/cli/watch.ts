import { dirname, resolve, sep } from "node:path";
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
  const noticed = (path: string) => {
    if (options.signal.aborted) return;
    changed.add(resolve(path)); // one name per path, however chokidar spelled it
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, options.debounceMs ?? 150);
  };
  const watchPaths = () => {
    const made = watch([...paths], {
      ignoreInitial: true,
      ignored: (path: string) => ignored.some((dir) => resolve(path).startsWith(dir)) || /(^|[/\\])\.patrika-cache([/\\]|$)/.test(path),
    });
    made.on("all", (_event, path) => noticed(path));
    return made;
  };
  let watcher = watchPaths();
  let replacing: Promise<void> = Promise.resolve();
  // A watched folder removed and made again (rm -r, a checkout, a sync tool) is a new folder that the watcher above
  // never saw, and it went deaf. Each watched path's parent is watched one level deep; when a watched path appears
  // again, every path is watched anew. (A folder moved away and back keeps its watch: the watch follows the folder.)
  const roots = new Set(paths.map((path) => resolve(path)));
  const parents = watch([...new Set([...roots].map((root) => dirname(root)))], { ignoreInitial: true, depth: 0 });
  parents.on("all", (event, path) => {
    if (!roots.has(resolve(path))) return;
    if (event !== "addDir" || options.signal.aborted) return noticed(path);
    // The old watcher is closed before the new one starts (chokidar shares one OS watch per path between watchers),
    // and the rebuild waits until the new one listens: a file saved after that rebuild's report is always seen.
    const old = watcher;
    replacing = old.close().then(async () => {
      if (options.signal.aborted) return;
      watcher = watchPaths();
      await new Promise<void>((ready) => watcher.once("ready", ready));
      noticed(path);
    });
  });
  await Promise.all([watcher, parents].map((w) => new Promise<void>((ready) => w.once("ready", ready))));
  options.onReady?.();
  if (!options.signal.aborted) await new Promise<void>((stop) => options.signal.addEventListener("abort", () => stop(), { once: true }));
  if (timer) clearTimeout(timer);
  await replacing;
  await Promise.all([watcher.close(), parents.close()]);
  await running;
}
