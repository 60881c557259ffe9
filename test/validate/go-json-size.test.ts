/**
 * goJsonSize counts what Go's encoding/json would write. The reference here builds the text:
 * JSON.stringify escapes what Go escapes (quotes, backslashes, control characters, with the same
 * short forms) except the HTML-safe set and U+2028/U+2029, and Go sees a lone surrogate as U+FFFD.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goJsonSize, goStringSize } from "../../src/validate/go-json-size.js";

const GO_ONLY_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Go's `json.Marshal` output for a JSON value (map keys left in their order: sizes don't care). */
function goMarshal(value: unknown): string {
  const wellFormed = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string" ? v.replace(LONE_SURROGATE, "\ufffd") : v,
  );
  // Object keys are not passed through the replacer: the values of the generators below keep
  // their keys well formed, or the property test would say so.
  return wellFormed.replace(/[<>&\u2028\u2029]/g, (c) => GO_ONLY_ESCAPES[c]!);
}

const byteLength = (s: string) => Buffer.byteLength(s);

/** Strings rich in what changes a size: escapes, HTML characters, multi-byte and lone surrogates. */
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom(
      "<",
      ">",
      "&",
      '"',
      "\\",
      "\n",
      "\t",
      "\b",
      "\f",
      "\r",
      "\u0001",
      "\u001f",
      "\u007f",
    ),
  }),
  fc.string({ unit: fc.constantFrom("é", "€", "😀", "\u2028", "\u2029", "\ud800", "\udfff", "a") }),
);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    trickyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value")),
    fc.dictionary(fc.string({ unit: "grapheme" }), tie("value")),
  ),
})).value;

describe("goStringSize", () => {
  it.each([
    ["plain", "abc", 5],
    ["HTML characters become \\u00XX", "<b>&", 2 + 6 + 1 + 6 + 6],
    ["short escapes", 'a"\\\n\t', 2 + 1 + 2 + 2 + 2 + 2],
    ["other control characters", "\u0001", 8],
    ["multi-byte text is its UTF-8", "é€😀", 2 + 2 + 3 + 4],
    ["line and paragraph separators are escaped", "\u2028", 8],
    ["a lone surrogate is U+FFFD", "\ud800", 2 + 3],
  ])("%s", (_name, s, bytes) => expect(goStringSize(s)).toBe(bytes));

  it("is the length of Go's encoding", () =>
    fc.assert(fc.property(trickyString, (s) => goStringSize(s) === byteLength(goMarshal(s)))));
});

describe("goJsonSize", () => {
  it("is the length of Go's encoding of any JSON value", () =>
    fc.assert(fc.property(jsonValue, (v) => goJsonSize(v) === byteLength(goMarshal(v)))));

  it("counts a member whose value is undefined as absent, and undefined in an array as null", () => {
    expect(goJsonSize({ a: 1, b: undefined })).toBe(byteLength('{"a":1}'));
    expect(goJsonSize([1, undefined])).toBe(byteLength("[1,null]"));
    expect(goJsonSize({ a: "<" })).toBe(byteLength('{"a":"\\u003c"}'));
  });

  it("stops past a limit: above it exactly when the whole value is, and exact below it", () =>
    fc.assert(
      fc.property(jsonValue, fc.nat({ max: 400 }), (v, limit) => {
        const full = goJsonSize(v);
        const capped = goJsonSize(v, limit);
        return full > limit ? capped > limit && capped <= full : capped === full;
      }),
    ));

  it("costs about the limit, not the value, on a huge value", () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => ({
      name: `item-${i}`,
      description: "x".repeat(40),
    }));
    let visits = 0;
    const counted = new Proxy(huge, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) visits++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(goJsonSize(counted, 10_000)).toBeGreaterThan(10_000);
    expect(visits).toBeLessThan(200);
  });
});
