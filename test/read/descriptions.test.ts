/**
 * Descriptions as `kubectl explain` and API reference generators show them: the comment's text,
 * with no JSDoc or HTML markup left to decode by eye and no spaces at line ends.
 */
import { describe, expect, test } from "vitest";
import { generateFrom, specSchema, withRoot } from "../helpers/generate.js";

/** The description of `spec.f` written with the doc comment lines `lines` (joined with `eol`). */
function descriptionOf(lines: string[], eol = "\n"): string | undefined {
  const comment = `  /**${eol}${lines.map((l) => `   * ${l}`).join(eol)}${eol}   */`;
  return specSchema(withRoot(`{${eol}${comment}${eol}  f?: string;${eol}}`)).properties!.f!.description;
}

describe("an inline link over several lines", () => {
  test("reads as its text, on one line, and the text after it stays", () => {
    expect(descriptionOf(["Uses {@link Widget | the", "widget} here."])).toBe("Uses the widget here.");
    expect(descriptionOf(["Uses {@link", "Widget} here."])).toBe("Uses Widget here.");
    expect(descriptionOf(["See {@link https://example.com/a |", "the docs} now."])).toBe(
      "See the docs (https://example.com/a) now.",
    );
  });

  test("leaves the tags after it in place, with their values and positions", () => {
    const widget = (type: string) =>
      withRoot(
        `{\n  /**\n   * A {@link Widget | long\n   * name}.\n   * @maxLength 3\n   */\n  f?: ${type};\n}`,
      );
    expect(specSchema(widget("string")).properties!.f).toEqual({
      description: "A long name.",
      maxLength: 3,
      type: "string",
    });
    // A string tag on a number is reported at the tag's own line and column.
    const result = generateFrom(widget("number"));
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
      ["CRD3006", 12, 6],
    ]);
  });

  test("in @remarks, @description and @deprecated", () => {
    expect(
      descriptionOf(["A.", "@remarks B {@link Widget | the", "w}.", "@deprecated use {@link Widget |", "g}"]),
    ).toBe("A.\n\nB the w.\n\nDeprecated: use g");
    expect(descriptionOf(["A.", "@description C {@link Widget | x", "y}."])).toBe("A.\n\nC x y.");
  });
});

describe("spaces at line ends", () => {
  test("are left out, as controller-gen leaves them out of Go comments", () => {
    expect(descriptionOf(["First line.   ", "second line.\t", "", "Third."])).toBe(
      "First line.\nsecond line.\n\nThird.",
    );
  });

  test("in a file with CRLF line ends", () => {
    expect(descriptionOf(["First line.  ", "second.", "", "Third."], "\r\n")).toBe(
      "First line.\nsecond.\n\nThird.",
    );
  });

  test("in tag texts read into the description", () => {
    expect(descriptionOf(["A.", "@remarks B.  ", "C."])).toBe("A.\n\nB.\nC.");
    expect(descriptionOf(["A.", "@deprecated use g  ", "instead"])).toBe("A.\n\nDeprecated: use g\ninstead");
  });
});

describe("HTML character references", () => {
  test.each([
    ["a &lt;name&gt; &amp; more", "a <name> & more"],
    ["&quot;q&quot; &apos;a&apos; &#39;b&#39; &#x1F389;", "\"q\" 'a' 'b' 🎉"],
    // Not references to a character: kept as written.
    ["&bogus; & alone, a&b, &#0; &#xD800; &#x110000;", "&bogus; & alone, a&b, &#0; &#xD800; &#x110000;"],
  ])("%j reads as %j", (text, read) => {
    expect(descriptionOf([text])).toBe(read);
    expect(descriptionOf([text, "@maxLength 3"])).toBe(read);
    expect(descriptionOf(["A.", text])).toBe(`A.\n${read}`);
  });

  test("stay in code, as Markdown keeps them", () => {
    expect(
      descriptionOf(["`&lt;x&gt;` &lt;y&gt;", "", "```", "a &amp; b", "```", "", "    c &amp; d", "&gt;"]),
    ).toBe("`&lt;x&gt;` <y>\n\n```\na &amp; b\n```\n\n    c &amp; d\n>");
  });
});

describe("what already read right", () => {
  test("line breaks, paragraphs, lists and indented code stay as written", () => {
    const lines = [
      "Summary line",
      "wrapped.",
      "",
      "- item one",
      "  continued",
      "- item two",
      "",
      "    code",
      "      deeper",
    ];
    expect(descriptionOf(lines)).toBe(lines.join("\n"));
  });

  test("a comment of tags only gives no description", () => {
    expect(descriptionOf(["@maxLength 3", "@see https://example.com", "@example x"])).toBeUndefined();
  });

  test("tabs, emoji and other non-ASCII text stay", () => {
    expect(descriptionOf(["Tab\there, 🎉 ünïcödé 日本語."])).toBe("Tab\there, 🎉 ünïcödé 日本語.");
  });
});
