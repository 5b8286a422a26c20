// A worker thread's whole job: normalise its share of the files and send the outcomes back (see workers.ts).
import { parentPort, workerData } from "node:worker_threads";
import { normaliseFile, WORKER_BATCH, type FileOutcome, type WorkerTask } from "./workers.js";

const task = workerData as WorkerTask;
const now = new Date(task.nowMs);
// Sent a batch at a time, so this thread never holds its whole share's outcomes (at 100,000 articles that was a
// quarter of the build's peak memory) and the main thread takes them in as they come.
let batch: FileOutcome[] = [];
task.files.forEach((file, i) => {
  batch.push(normaliseFile(task.articlesDir, file, task.config, now, task.sha1 ? "plain" : "live", task.sha1, task.unless[i]));
  if (batch.length === WORKER_BATCH || i === task.files.length - 1) {
    parentPort!.postMessage(batch);
    batch = [];
  }
});
