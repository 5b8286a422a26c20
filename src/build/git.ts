import { execFile, spawn, type ChildProcess } from "node:child_process";

/**
 * Below this many touched files, git is not asked about the whole folder: hashing the few is cheaper, and git
 * cannot vouch for an edited file anyway (an edit, not a checkout). Asking took 0.2 s at 100,000 files.
 */
export const GIT_MIN_TOUCHED = 100;

/**
 * Content ids git vouches for, by path relative to `dir`: the index's blob id (sha1 of "blob <size>\0<bytes>") of
 * each tracked regular file whose work-tree copy git finds unchanged. After a fresh clone every mtime is new but git's
 * own stat cache is fresh, so this names every file's content without reading one. Undefined outside a work tree or
 * when git is missing or fails: the caller then relies on its own stamps and hashes. The rules are in ADR 0008.
 */
export async function gitBlobIds(dir: string, listings: Promise<GitListings> = gitListings(dir)): Promise<VouchedIds | undefined> {
  try {
    const [[listed, attributes], modified] = await Promise.all([
      listings,
      // --relative: paths relative to `dir`, as ls-files prints them. Read-only: it neither refreshes nor locks the
      // index. Asked once this build has stat-ed the files itself, so its stats may take both cores.
      git(dir, ["-c", "core.preloadIndex=true", "diff-files", "--relative", "--name-only", "-z", "--", "."]),
    ]);
    const excluded = new Set(modified.split("\0").filter((path) => path !== ""));
    // A filter, ident or working-tree-encoding can make work-tree bytes differ from the blob at the same size.
    const fields = attributes.split("\0");
    for (let i = 0; i + 2 < fields.length; i += 3) {
      if (CONVERTING.has(fields[i + 1]!) && fields[i + 2] !== "unset") excluded.add(fields[i]!);
    }
    return new VouchedIds(listed, excluded);
  } catch {
    return undefined;
  }
}

/** What the index lists (`ls-files --stage`) and the attributes of its paths: read from the index alone, no file stat-ed. */
export type GitListings = [listed: string, attributes: string];

/**
 * The index's listings, which stat no file: started as soon as a fresh clone is suspected, while this build stats
 * the files (git's own stat of every file, `diff-files`, waits for gitBlobIds: beside this build's stats, each
 * slowed the other, a fresh clone of 100,000 files spending 0.65 s listing them against 0.43 s alone).
 */
export function gitListings(dir: string): Promise<GitListings> {
  return Promise.all([git(dir, ["ls-files", "--stage", "-v", "-z", "--", "."]), trackedAttributes(dir)]);
}

/**
 * The blob ids of `ls-files --stage` output, read in place: a record's fields are offsets into the text until a
 * listing asks for its files' ids. A Map of 100,000 paths, and looking each listed file up in it, were 140 ms of a
 * build after a fresh clone; walking the records beside the listing, both in path order, is 15 ms.
 */
export class VouchedIds {
  /** Per plain record not excluded: where its id starts, where its path starts and ends. */
  private readonly ids: number[] = [];
  private readonly paths: number[] = [];
  private readonly ends: number[] = [];
  private byPath: Map<string, number> | undefined;
  private readonly listings = new WeakMap<readonly string[], Int32Array>();
  private readonly strings = new WeakMap<readonly string[], readonly (string | undefined)[]>();

  constructor(
    private readonly listed: string,
    excluded: ReadonlySet<string>,
  ) {
    // A path git could not decode as UTF-8 reads back with U+FFFD: two such paths could look the same.
    const undecoded = listed.includes("\uFFFD");
    plainRecords(listed, (idAt, pathAt, end) => {
      const path = excluded.size > 0 || undecoded ? listed.slice(pathAt, end) : undefined;
      if (path !== undefined && (excluded.has(path) || path.includes("\uFFFD"))) return;
      this.ids.push(idAt);
      this.paths.push(pathAt);
      this.ends.push(end);
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** The blob id git vouches for at a path; undefined when none. */
  get(path: string): string | undefined {
    const r = this.recordOf(path);
    return r === undefined ? undefined : this.idOf(r);
  }

  /** The id of each of a listing's files (paths relative to the folder), in its order; undefined where git has none. */
  of(files: readonly string[]): readonly (string | undefined)[] {
    let ids = this.strings.get(files);
    if (!ids) this.strings.set(files, (ids = Array.from(this.records(files), (r) => (r < 0 ? undefined : this.idOf(r)))));
    return ids;
  }

  /**
   * The record of each of a listing's files, in its order, or -1. Git lists paths in byte order, which is the
   * listing's for every path of the Basic Multilingual Plane; a file not at the cursor (not tracked, or in another
   * order) is looked up by path, so the answer is the same either way.
   */
  records(files: readonly string[]): Int32Array {
    const known = this.listings.get(files);
    if (known) return known;
    const records = new Int32Array(files.length);
    let r = 0;
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      // Records no listed file has (images, other folders' files) are passed over while they sort before this file.
      while (r < this.ids.length && !this.isAt(r, file) && this.listed.slice(this.paths[r], this.ends[r]) < file) r++;
      records[i] = r < this.ids.length && this.isAt(r, file) ? r++ : (this.recordOf(file) ?? -1);
    }
    this.listings.set(files, records);
    return records;
  }

  /** Whether record r's id is the sha1 in `bytes` at `at` (20 bytes), compared in place: no string per file. */
  idEquals(r: number, bytes: Uint8Array, at: number): boolean {
    const start = this.ids[r]!;
    if (this.paths[r]! - 3 - start !== 40) return false;
    for (let k = 0; k < 20; k++) {
      const high = HEX[this.listed.charCodeAt(start + 2 * k)] ?? -1;
      const low = HEX[this.listed.charCodeAt(start + 2 * k + 1)] ?? -1;
      if (high < 0 || low < 0 || ((high << 4) | low) !== bytes[at + k]) return false;
    }
    return true;
  }

  private recordOf(path: string): number | undefined {
    if (!this.byPath) {
      this.byPath = new Map();
      for (let r = 0; r < this.ids.length; r++) this.byPath.set(this.listed.slice(this.paths[r], this.ends[r]), r);
    }
    return this.byPath.get(path);
  }

  private isAt(r: number, file: string): boolean {
    return this.ends[r]! - this.paths[r]! === file.length && this.listed.startsWith(file, this.paths[r]);
  }

  private idOf(r: number): string {
    return this.listed.slice(this.ids[r], this.paths[r]! - 3);
  }
}

/** The value of each lower-case hex digit by its character code (git prints ids in lower case); -1 for any other. */
const HEX = Int8Array.from({ length: 128 }, (_, code) => "0123456789abcdef".indexOf(String.fromCharCode(code)));

/**
 * Calls `visit` with the offsets of each record in `ls-files --stage -v -z` output that is a plain regular file: tag
 * H (not h assume-unchanged, not S skip-worktree), mode 100644 or 100755 (not a link or submodule), stage 0 (no
 * conflict). A record is "<tag> <mode> <blob id> <stage>\t<path>\0".
 */
function plainRecords(listed: string, visit: (idAt: number, pathAt: number, end: number) => void): void {
  for (let at = 0; at < listed.length; ) {
    const tab = listed.indexOf("\t", at);
    const end = listed.indexOf("\0", at);
    if (end < 0) return;
    if (tab > at && tab < end && (listed.startsWith("H 100644 ", at) || listed.startsWith("H 100755 ", at)) && listed.startsWith(" 0", tab - 2)) {
      const idLength = tab - 2 - (at + 9);
      if (idLength >= 40 && listed.lastIndexOf(" ", tab - 3) < at + 9) visit(at + 9, tab + 1, end);
    }
    at = end + 1;
  }
}

/** The [blob id, path] of each plain regular file's record (plainRecords), as strings. */
export function plainFiles(listed: string): [id: string, path: string][] {
  const records: [string, string][] = [];
  plainRecords(listed, (idAt, pathAt, end) => records.push([listed.slice(idAt, pathAt - 3), listed.slice(pathAt, end)]));
  return records;
}

/** What every git command here runs with: its monitors and parallel stats off (see `git`). */
const QUIET = ["-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "-c", "core.preloadIndex=false"];

/**
 * Every tracked path's attributes (`check-attr --all`: only those a path has, so a repository without any answers
 * with nothing), the paths piped from `ls-files` to `check-attr` by the system, not through this thread: both run
 * while this build stats the files (building and sending the list itself was 80 ms after the stat).
 */
function trackedAttributes(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { cwd: dir, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } };
    const exited = (child: ChildProcess) => new Promise<number | null>((done) => child.on("error", () => done(-1)).on("close", done));
    const paths = spawn("git", [...QUIET, "ls-files", "-z", "--", "."], { ...options, stdio: ["ignore", "pipe", "ignore"] });
    const listed = exited(paths);
    // Without the pipe, check-attr would wait on this thread's stdin for ever.
    if (!paths.stdout) return reject(new Error("git ls-files has no output pipe"));
    const attributes = spawn("git", [...QUIET, "check-attr", "-z", "--stdin", "--all"], { ...options, stdio: [paths.stdout, "pipe", "ignore"] });
    paths.stdout.destroy(); // check-attr has its own copy of the pipe; this thread never reads it
    let output = "";
    attributes.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    void Promise.all([listed, exited(attributes)]).then((codes) => (codes.every((code) => code === 0) ? resolve(output) : reject(new Error(`git exited with ${codes.join(", ")}`))));
  });
}

/** Attributes under which checkout may write other bytes than the blob's at the same size (gitattributes(5)). */
const CONVERTING = new Set(["filter", "ident", "working-tree-encoding"]);

/**
 * Runs git in `cwd` with its monitors off (an fsmonitor answer is not git looking), stdout as text. preloadIndex
 * is off but where a caller turns it on: parallel stats beside this build's own listing slow both (ADR 0008).
 */
function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      [...QUIET, ...args],
      // As bytes, decoded once: decoding 8 MB of ls-files output chunk by chunk was 20 ms at 100,000 files.
      { cwd, encoding: "buffer", maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } },
      (error, stdout) => (error ? reject(error) : resolve(stdout.toString("utf8"))),
    );
    child.stdin?.on("error", () => undefined); // git gone before its stdin closed: the exit code reports it
    child.stdin?.end(); // none of these commands reads stdin; closed, so none ever waits on it
  });
}
