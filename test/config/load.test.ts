import { parseConfig, validateConfig } from "../../src/config/validate.js";

const FILE = "patrika.config.json";

test("a minimal config gets every default", () => {
  const result = parseConfig('{"siteUrl": "https://www.example.com/"}', FILE);
  expect(result).toEqual({
    ok: true,
    file: FILE,
    config: {
      siteUrl: "https://www.example.com",
      title: "www.example.com",
      description: "www.example.com",
      language: "bn",
      publicationName: "www.example.com",
      timeZone: "Asia/Dhaka",
      feedSize: 50,
      earliestDate: "1900-01-01",
      maxFutureDays: 366,
      categoryFeeds: true,
      sitemap: true,
      archive: false,
      previewFile: "index.html",
    },
  });
});

test("title falls back to the publication name, description to the title", () => {
  const result = parseConfig('{"siteUrl": "https://example.com/news", "publicationName": "দৈনিক খবর"}', FILE);
  expect(result.ok && result.config).toMatchObject({ siteUrl: "https://example.com/news", title: "দৈনিক খবর", description: "দৈনিক খবর" });
});

test("an unknown key is an error naming the key, its line and the nearest known key", () => {
  const result = parseConfig('{\n  "siteUrl": "https://example.com",\n  "timezone": "Asia/Dhaka"\n}', FILE);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.diagnostics).toEqual([
    expect.objectContaining({ code: "config.unknown-key", file: FILE, line: 3, column: 3, field: "timezone", hint: 'did you mean "timeZone"?' }),
  ]);
});

test.each([
  ["relative siteUrl", '{"siteUrl": "/news"}', "siteUrl"],
  ["ftp siteUrl", '{"siteUrl": "ftp://example.com"}', "siteUrl"],
  ["siteUrl with a query", '{"siteUrl": "https://example.com/?a=1"}', "siteUrl"],
  ["feedSize zero", '{"siteUrl": "https://example.com", "feedSize": 0}', "feedSize"],
  ["feedSize as text", '{"siteUrl": "https://example.com", "feedSize": "50"}', "feedSize"],
  ["missing siteUrl", '{"title": "x"}', "siteUrl"],
])("%s is an invalid value of that key", (_name, text, field) => {
  const result = parseConfig(text, FILE);
  expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field])).toEqual([["config.invalid-value", field]]);
});

test("invalid JSON reports the line and column of the mistake", () => {
  const result = parseConfig('{\n  "siteUrl": "https://example.com",\n}', FILE);
  expect(!result.ok && result.diagnostics[0]).toMatchObject({ code: "config.invalid-json", line: 3, column: 1 });
});

test("an unknown time zone is rejected with examples of accepted names", () => {
  const result = parseConfig('{"siteUrl": "https://example.com", "timeZone": "Asia/Dhakka"}', FILE);
  expect(!result.ok && result.diagnostics[0]).toMatchObject({ code: "config.unknown-time-zone", field: "timeZone", line: 1 });
});

test("every config error reads in full as documented (golden)", async () => {
  const { formatDiagnostic } = await import("../../src/diagnostics.js");
  const { loadConfig } = await import("../../src/config/load.js");
  const { readFileSync, writeFileSync } = await import("node:fs");
  const cases: [string, string][] = [
    ["invalid JSON", '{\n  "siteUrl": "https://example.com",\n}'],
    ["unknown key", '{\n  "siteUrl": "https://example.com",\n  "timezone": "Asia/Dhaka"\n}'],
    ["siteUrl not absolute", '{\n  "siteUrl": "/news"\n}'],
    ["unknown time zone", '{\n  "siteUrl": "https://example.com",\n  "timeZone": "Asia/Dhakka"\n}'],
    ["not an object", "[1, 2]"],
  ];
  const sections = cases.map(([name, text]) => {
    const result = parseConfig(text, FILE);
    return `# ${name}\n${result.ok ? "ok" : result.diagnostics.map(formatDiagnostic).join("\n")}\n`;
  });
  const missing = await loadConfig("no/such/patrika.config.json");
  sections.push(`# missing file\n${missing.ok ? "ok" : missing.diagnostics.map(formatDiagnostic).join("\n")}\n`);
  const golden = "test/golden/config-errors.txt";
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, sections.join("\n"));
  expect(sections.join("\n")).toBe(readFileSync(golden, "utf8"));
});

describe("siteUrl is used in one canonical form (issues 16, 18)", () => {
  test.each([
    ["https://দৈনিক.বাংলা/", "https://xn--p5b7ag6gwb.xn--54b7fta0cc"],
    ["https://WWW.Example.COM:443/খবর/", "https://www.example.com/%E0%A6%96%E0%A6%AC%E0%A6%B0"],
    ["http://example.com:8080/news//", "http://example.com:8080/news"],
  ])("%s is read as %s", (written, canonical) => {
    const result = parseConfig(JSON.stringify({ siteUrl: written }), FILE);
    expect(result.ok && result.config.siteUrl).toBe(canonical);
  });
  test.each([
    ["https://editor:secret@example.com", "a URL without a user name or password"],
    [" https://example.com", "a URL without spaces before or after it"],
    ["https://example.com ", "a URL without spaces before or after it"],
    ["https://", "an absolute http(s) URL such as https://www.example.com"],
    ["ftp://example.com", "an absolute http(s) URL such as https://www.example.com"],
  ])("%j is refused, naming the key and what is accepted", (written, reason) => {
    const result = parseConfig(JSON.stringify({ siteUrl: written }), FILE);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field, d.line])).toEqual([["config.invalid-value", "siteUrl", 1]]);
    expect(JSON.stringify(result)).toContain(reason);
  });
});

test("banglaCalendar is one of the two calendars", () => {
  expect(parseConfig('{"siteUrl": "https://example.com", "banglaCalendar": "west-bengal"}', FILE)).toMatchObject({ ok: true, config: { banglaCalendar: "west-bengal" } });
  const result = parseConfig('{"siteUrl": "https://example.com", "banglaCalendar": "indian"}', FILE);
  expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field, d.expected])).toEqual([["config.invalid-value", "banglaCalendar", '"bangladesh" or "west-bengal"']]);
});

describe("a config that would crash a renderer is refused by check and build alike, naming the key (issue 18)", () => {
  test.each([
    ["a control character in the title", '{"siteUrl": "https://example.com", "title": "a\\u0001b"}', "title", 'config key "title" holds a control character (U+0001), which no feed can carry'],
    ["a lone surrogate in copyright", '{"siteUrl": "https://example.com", "copyright": "© \\ud800"}', "copyright", 'config key "copyright" holds a lone surrogate (half of a character), which no feed can carry'],
    ["a lone surrogate in a category title", '{"siteUrl": "https://example.com", "categories": {"sports": {"title": "\\udc00"}}}', "categories.sports.title", 'config key "categories.sports.title" holds a lone surrogate (half of a character), which no feed can carry'],
    ["a deeply nested array", `{"siteUrl": "https://example.com", "categories": ${"[".repeat(20000)}${"]".repeat(20000)}}`, "categories", 'config key "categories" nests more than 32 levels deep'],
  ])("%s", (_, text, field, message) => {
    const result = parseConfig(text, FILE);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field, d.line, d.message])).toEqual([["config.invalid-value", field, 1, message]]);
  });

  test("a cyclic config module object is refused, not a stack overflow", () => {
    const data: Record<string, unknown> = { siteUrl: "https://example.com", categories: {} };
    (data.categories as Record<string, unknown>).self = data.categories;
    const result = validateConfig(data, "patrika.config.ts");
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field, d.message])).toEqual([["config.invalid-value", "categories", 'config key "categories" holds itself (a cycle)']]);
  });

  test.each([
    ['{\n  "siteUrl": "https://example.com",\n  "title": "এক",\n  "title": "দুই"\n}', "title", 4],
    ['{"siteUrl": "https://example.com", "categories": {"a": {"title": "x", "title": "y"}}}', "categories.a.title", 1],
  ])("a duplicate JSON key is refused at its second place: %j", (text, field, line) => {
    const result = parseConfig(text, FILE);
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.field, d.line])).toEqual([["config.duplicate-key", field, line]]);
  });

  test("the same name in different objects is no duplicate", () => {
    const result = parseConfig('{"siteUrl": "https://example.com", "title": "t", "categories": {"a": {"title": "x"}, "b": {"title": "y"}}}', FILE);
    expect(result.ok).toBe(true);
  });
});
