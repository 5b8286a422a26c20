import type { Diagnostic } from "../diagnostics.js";
import type { Feed, Site } from "../model.js";
import { FEED_KINDS } from "../outputs.js";
import { outputUrl } from "../render/xml.js";

/** How long one hub request may take: a hub that hangs must not hold up the publishing step for long. */
const PING_TIMEOUT_MS = 10_000;
/** Requests in flight at once: category feeds can be dozens, and hubs rate-limit. */
const PING_CONCURRENCY = 4;

export interface PingOptions {
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The feed URLs a hub is told about: every feed the build wrote (the main feed and each category's). */
export function feedTopics(site: Pick<Site, "config">, feeds: readonly Pick<Feed, "urlFolder">[]): string[] {
  return feeds.flatMap((feed) =>
    FEED_KINDS.map((kind) => outputUrl(site, kind.name, feed.urlFolder)),
  );
}

/**
 * Tells a WebSub hub that each topic changed. WebSub (W3C, 2018) leaves publishing to the hub; the form every
 * public hub accepts is a form-encoded POST of hub.mode=publish and hub.url=<topic>, answered with 2xx.
 * Returns one diagnostic per topic the hub did not accept; never throws.
 */
export async function notifyHub(hub: string, topics: readonly string[], options: PingOptions = {}): Promise<Diagnostic[]> {
  const post = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? PING_TIMEOUT_MS;
  const failures: Diagnostic[] = [];
  let next = 0;
  const worker = async () => {
    while (next < topics.length) {
      const topic = topics[next++]!;
      const problem = await pingOne(post, hub, topic, timeoutMs);
      if (problem) {
        failures.push({
          code: "hub.ping-failed",
          severity: "error",
          file: hub,
          field: "hub",
          message: `the hub did not accept the publish notification for ${topic}: ${problem}`,
          expected: "a 2xx answer to POST hub.mode=publish&hub.url=<feed URL>",
          hint: "the feeds were written; readers will still see them on their next poll",
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PING_CONCURRENCY, topics.length) }, worker));
  return failures.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

async function pingOne(post: typeof fetch, hub: string, topic: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await post(hub, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow",
    });
    await response.arrayBuffer().catch(() => undefined); // drain, so the connection is released
    return response.ok ? undefined : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
    return cause ? `${(error as Error).message} (${cause})` : (error as Error).message;
  }
}
