import { imageMimeType, rfc822 } from "../../src/render/xml.js";
import { xmlSafe } from "../../src/text.js";

test.each([
  ["2025-07-13T17:28:00+06:00", "Sun, 13 Jul 2025 17:28:00 +0600"],
  ["2009-07-01T12:00:00+07:00", "Wed, 01 Jul 2009 12:00:00 +0700"],
  ["2024-02-29T00:00:00.250-05:00", "Thu, 29 Feb 2024 00:00:00 -0500"],
  ["1999-12-31T23:59:59Z", "Fri, 31 Dec 1999 23:59:59 +0000"],
])("RFC 822 date of %s keeps the local offset and a four-digit year", (iso, expected) => {
  expect(rfc822(iso)).toBe(expected);
});

test("xmlSafe removes exactly what XML 1.0 forbids", () => {
  const forbidden = "\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800";
  const kept = "\t\n\r ক\u200C\u200D\u200F😀\uE000\uFFFD";
  expect(xmlSafe(forbidden + kept + forbidden)).toBe(kept);
});

test.each([
  ["https://x.org/a.jpg", "image/jpeg"],
  ["https://x.org/a.JPEG?w=1", "image/jpeg"],
  ["https://x.org/a.webp", "image/webp"],
  ["https://x.org/image", undefined],
])("image type of %s is %s", (url, type) => {
  expect(imageMimeType(url)).toBe(type);
});
