import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { codeOf, exists, NO_HARD_LINKS, type WriteIo } from "./io.js";

/** The lock file a build holds in its output folder while it writes. */
export const LOCK_FILE = ".patrika.lock";

/**
 * What a lock says about the build that holds it. A process id alone is not enough (any live process, say 1, would
 * block every build): the id, the process's start time and the machine's boot id together name one process for
 * certain; the token tells two builds of one process apart.
 */
interface Holder {
  tool: "patrika";
  pid: number;
  /** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux). */
  start?: string;
  /** /proc/sys/kernel/random/boot_id: a restart makes every earlier lock stale (Linux). */
  boot?: string;
  host: string;
  token: string;
}

/** Another build holds the output folder. */
export class OutputLockedError extends Error {
  constructor(
    readonly outDir: string,
    readonly pid: number,
    /** The machine the holder runs on, when it is not this one (a shared network folder). */
    readonly host?: string,
  ) {
    const lock = join(outDir, LOCK_FILE);
    super(
      host === undefined
        ? `another patrika build (process ${pid}) is writing ${outDir}; wait for it to finish. To tell: \`ps -o pid,lstart,args -p ${pid}\` shows that process; if it is not a patrika build, delete ${lock}`
        : `another patrika build (process ${pid} on ${host}) is writing ${outDir}; patrika cannot see processes on another machine: wait for it to finish, or delete ${lock} if no build is running on ${host}`,
    );
    this.name = "OutputLockedError";
  }
}

/** The lock tokens this process holds now: a lock with our id but another token is an earlier call's leftover. */
const heldHere = new Set<string>();

/** A lock this build holds. */
export interface Lock {
  release(): Promise<void>;
}

/**
 * Takes the folder's lock, or throws OutputLockedError naming the build that holds it. A lock whose holder is gone
 * (a dead process, a process id reused since, a machine restarted since, garbage) is taken over.
 */
export async function acquireLock(outDir: string, io: WriteIo): Promise<Lock> {
  const path = join(outDir, LOCK_FILE);
  const token = randomBytes(8).toString("hex");
  const content = `${JSON.stringify({ ...identity(), token } satisfies Holder)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createLock(io, path, content)) {
      heldHere.add(token);
      await removeAsides(io, outDir).catch(() => undefined); // tidiness only: never a reason to fail holding the lock
      return { release: () => release(io, path, content, token) };
    }
    const seen = await readLock(path);
    if (seen === undefined) continue; // released meanwhile
    const verdict = judge(seen);
    if (verdict.held) throw new OutputLockedError(outDir, verdict.pid, verdict.host);
    await takeOver(io, path, seen, join(outDir, `${LOCK_FILE}.${token}${ASIDE}`));
  }
  throw new Error(`could not take the lock ${path}: other builds kept taking it`);
}

/** Creates the lock exclusively: true when created, false when one is there. A lock half-written is removed again. */
async function createLock(io: WriteIo, path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await io.create(path);
  } catch (error) {
    if (codeOf(error) === "EEXIST") return false;
    throw error;
  }
  let open = true;
  try {
    await handle.write(content);
    open = false;
    await handle.close();
  } catch (error) {
    if (open) await handle.close().catch(() => undefined);
    await io.remove(path);
    throw error;
  }
  return true;
}

/** The name a stale lock is moved to while it is taken over. */
const ASIDE = "-stale.tmp";

/** Stale locks moved aside by a build killed while taking one over; a live lock moved aside by a racing build stays. */
async function removeAsides(io: WriteIo, outDir: string): Promise<void> {
  const names = (await readdir(outDir).catch(() => [] as string[])).filter((name) => name.startsWith(`${LOCK_FILE}.`) && name.endsWith(ASIDE));
  for (const name of names) {
    const text = await readFile(join(outDir, name), "utf8").catch(() => undefined);
    if (text !== undefined && !judge(text).held) await io.remove(join(outDir, name));
  }
}

/** The lock's text; undefined when there is none. An empty lock is read again once: an older patrika fills it just after creating it. */
async function readLock(path: string): Promise<string | undefined> {
  for (let attempt = 0; ; attempt++) {
    const text = await readFile(path, "utf8").catch((error: unknown) => {
      if (codeOf(error) === "ENOENT") return undefined;
      throw error;
    });
    if (text === undefined || text.trim() !== "" || attempt > 0) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Moves the stale lock aside under a name of our own, then checks it is the one we judged: if another build took
 * the lock over in between, theirs is put back. Only one build can move a given file, so no two take over at once.
 */
async function takeOver(io: WriteIo, path: string, seen: string, aside: string): Promise<void> {
  try {
    await io.rename(path, aside);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return; // another build took it over first
    throw error;
  }
  const moved = await readFile(aside, "utf8").catch(() => undefined);
  if (moved !== undefined && moved !== seen) {
    // A live lock: put it back, unless a third build has taken the lock meanwhile.
    await io.link(aside, path).catch(async (error: unknown) => {
      if (NO_HARD_LINKS.has(codeOf(error) ?? "") && !(await exists(path))) await io.rename(aside, path);
    });
  }
  await io.remove(aside);
}

async function release(io: WriteIo, path: string, content: string, token: string): Promise<void> {
  heldHere.delete(token);
  if ((await readFile(path, "utf8").catch(() => undefined)) === content) await io.remove(path); // never another build's lock
}

type Verdict = { held: true; pid: number; host?: string } | { held: false };

/** Whether the lock's text names a live build. Anything patrika never writes is stale. */
function judge(text: string): Verdict {
  const trimmed = text.trim();
  if (/^\d{1,9}$/.test(trimmed)) return judgeBarePid(Number(trimmed));
  let holder: unknown;
  try {
    holder = JSON.parse(trimmed);
  } catch {
    return { held: false };
  }
  return isHolder(holder) ? judgeHolder(holder) : { held: false };
}

function isHolder(value: unknown): value is Holder {
  const h = value as Partial<Holder> | null;
  return (
    typeof h === "object" && h !== null && h.tool === "patrika" && Number.isSafeInteger(h.pid) && h.pid! > 0 &&
    typeof h.host === "string" && typeof h.token === "string" && (h.start === undefined || typeof h.start === "string") &&
    (h.boot === undefined || typeof h.boot === "string")
  );
}

function judgeHolder(holder: Holder): Verdict {
  const me = identity();
  const held: Verdict = { held: true, pid: holder.pid };
  if (holder.host !== me.host) return { ...held, host: holder.host }; // cannot look: assume it runs
  if (holder.boot !== undefined && me.boot !== undefined && holder.boot !== me.boot) return { held: false };
  if (holder.pid === process.pid) return heldHere.has(holder.token) ? held : { held: false };
  if (!isAlive(holder.pid)) return { held: false };
  const start = startOf(holder.pid);
  if (holder.start !== undefined && start !== undefined) return start === holder.start ? held : { held: false }; // else the id was reused
  return held; // no /proc here: a live process with that id may be the build
}

/**
 * A lock from patrika 0.1 holds only a process id. It is a live build only if that process is alive and is a Node
 * process (or names patrika); where /proc cannot say, it is assumed to be one.
 */
function judgeBarePid(pid: number): Verdict {
  if (pid === 0 || pid === process.pid || !isAlive(pid)) return { held: false };
  const argv = argvOf(pid);
  if (argv === undefined) return { held: true, pid };
  const node = /(^|\/)(node|nodejs)[\d.]*$/.test(argv[0] ?? "") || argv.some((arg) => /patrika/i.test(arg));
  return node ? { held: true, pid } : { held: false };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === "EPERM";
  }
}

let mine: Omit<Holder, "token"> | undefined;

/** This process as a lock names it. */
function identity(): Omit<Holder, "token"> {
  mine ??= { tool: "patrika", pid: process.pid, start: startOf(process.pid), boot: readProc("/proc/sys/kernel/random/boot_id")?.trim(), host: hostname() };
  return mine;
}

/** Field 22 of /proc/<pid>/stat (starttime); the process name in field 2 may hold spaces and parentheses. */
function startOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function argvOf(pid: number): string[] | undefined {
  const cmdline = readProc(`/proc/${pid}/cmdline`);
  return cmdline === undefined || cmdline === "" ? undefined : cmdline.split("\0").filter(Boolean);
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
