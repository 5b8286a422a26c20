import { EXCERPT_LENGTH } from "../../src/limits.js";
import { renderBody } from "../../src/normalise/body.js";

const URL = "https://news.example.org/sports/final";

test("relative links and images become absolute against the article URL; fragments stay", () => {
  const { html } = renderBody("[আগে](../older) [নিচে](#more) ![ছবি](/images/a.jpg)\n", URL);
  expect(html).toBe(
    '<p><a href="https://news.example.org/older">আগে</a> <a href="#more">নিচে</a> <img src="https://news.example.org/images/a.jpg" alt="ছবি"></p>\n',
  );
});

test("raw HTML is shown as text, never passed through, and javascript: links are not links", () => {
  const { html } = renderBody('<script>alert(1)</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1))\n', URL);
  expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt; [x](javascript:alert(1))</p>\n");
});

test("the excerpt is the first paragraph as plain text", () => {
  expect(renderBody("# শিরোনাম\n\nপ্রথম **গাঢ়** অংশ\nও [লিংক](/a)।\n\nদ্বিতীয় অনুচ্ছেদ।\n", URL).excerpt).toBe("প্রথম গাঢ় অংশ ও লিংক।");
  expect(renderBody("", URL).excerpt).toBe("");
});

test("a long first paragraph is cut at a word boundary with an ellipsis", () => {
  const { excerpt } = renderBody(`${"শব্দ ".repeat(100)}\n`, URL);
  expect(excerpt.endsWith("শব্দ…")).toBe(true);
  expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
});
