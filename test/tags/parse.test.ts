/** The shared argument parsers (src/tags/parse.ts): accepted and refused texts, with their messages. */
import { describe, expect, test } from "vitest";
import { parseJson, parseKeyValues, parsePositive } from "../../src/tags/parse.js";

describe("parseKeyValues", () => {
  const KEYS = ["url", "description", "flag"];

  test.each([
    ["url=https://a.io", { url: "https://a.io" }],
    [
      "url=\"https://a.io/a b\" description='single quoted'",
      { url: "https://a.io/a b", description: "single quoted" },
    ],
    ["url=https://a.io flag", { url: "https://a.io", flag: true }],
    ["flag url=https://a.io", { flag: true, url: "https://a.io" }],
    // A quoted value loses the backslash of \" and \\ only: a JSONPath's \. stays as written.
    ['description="say \\"hi\\" \\\\ done"', { description: 'say "hi" \\ done' }],
    ['description=".a\\.b"', { description: ".a\\.b" }],
    ["description=.a\\.b", { description: ".a\\.b" }],
  ])("%s", (text, expected) => {
    expect(parseKeyValues(text, KEYS)).toEqual({ ok: true, value: new Map(Object.entries(expected)) });
  });

  test.each([
    [
      "url=not a url",
      'url=not is followed by "a url": a value with spaces needs quotes',
      'write url="not a url"',
    ],
    [
      "description=More docs url=https://a.io",
      'description=More is followed by "docs": a value with spaces needs quotes',
      'write description="More docs"',
    ],
    // Go's raw strings, as controller-gen markers quote values: kept, they would reach the CRD.
    [
      "url=`https://a.io` flag",
      "url is in backticks (Go's raw string), which crdgen does not read as quotes",
      "write url=https://a.io",
    ],
    [
      'description=`.a[?(@.type=="Ready")].status`',
      "description is in backticks (Go's raw string), which crdgen does not read as quotes",
      'write description=.a[?(@.type=="Ready")].status',
    ],
    [
      "description=`self.size() > 1`",
      "description is in backticks (Go's raw string), which crdgen does not read as quotes",
      'write description="self.size() > 1"',
    ],
    ["url=a url=b", "gives url more than once", undefined],
    ["=b url=a", 'cannot read "=b url=a" as key=value', undefined],
  ])("%s is refused", (text, message, hint) => {
    expect(parseKeyValues(text, KEYS)).toEqual(
      hint === undefined ? { ok: false, message } : { ok: false, message, hint },
    );
  });

  // The hint is followed as written: its value parses back to the words the user meant, quotes and all.
  test.each([
    [
      'description=.status.conditions[?(@.type == "Ready")].status',
      '.status.conditions[?(@.type == "Ready")].status',
    ],
    ['description=it\'s "x" now', 'it\'s "x" now'],
    ["description=a\\.b c", "a\\.b c"],
    [
      'description=`.status.conditions[?(@.type=="Ready")].status`',
      '.status.conditions[?(@.type=="Ready")].status',
    ],
    ['description=`it\'s "x"`', 'it\'s "x"'],
  ])("the hint for %s reads back", (text, whole) => {
    const refused = parseKeyValues(text, KEYS);
    expect(refused.ok).toBe(false);
    const hint = refused.ok ? "" : (refused.hint ?? "");
    expect(hint).toMatch(/^write description=/);
    const followed = parseKeyValues(hint.slice("write ".length), KEYS);
    expect(followed).toEqual({ ok: true, value: new Map([["description", whole]]) });
  });

  test("without the tag's keys, a bare word is a flag", () => {
    expect(parseKeyValues("url=not a")).toEqual({
      ok: true,
      value: new Map<string, string | true>([
        ["url", "not"],
        ["a", true],
      ]),
    });
  });
});

describe("parsePositive (@multipleOf)", () => {
  test.each([
    ["2", 2],
    ["0.5", 0.5],
    ["1e-3", 0.001],
  ])("%s", (text, value) => expect(parsePositive(text)).toEqual({ ok: true, value }));

  test.each([
    ["0", "must be greater than 0, got 0"],
    ["-2", "must be greater than 0, got -2"],
    ["-0", "must be greater than 0, got -0"],
    ["two", 'expects a number, got "two"'],
  ])("%s is refused", (text, message) => expect(parsePositive(text)).toEqual({ ok: false, message }));
});

describe("parseJson's hint names the tag, with the value to write", () => {
  test.each([
    [undefined, 'JSON quotes keys and strings with ": write @default {"a": 1}'],
    ["exampleValue", 'JSON quotes keys and strings with ": write @exampleValue {"a": 1}'],
  ])("%s", (tag, hint) => {
    expect(parseJson("{a: 1}", tag)).toEqual({
      ok: false,
      message: "expects a JSON value, got {a: 1}",
      hint,
    });
  });

  // Each hint is the tag to write, and what it writes is JSON that parses.
  test.each([
    ["foo bar", '@default "foo bar"'],
    ["100Mi", '@default "100Mi"'],
    ["'Always'", '@default "Always"'],
    ["{a: 1, b: 'x', }", '@default {"a": 1, "b": "x" }'],
    ["[{name: 'a'}]", '@default [{"name": "a"}]'],
  ])("%s", (text, written) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    const hint = parsed.ok ? "" : (parsed.hint ?? "");
    expect(hint.endsWith(written)).toBe(true);
    expect(parseJson(written.slice("@default ".length)).ok).toBe(true);
  });

  test.each([
    ["{a: }", '{"key": "value"}'],
    ["[a, b]", '["a", "b"]'],
  ])("%s, which no quoting mends, gets JSON's rules, not a string's", (text, example) => {
    const parsed = parseJson(text);
    expect(parsed.ok ? "" : parsed.hint).toBe(
      `JSON quotes keys and strings with ", and has no trailing commas: @default ${example}`,
    );
  });
});
