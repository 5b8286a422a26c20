/**
 * The output folder's lock names one live patrika build for certain: a process id alone (1, a dead one, one reused
 * since) blocks nothing; a live build, in another process or in this one, is never run over.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { writeAtomically } from "../../src/write/atomic.js";
import { nodeIo } from "../../src/write/io.js";
import { acquireLock, LOCK_FILE, OutputLockedError } from "../../src/write/lock.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "patrika-lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockPath = () => join(dir, LOCK_FILE);
const startOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[19]!;
const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
const lockOf = (fields: Record<string, unknown>) => `${JSON.stringify({ tool: "patrika", host: hostname(), boot: bootId, token: "0123456789abcdef", ...fields })}\n`;
const deadPid = () => Number(spawnSync("node", ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

/** Takes the lock and releases it: resolves when the lock was judged stale and taken over. */
async function takesOver(): Promise<void> {
  const lock = await acquireLock(dir, nodeIo);
  expect(JSON.parse(readFileSync(lockPath(), "utf8"))).toMatchObject({ tool: "patrika", pid: process.pid, start: startOf(process.pid), host: hostname() });
  await lock.release();
  expect(readdirSync(dir)).toEqual([]);
}

describe("a lock is taken over when its holder is not a live patrika build", () => {
  test.each([
    ["process 1, whose start time is not the one recorded", () => lockOf({ pid: 1, start: "7" })],
    ["a dead process", () => lockOf({ pid: deadPid(), start: "7" })],
    ["a lock written before the machine last started", () => lockOf({ pid: 1, start: startOf(1), boot: "00000000-0000-0000-0000-000000000000" })],
    ["this process, but no build of it holds that lock", () => lockOf({ pid: process.pid, start: startOf(process.pid) })],
    ["garbage", () => "\u0000\u0001 not a lock {"],
    ["JSON that is not patrika's", () => '{"pid": 1}\n'],
    ["an empty lock (read twice: patrika 0.1 filled it just after creating it)", () => ""],
    ["patrika 0.1's bare id of a dead process", () => `${deadPid()}\n`],
  ])("%s", async (_, content) => {
    writeFileSync(lockPath(), content());
    await takesOver();
  });

  test("patrika 0.1's bare id of process 1 (init, not a Node process)", async () => {
    expect(readFileSync("/proc/1/cmdline", "utf8").split("\0")[0]).not.toMatch(/(^|\/)node/); // the premise of this case
    writeFileSync(lockPath(), "1\n");
    await takesOver();
  });

  test("patrika 0.1's bare id of a live process that is not Node (a shell's sleep)", async () => {
    const sleeper = spawn("sleep", ["30"]);
    try {
      writeFileSync(lockPath(), `${sleeper.pid}\n`);
      await takesOver();
    } finally {
      sleeper.kill("SIGKILL");
    }
  });

  test("a live process whose id was recorded with another start time (the id was reused)", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(lockPath(), lockOf({ pid: other.pid, start: String(Number(startOf(other.pid!)) - 1) }));
      await takesOver();
    } finally {
      other.kill("SIGKILL");
    }
  });
});

describe("a live build's lock is never taken over", () => {
  test("a live process with the recorded start time holds it; the message says how to tell", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(lockPath(), lockOf({ pid: other.pid, start: startOf(other.pid!) }));
      const error = await acquireLock(dir, nodeIo).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputLockedError);
      expect((error as Error).message).toBe(
        `another patrika build (process ${other.pid}) is writing ${dir}; wait for it to finish. ` +
          `To tell: \`ps -o pid,lstart,args -p ${other.pid}\` shows that process; if it is not a patrika build, delete ${lockPath()}`,
      );
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    } finally {
      other.kill("SIGKILL");
    }
  });

  test("patrika 0.1's bare id of a live Node process holds it (it may be that build)", async () => {
    const node = spawn("node", ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(lockPath(), `${node.pid}\n`);
      await expect(acquireLock(dir, nodeIo)).rejects.toThrow(`another patrika build (process ${node.pid}) is writing ${dir}`);
    } finally {
      node.kill("SIGKILL");
    }
  });

  test("a lock from another machine holds it: patrika cannot look, and says so", async () => {
    writeFileSync(lockPath(), lockOf({ pid: 4242, host: "build-server-2", boot: "other" }));
    await expect(acquireLock(dir, nodeIo)).rejects.toThrow(
      `another patrika build (process 4242 on build-server-2) is writing ${dir}; patrika cannot see processes on another machine: wait for it to finish, or delete ${lockPath()} if no build is running on build-server-2`,
    );
  });

  test("two builds in one process: the second is refused while the first holds the lock, then may go", async () => {
    const first = await acquireLock(dir, nodeIo);
    await expect(writeAtomically(dir, [{ name: "rss.xml", content: "x" }])).rejects.toBeInstanceOf(OutputLockedError);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    await first.release();
    await writeAtomically(dir, [{ name: "rss.xml", content: "x" }]);
    expect(readdirSync(dir).sort()).toEqual([".patrika-manifest.json", "rss.xml"]);
  });

  test("releasing never removes a lock another build holds", async () => {
    const lock = await acquireLock(dir, nodeIo);
    const other = lockOf({ pid: 1, start: startOf(1) });
    writeFileSync(lockPath(), other);
    await lock.release();
    expect(readFileSync(lockPath(), "utf8")).toBe(other);
  });
});
