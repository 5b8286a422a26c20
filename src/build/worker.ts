// A worker thread's whole job: claim files from the shared counter, normalise them and send the outcomes back, until
// none is left (see workers.ts). Each claim's outcomes go at once, so this thread never holds more than a claim's worth.
import { parentPort, workerData } from "node:worker_threads";
import { claims, normaliseFile, type WorkerMessage, type WorkerTask } from "./workers.js";

const task = workerData as WorkerTask;
const now = new Date(task.nowMs);
const form = task.sha1 ? "plain" : "live";
for (const [start, end] of claims(task.next, task.files.length)) {
  const outcomes = [];
  for (let i = start; i < end; i++) {
    outcomes.push(normaliseFile(task.articlesDir, task.files[i]!, task.config, now, form, task.sha1, task.unless[i]));
  }
  parentPort!.postMessage({ start, outcomes } satisfies WorkerMessage);
}
parentPort!.postMessage({ done: true } satisfies WorkerMessage);
