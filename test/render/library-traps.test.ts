/**
 * Why patrika writes its XML itself rather than through `feed` or xmlbuilder2 (docs/adr/0003-own-xml-writer.md):
 * both write output that validators or readers get wrong. Each test pins one defect of the installed version; when
 * an upgrade fixes them, these fail and the decision should be revisited.
 */
import { Feed } from "feed";
import { create } from "xmlbuilder2";
import { escapeAttribute, escapeText } from "../../src/render/xml.js";

function sample(): Feed {
  const feed = new Feed({
    title: "পরীক্ষা",
    id: "https://news.example.org/",
    link: "https://news.example.org/",
    copyright: "",
    updated: new Date("2025-07-14T06:00:00Z"),
    language: "bn",
  });
  feed.addItem({
    title: "শিরোনাম\u0001 ]]> দুই ]]> তিন",
    link: "https://news.example.org/a",
    date: new Date("2025-07-13T11:28:00Z"),
    author: [{ name: "নিজস্ব প্রতিবেদক" }],
    category: [{ name: "a<b" }],
    image: "https://news.example.org/a.jpg",
    content: "<p>x ]]> y ]]> z</p>",
  });
  return feed;
}

test("its RSS puts a bare name in <author>, which RSS 2.0 reserves for an e-mail address", () => {
  expect(sample().rss2()).toMatch(/<author>[^<@]*নিজস্ব প্রতিবেদক[^<@]*<\/author>/);
});

test("its RSS passes a raw U+0001 control character into the XML", () => {
  expect(sample().rss2()).toContain("\u0001");
});

test("its RSS types a .jpg enclosure as the non-standard image/jpg", () => {
  expect(sample().rss2()).toContain('type="image/jpg"');
});

test("its Atom writes category without the term attribute RFC 4287 requires, and no xml:lang", () => {
  const atom = sample().atom1();
  expect(atom).toMatch(/<category(?![^>]*\bterm=)[^>]*>/);
  expect(atom).not.toContain("xml:lang");
});

test("xmlbuilder2 leaves an & that starts an entity name unescaped, so text saying &lt; is read back as <", () => {
  const xml = create().ele("title").txt("AT&amp;T &lt;b&gt;").end();
  expect(xml).toContain("<title>AT&amp;T &lt;b&gt;</title>"); // a parser reads: AT&T <b>
});

test("xmlbuilder2 turns an escaped <script> in body HTML into a live tag for the reader", () => {
  const body = "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"; // what a Markdown renderer makes of typed <script>
  const xml = create().ele("content").txt(body).end();
  expect(xml).toContain("&lt;script&gt;alert(1)"); // parsed back: <script>alert(1) inside the HTML
});

test("patrika's escaping keeps text exactly: every & is escaped, whatever follows it", () => {
  expect(escapeText("AT&amp;T &lt;b&gt; ]]>")).toBe("AT&amp;amp;T &amp;lt;b&amp;gt; ]]&gt;");
  expect(escapeAttribute('a&quot;b "c"\t<')).toBe("a&amp;quot;b &quot;c&quot;&#9;&lt;");
});
