// A worker thread's whole job: claim files from the shared counter, normalise them and send the outcomes back, until
// none is left (see workers.ts). Each claim's outcomes go at once, so this thread never holds more than a claim's worth.
import { parentPort, workerData } from "node:worker_threads";
import { CLAIM_FILES, normaliseFile, type WorkerMessage, type WorkerTask } from "./workers.js";

const task = workerData as WorkerTask;
const now = new Date(task.nowMs);
const form = task.sha1 ? "plain" : "live";
for (let start = Atomics.add(task.next, 0, CLAIM_FILES); start < task.files.length; start = Atomics.add(task.next, 0, CLAIM_FILES)) {
  const outcomes = [];
  for (let i = start; i < Math.min(start + CLAIM_FILES, task.files.length); i++) {
    outcomes.push(normaliseFile(task.articlesDir, task.files[i]!, task.config, now, form, task.sha1, task.unless[i]));
  }
  parentPort!.postMessage({ start, outcomes } satisfies WorkerMessage);
}
parentPort!.postMessage({ done: true } satisfies WorkerMessage);
