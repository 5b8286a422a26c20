// A worker thread's whole job: normalise its share of the files and send the outcomes back (see workers.ts).
import { parentPort, workerData } from "node:worker_threads";
import { normaliseFile, type WorkerTask } from "./workers.js";

const task = workerData as WorkerTask;
const now = new Date(task.nowMs);
parentPort!.postMessage(task.files.map((file, i) => normaliseFile(task.articlesDir, file, task.config, now, "plain", task.sha1, task.unless[i])));
