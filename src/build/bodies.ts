import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { renderBody, type RenderedBody } from "../normalise/body.js";
import type { BodyRenderer } from "../normalise/site.js";
import { CACHE_DIR, writeCacheRecord } from "./cache.js";

const BODIES_FILE = "bodies.json";
/**
 * Past this many bodies (a site with archive pages renders every article's) the store would cost more to read and
 * write than rendering saves: none are kept.
 */
const MAX_STORED = 2000;

/**
 * The feed items' bodies as the last build rendered them, by the URL their links resolve against and the name of
 * their Markdown (renderBody's only inputs): an edit renders the one body that changed, not every feed's. A body
 * in a file the cache knows is named by the file's git blob id and the byte it starts at, so it is not even read;
 * one without (an entry's text) by the sha256 of its Markdown. Only the bodies a build used are kept, so it holds
 * one set of feeds' worth.
 */
export class RenderedBodies {
  private readonly used = new Map<string, RenderedBody>();
  private changed = false;

  private constructor(
    private readonly root: string,
    private readonly key: string,
    private readonly known: ReadonlyMap<string, RenderedBody>,
  ) {}

  /** Opens the store in `root`/.patrika-cache for `key`; a missing, foreign or damaged one starts empty. */
  static async open(root: string, key: string): Promise<RenderedBodies> {
    const path = join(root, CACHE_DIR, BODIES_FILE);
    let known = new Map<string, RenderedBody>();
    try {
      const stored = JSON.parse(await readFile(path, "utf8")) as { key?: string; bodies?: Record<string, RenderedBody> };
      if (stored.key === key && stored.bodies) known = new Map(Object.entries(stored.bodies));
    } catch {
      // none yet, or unreadable: every body is rendered
    }
    return new RenderedBodies(root, key, known);
  }

  /** renderBody, answered from the store when this body was rendered for this URL before. */
  readonly render: BodyRenderer = (article, read) => {
    let text: string | undefined;
    const markdown = () => (text ??= read()); // a body named by its Markdown is read once, to name and to render
    const source = article.body;
    // A blob id is 40 hex digits and an offset, a sha256 64 digits: the two kinds of name never meet.
    const name = "blob" in source && source.blob ? `${source.blob}+${source.offset}` : createHash("sha256").update(markdown()).digest("hex");
    const id = `${name} ${article.url}`;
    let rendered = this.used.get(id) ?? this.known.get(id);
    if (!rendered) {
      rendered = renderBody(markdown(), article.url);
      this.changed = true;
    }
    this.used.set(id, rendered);
    return rendered;
  };

  /** Writes the bodies this build used, when they differ from the ones stored (none past MAX_STORED). */
  async save(): Promise<void> {
    const over = this.used.size > MAX_STORED;
    if (over ? this.known.size === 0 : !this.changed && this.used.size === this.known.size) return;
    const bodies = over ? new Map<string, RenderedBody>() : this.used;
    await writeCacheRecord(this.root, BODIES_FILE, { key: this.key, bodies: Object.fromEntries(bodies) });
  }
}
