import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { codeOf } from "./io.js";

/** The list of files the last build wrote, so the next one can remove those it no longer writes. */
export const MANIFEST_FILE = ".patrika-manifest.json";

/** What patrika owns in an output folder: the files it wrote, and which build (generation) wrote them. */
export interface Manifest {
  /** Counts the sets published into this folder: 0 before the first. */
  generation: number;
  /** Every file the last build wrote or kept, as paths below the output folder. */
  files: string[];
}

/**
 * Reads the folder's manifest. patrika 0.1 wrote a bare list of names (generation 0); a missing or damaged manifest
 * owns nothing, so nothing is removed and no existing file is replaced without the caller's leave.
 */
export async function readManifest(outDir: string): Promise<Manifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), "utf8"));
  } catch {
    return { generation: 0, files: [] };
  }
  const { generation, files } = (Array.isArray(parsed) ? { generation: 0, files: parsed } : (parsed ?? {})) as Partial<Record<keyof Manifest, unknown>>;
  return {
    generation: Number.isSafeInteger(generation) && (generation as number) >= 0 ? (generation as number) : 0,
    files: (Array.isArray(files) ? files : []).filter((name): name is string => typeof name === "string" && isOutputName(name)),
  };
}

/** The manifest's text: names sorted, one a line, so a diff of two builds' manifests reads well. */
export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify({ generation: manifest.generation, files: [...manifest.files].sort() }, null, 1)}\n`;
}

/** A path below the output folder, never above or beside it (a damaged manifest must not send a removal elsewhere). */
export function isOutputName(name: string): boolean {
  return name !== "" && !name.startsWith("/") && !name.includes("\\") && !name.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
}

/** Existing files a build would replace although patrika never wrote them. */
export class ForeignOutputError extends Error {
  constructor(
    readonly outDir: string,
    /** Every such path, below the output folder, sorted. */
    readonly files: readonly string[],
  ) {
    super(
      `${outDir} already holds ${files.length === 1 ? "a file" : `${files.length} files`} that patrika did not write and would replace: ${files.join(", ")}; ` +
        `nothing was written. Move ${files.length === 1 ? "it" : "them"} away, build into another folder, or allow patrika to replace ${files.length === 1 ? "it" : "them"}`,
    );
    this.name = "ForeignOutputError";
  }
}

/**
 * The targets (and the folders they need) that exist but are not patrika's: a file the manifest does not list, or
 * anything but a folder where a folder must be.
 */
export async function findForeign(outDir: string, names: readonly string[], manifest: Manifest): Promise<string[]> {
  const owned = new Set(manifest.files);
  const folders = new Set(names.flatMap(foldersOf));
  const checks = [
    ...names.filter((name) => !owned.has(name)).map(async (name) => ((await kindAt(join(outDir, name))) === undefined ? [] : [name])),
    ...[...folders].map(async (folder) => {
      const kind = await kindAt(join(outDir, folder));
      return kind === undefined || kind === "folder" ? [] : [folder];
    }),
  ];
  return (await Promise.all(checks)).flat().sort();
}

/** Every folder a path needs below the output folder, outermost first: `a/b/c.xml` needs `a` and `a/b`. */
export function foldersOf(name: string): string[] {
  const segments = name.split("/").slice(0, -1);
  return segments.map((_, i) => segments.slice(0, i + 1).join("/"));
}

async function kindAt(path: string): Promise<"folder" | "other" | undefined> {
  try {
    return (await lstat(path)).isDirectory() ? "folder" : "other";
  } catch (error) {
    if (codeOf(error) === "ENOENT" || codeOf(error) === "ENOTDIR") return undefined;
    throw error;
  }
}
