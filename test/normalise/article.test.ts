import { readBodies } from "../../src/load/bodies.js";
import { normaliseArticle } from "../../src/normalise/article.js";
import { articleText, FIXTURE_NOW, rawArticle, testConfig } from "../support/fixtures.js";

const context = { config: testConfig(), now: FIXTURE_NOW };
const normalise = (frontMatter: string, path = "sample.md", body?: string) =>
  normaliseArticle(rawArticle(articleText(frontMatter, body), path), context);
const article = (frontMatter: string, path?: string, body?: string) => {
  const result = normalise(frontMatter, path, body);
  if (result.kind !== "article") throw new Error(JSON.stringify(result));
  return result.article;
};
const problems = (frontMatter: string, path?: string) => {
  const result = normalise(frontMatter, path);
  return result.kind === "invalid" ? result.diagnostics : [];
};

describe("dates are Dhaka local times unless an offset says otherwise", () => {
  test.each([
    ["2025-07-13", "2025-07-13T00:00:00+06:00"],
    ["2025-07-13 17:28:00", "2025-07-13T17:28:00+06:00"],
    ['"2025-07-13T17:28:00Z"', "2025-07-13T23:28:00+06:00"],
    ['"১৩ জুলাই ২০২৫, ১৭: ২৮"', "2025-07-13T17:28:00+06:00"],
    ['"আপডেট : ১৩ জুলাই ২০২৫, ১৭: ২৮"', "2025-07-13T17:28:00+06:00"],
  ])("date: %s → %s", (written, iso) => {
    expect(article(`title: t\ndate: ${written}`).published.iso).toBe(iso);
  });
});

test("the URL is the site URL, the category path and the slug, percent-encoded", () => {
  expect(article('title: t\ndate: 2025-07-13\ncategory: sports\nslug: "খেলা-শেষ"').url).toBe(
    "https://news.example.org/sports/%E0%A6%96%E0%A7%87%E0%A6%B2%E0%A6%BE-%E0%A6%B6%E0%A7%87%E0%A6%B7",
  );
  expect(article("title: t\ndate: 2025-07-13", "dhaka/rain-today.md").url).toBe("https://news.example.org/rain-today");
  expect(article("title: t\ndate: 2025-07-13\ncategory: bangladesh/dhaka", "x.md").url).toBe("https://news.example.org/bangladesh/dhaka/x");
});

test("the permanent id is a tag URI from host, local publication date and file name, unless id is set", () => {
  expect(article('title: t\ndate: "2025-07-13T23:30:00+06:00"', "news/বৃষ্টি.md").id).toBe(
    "tag:news.example.org,2025-07-13:%E0%A6%AC%E0%A7%83%E0%A6%B7%E0%A7%8D%E0%A6%9F%E0%A6%BF",
  );
  expect(article('title: t\ndate: 2025-07-13\nid: "urn:uuid:0b8f3c1e-5f6a-4c1d-9a7e-2f4b6c8d0e1f"').id).toBe(
    "urn:uuid:0b8f3c1e-5f6a-4c1d-9a7e-2f4b6c8d0e1f",
  );
});

test("authors, tags and image are normalised to lists and an absolute URL", () => {
  const a = article(
    'title: t\ndate: 2025-07-13\nauthor: [ক, খ]\ntags: বন্যা\nimage:\n  url: "https://news.example.org/ছবি.jpg"\n  caption: নদী\n  credit: "ছবি: লেখক"',
  );
  expect([a.authors, a.tags, a.image]).toEqual([
    ["ক", "খ"],
    ["বন্যা"],
    { url: "https://news.example.org/%E0%A6%9B%E0%A6%AC%E0%A6%BF.jpg", caption: "নদী", credit: "ছবি: লেখক" },
  ]);
});

test("characters XML forbids are removed from text; ZWJ and ZWNJ stay", () => {
  const a = article('title: "র\\u200D্যাব\\u0001 অভিযান\\uFFFE"\ndate: 2025-07-13\nsummary: "এক\\u200Cদুই"', "x.md", "body\u0002\n");
    // The body is cleaned where it is read, for the feeds that carry it.
  expect([a.title, a.summary, readBodies([a]).get(a)]).toEqual(["র\u200D্যাব অভিযান", "এক\u200Cদুই", "body\n"]);
});

test("a draft is left out before its other fields are judged", () => {
  expect(normalise("draft: true\ndate: not a date").kind).toBe("draft");
});

test("missing and empty required fields are errors at their lines", () => {
  expect(problems('title: ""\nsummary: s').map((d) => [d.code, d.field, d.line])).toEqual([
    ["article.missing-field", "title", 2],
    ["article.missing-field", "date", 1],
  ]);
});

test("a field of the wrong type names what was found and what is accepted", () => {
  const found = problems("title: t\ndate: 2025-07-13\ntags: 5\nauthor: {}");
  const tags = found.find((d) => d.field === "tags");
  const author = found.find((d) => d.field === "author");
  expect(found).toHaveLength(2);
  expect(tags).toMatchObject({ code: "article.invalid-field", field: "tags", line: 4, found: "number 5" });
  expect(author).toMatchObject({ code: "article.invalid-field", field: "author", line: 5, found: "a mapping ({})" });
});

test("an unreadable date passes on the date reader's code, pointing inside the value", () => {
  const [problem] = problems('title: t\ndate: "৩১ ফেব্রুয়ারি ২০২৫"');
  expect(problem).toMatchObject({ code: "date.impossible-date", field: "date", line: 3 });
  expect(problem!.column).toBeGreaterThanOrEqual(8);
});

test("updated earlier than date is an error", () => {
  expect(problems('title: t\ndate: 2025-07-13\nupdated: "2025-07-12"').map((d) => d.code)).toEqual(["article.updated-before-date"]);
});

test.each([
  ["a slash", 'slug: "a/b"'],
  ["dots", 'slug: ".."'],
  ["a space", 'slug: "a b"'],
  ["a question mark", 'slug: "a?b"'],
])("a slug with %s is refused", (_name, line) => {
  expect(problems(`title: t\ndate: 2025-07-13\n${line}`).map((d) => [d.code, d.line])).toEqual([["article.invalid-slug", 4]]);
});

test("a URL over the sitemap's 2,048 characters is an error on that article", () => {
  expect(problems(`title: t\ndate: 2025-07-13\nslug: "${"ক".repeat(230)}"`).map((d) => d.code)).toEqual(["article.invalid-slug"]);
});

test("an image that is not an absolute http(s) URL is refused", () => {
  expect(problems("title: t\ndate: 2025-07-13\nimage: /images/a.jpg").map((d) => d.code)).toEqual(["article.invalid-image"]);
  expect(problems('title: t\ndate: 2025-07-13\nimage: "javascript:alert(1)"').map((d) => d.code)).toEqual(["article.invalid-image"]);
});

test("an unknown field is a warning that suggests the nearest known field", () => {
  const result = normalise("title: t\ndate: 2025-07-13\nauther: ক");
  expect(result.kind === "article" && result.warnings).toEqual([
    expect.objectContaining({ code: "article.unknown-field", severity: "warning", field: "auther", line: 4, hint: 'did you mean "author"?' }),
  ]);
});

test("an article with an error still shows its warnings, so the editor fixes both at once", () => {
  expect(problems('title: t\ndate: "৩২ জুলাই ২০২৫"\nauther: ক').map((d) => [d.severity, d.code, d.field])).toEqual([
    ["error", "date.impossible-date", "date"],
    ["warning", "article.unknown-field", "auther"],
  ]);
});

test("a remark of the date reader becomes a warning on that field", () => {
  const result = normalise('title: t\ndate: "রোববার, ১৩ জুলাই ২০২৫, ২৮ আষাঢ় ১৪৩২"');
  expect(result.kind === "article" && result.article.published.iso).toBe("2025-07-13T00:00:00+06:00");
  expect(result.kind === "article" && result.warnings).toEqual([
    expect.objectContaining({ code: "date.bangla-mismatch", severity: "warning", field: "date", line: 3 }),
  ]);
});

test.each([
  ['"১০২৫-০৭-১৩"', "date", "date is before 1900-01-01, earlier than this site accepts"],
  ['"2052-07-13"', "date", "date is more than 366 days after now"],
])("an implausible date %s is refused as a typo", (written, field, message) => {
  expect(problems(`title: t\ndate: ${written}`)).toEqual([expect.objectContaining({ code: "article.implausible-date", field, message })]);
});

test.each(["rss.xml", "sitemap-2.xml", "patrika-report.json", "index.html"])("a slug named like a file patrika writes at the root (%s) is refused", (slug) => {
  const result = normalise(`title: "ক"\ndate: "১৩ জুলাই ২০২৫"\nslug: "${slug}"`);
  expect(result.kind).toBe("invalid");
  expect(result.kind === "invalid" && result.diagnostics.map((d) => [d.code, d.field])).toEqual([["article.invalid-slug", "slug"]]);
});

describe("an article URL may not take the path of a file or folder patrika writes (issue 16)", () => {
  const refused = (frontMatter: string, archive = false) => {
    const result = normaliseArticle(rawArticle(articleText(`title: "ক"\ndate: "১৩ জুলাই ২০২৫"\n${frontMatter}`)), { config: testConfig({ archive }), now: FIXTURE_NOW });
    return result.kind === "invalid" ? result.diagnostics.map((d) => [d.code, d.field, d.found]) : [];
  };
  test.each([
    ["category: sports\nslug: rss.xml", "article.invalid-slug", "slug", '"sports/rss.xml"'],
    ["category: sports\nslug: Feed.JSON", "article.invalid-slug", "slug", '"sports/Feed.JSON"'],
    ["category: bangladesh/dhaka\nslug: atom.xml", "article.invalid-slug", "slug", '"bangladesh/dhaka/atom.xml"'],
    ["category: sports/rss.xml\nslug: final", "article.invalid-category", "category", '"sports/rss.xml"'],
    ["category: sitemap-3.xml\nslug: final", "article.invalid-category", "category", '"sitemap-3.xml"'],
  ])("%j is refused", (frontMatter, code, field, found) => {
    expect(refused(frontMatter)).toEqual([[code, field, found]]);
  });
  test("category archive is refused only when the site writes archive pages there", () => {
    expect(refused("category: archive\nslug: one", true)).toEqual([["article.invalid-category", "category", '"archive/"']]);
    expect(refused("category: archive/old\nslug: one", true)).toEqual([["article.invalid-category", "category", '"archive/"']]);
    expect(refused("category: archive\nslug: one")).toEqual([]);
    expect(refused("slug: archive", true)).toEqual([]); // an article page at /archive is not a folder patrika writes into
  });
  test("a feed file name deeper than the category is just a slug", () => {
    expect(refused("slug: feed")).toEqual([]);
    expect(refused("category: sports\nslug: rss")).toEqual([]);
  });
});

test("a relative date is refused with the absolute date it means at this now (issue 12)", () => {
  expect(problems('title: t\ndate: "২ ঘণ্টা আগে"')).toEqual([
    expect.objectContaining({ code: "article.relative-date", field: "date", line: 3, hint: 'write date: "2025-07-14T10:00:00+06:00" (the time it means at this build\'s now)' }),
  ]);
  expect(problems('title: t\ndate: "১৩ জুলাই ২০২৫"\nupdated: "গতকাল"').map((d) => [d.code, d.field, d.expected])).toEqual([
    ["article.relative-date", "updated", 'the absolute date it means now: updated: "2025-07-13T00:00:00+06:00"'],
  ]);
});

describe("fields readers would see wrong are refused with file, line and field (issue 18)", () => {
  const located = (frontMatter: string) => problems(frontMatter).map((d) => [d.code, d.file, d.line, d.field]);

  test.each([
    ["only joiners (ZWJ, ZWNJ)", '"\\u200d\\u200c"'],
    ["a zero-width space and a word joiner", '"\\u200b\\u2060"'],
    ["a Hangul filler", '"\\u3164"'],
  ])("a title of %s", (_, title) => {
    expect(located(`date: 2025-07-13\ntitle: ${title}`)).toEqual([["article.missing-field", "articles/sample.md", 3, "title"]]);
  });

  test("a title with a joiner inside a word is published as written", () => {
    expect(article('title: "র\u200d্যাব"\ndate: 2025-07-13').title).toBe("র\u200d্যাব");
  });

  test("a slug of joiners alone", () => {
    expect(located('title: t\ndate: 2025-07-13\nslug: "\\u200d\\u200c"')).toEqual([["article.invalid-slug", "articles/sample.md", 4, "slug"]]);
  });

  test.each(["not a uri", "flood-2025", "tag:example.com,2025:a b"])("an id that is not a URI: %j", (id) => {
    expect(located(`title: t\ndate: 2025-07-13\nid: "${id}"`)).toEqual([["article.invalid-id", "articles/sample.md", 4, "id"]]);
  });

  test.each(["tag:example.com,2025-07-13:flood", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "https://example.com/a"])("an id that is a URI is kept: %s", (id) => {
    expect(article(`title: t\ndate: 2025-07-13\nid: "${id}"`).id).toBe(id);
  });

  const warnings = (frontMatter: string) => {
    const result = normalise(frontMatter);
    return result.kind === "article" ? result.warnings : [];
  };

  test("updated after now, for a published article, is warned about (a past edition rebuilt at its own now still builds)", () => {
    const found = warnings('title: t\ndate: 2025-07-13\nupdated: "2025-07-14T12:00:01+06:00"');
    expect(found.map((d) => [d.code, d.severity, d.line, d.field, d.found])).toEqual([
      ["article.updated-after-now", "warning", 4, "updated", "2025-07-14T12:00:01+06:00"],
    ]);
  });

  test("updated after now is fine for a scheduled article, and at now for any", () => {
    expect(warnings('title: t\ndate: "2025-07-20"\nupdated: "2025-07-21"')).toEqual([]);
    expect(warnings('title: t\ndate: 2025-07-13\nupdated: "2025-07-14T12:00:00+06:00"')).toEqual([]);
  });

  test("a title over the limit is refused with the number", () => {
    const found = problems(`title: "${"ক".repeat(1001)}"\ndate: 2025-07-13`);
    expect(found.map((d) => [d.code, d.line, d.field, d.message])).toEqual([["article.too-long", 2, "title", "the title is 1001 characters long, more than the 1000 patrika publishes"]]);
  });

  test("a summary over the limit is refused with the number", () => {
    const found = problems(`title: t\ndate: 2025-07-13\nsummary: "${"ক".repeat(20_001)}"`);
    expect(found.map((d) => [d.code, d.field, d.message])).toEqual([["article.too-long", "summary", "the summary is 20001 characters long, more than the 20000 patrika publishes"]]);
  });

  test("a category in NFD is the same category as in NFC", () => {
    const nfc = "কৃষি/কয়া".normalize("NFC");
    expect(article(`title: t\ndate: 2025-07-13\ncategory: "${nfc.normalize("NFD")}"`).category).toBe(nfc);
  });
});
