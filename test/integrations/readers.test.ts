/**
 * A real feed reader that keeps state across rebuilds (issue 15): newsboat (Debian's package, installed by .ci/run)
 * subscribes to the built RSS and Atom feeds through file:// URLs, reloads after every editor's edit and rebuild, and
 * counts its unread items. A story shown again would be a new unread item; an edited story is updated in place.
 * test/build/identity.test.ts checks the same edits with JavaScript parsers, the ids and the publish diff.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build/index.js";
import { editorIn } from "../support/editor.js";

const NOW = new Date("2025-07-14T12:00:00+06:00");
const installed = spawnSync("newsboat", ["--version"], { encoding: "utf8" }).status === 0;
if (!installed && !process.env.CI) console.warn("newsboat is not installed: the reader test is skipped here (CI installs it with apt-get).");
const suite = installed || process.env.CI ? describe : describe.skip;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patrika-readers-"));
  writeConfig({ siteUrl: "https://www.nodipar.example.com.bd" });
  write("flood.md", 'title: "নদীর পানি বাড়ছে"\ndate: "১৩ জুলাই ২০২৫, ১৭:২৮"\ncategory: bangladesh');
  write("market.md", 'title: "বাজারে দাম কমেছে"\ndate: "2025-07-14T08:30:00+06:00"\nslug: bazar\ncategory: economy');
  write("late.md", 'title: "রাতের ট্রেন দেরিতে"\ndate: "2025-07-13T00:20:00+06:00"');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const { write, edit, move } = editorIn(() => root);
function writeConfig(config: Record<string, unknown>): void {
  writeFileSync(join(root, "patrika.config.json"), JSON.stringify({ title: "দৈনিক নদীপার", ...config }));
}

async function publish(): Promise<void> {
  const report = await build({ now: NOW, articlesDir: join(root, "articles"), configFile: join(root, "patrika.config.json"), outDir: join(root, "output"), cache: true, cacheRoot: root });
  expect(report.status).toBe("ok");
}

/**
 * newsboat's unread count for one feed after a reload. One cache per feed: newsboat keeps an item once per id across
 * all its feeds, and the RSS and Atom feeds carry the same ids.
 */
function unread(feed: "rss.xml" | "atom.xml"): number {
  const urls = join(root, `urls-${feed}`);
  writeFileSync(urls, `file://${join(root, "output", feed)}\n`);
  const args = ["-u", urls, "-c", join(root, `cache-${feed}.db`), "-C", "/dev/null", "-x", "reload", "print-unread"];
  const reload = () => spawnSync("newsboat", args, { encoding: "utf8", env: { ...process.env, HOME: root }, timeout: 15_000, killSignal: "SIGKILL" });
  // A reload takes ~0.1 s, but once in a fresh CI run newsboat hung until jest's 60 s timeout: a hung reload is
  // killed and run once more (its cache is SQLite: a killed reload leaves the last reload's state, not half of one).
  let run = reload();
  if (run.signal) run = reload();
  const count = /^(\d+) unread articles?$/m.exec(run.stdout);
  if (run.status !== 0 || !count) throw new Error(`newsboat failed (${run.status ?? run.signal}): ${run.stdout}${run.stderr}`);
  return Number(count[1]);
}
const bothFeeds = () => ({ rss: unread("rss.xml"), atom: unread("atom.xml") });

suite("newsboat, subscribed across rebuilds", () => {
  test.each([
    ["renaming a file that has a slug", () => move("market.md", "bazar-dor.md")],
    ["renaming a file without a slug", () => move("flood.md", "sylhet-flood.md")],
    ["moving a file to another folder", () => move("late.md", "2025/july/late.md")],
    ["changing the title", () => edit("flood.md", (t) => t.replace("নদীর পানি বাড়ছে", "সিলেটে নদীর পানি বাড়ছে"))],
    ["changing the slug and the category", () => edit("market.md", (t) => t.replace("slug: bazar", "slug: bazar-dor").replace("economy", "bangladesh"))],
    ["changing the date's form but not its instant", () => edit("flood.md", (t) => t.replace("১৩ জুলাই ২০২৫, ১৭:২৮", "আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮"))],
    ["moving the site to a new host, with idHost keeping the old one", () => writeConfig({ siteUrl: "https://nodipar.example.com.bd", idHost: "www.nodipar.example.com.bd" })],
  ])("%s shows no story again", async (_edit, change) => {
    await publish();
    expect(bothFeeds()).toEqual({ rss: 3, atom: 3 });
    change();
    await publish();
    expect(bothFeeds()).toEqual({ rss: 3, atom: 3 });
  });

  test("the reader can tell: a rename the build could not see (its record and output gone) is a story shown again", async () => {
    await publish();
    expect(bothFeeds()).toEqual({ rss: 3, atom: 3 });
    const feeds = { rss: readFileSync(join(root, "output", "rss.xml")), atom: readFileSync(join(root, "output", "atom.xml")) };
    rmSync(join(root, "output"), { recursive: true });
    rmSync(join(root, ".patrika-cache"), { recursive: true, force: true });
    move("flood.md", "sylhet-flood.md");
    await publish();
    expect(bothFeeds()).toEqual({ rss: 4, atom: 4 });
    expect(readFileSync(join(root, "output", "rss.xml")).equals(feeds.rss)).toBe(false);
  });
});
