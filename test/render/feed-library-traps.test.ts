/**
 * Why patrika renders RSS and Atom with xmlbuilder2 rather than the `feed` package (docs/adr/0003-render-feeds-with-xmlbuilder2.md):
 * `feed` 6 writes output that validators and readers reject. Each test pins one defect; when an upgrade fixes
 * them all, these fail and the decision should be revisited.
 */
import { Feed } from "feed";

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
