/** Facts about ids and content that several stages compare across builds, kept once. */
import { createHash } from "node:crypto";

/** The host in a tag URI that patrika minted (`tag:HOST,YYYY-MM-DD:NAME`), if the id is one. */
export const tagHost = (id: string): string | undefined => /^tag:([^,]+),\d{4}-\d{2}-\d{2}:/.exec(id)?.[1];

/** A stable hash of an item as JSON Feed renders it (its JSON exactly as written, keys in order). */
export function contentHash(item: object): string {
  return createHash("sha256").update(JSON.stringify(item)).digest("hex").slice(0, 32);
}
