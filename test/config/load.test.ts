import { parseConfig } from "../../src/config/load.js";

const FILE = "patrika.config.json";

test("a minimal config gets every default", () => {
  const result = parseConfig('{"siteUrl": "https://www.example.com/"}', FILE);
  expect(result).toEqual({
    ok: true,
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
