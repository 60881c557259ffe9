/**
 * parseJson (@default, @exampleValue) refuses an integer that JSON.parse would change, rather
 * than write another number than the one the user wrote.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson } from "../../src/tags/parse.js";

const MAX_EXACT = 2n ** 53n - 1n;

describe("parseJson and integers beyond 2^53", () => {
  it("accepts every number as JavaScript writes it", () =>
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (d) => parseJson(JSON.stringify(d)).ok,
      ),
    ));

  it("accepts every integer within 2^53, alone or inside a value", () =>
    fc.assert(
      fc.property(
        fc.bigInt({ min: -MAX_EXACT, max: MAX_EXACT }),
        (b) => parseJson(`{"a": [${b}], "b": "${b}"}`).ok,
      ),
    ));

  it("refuses an odd integer beyond 2^53 (no number holds one), wherever it is", () =>
    fc.assert(
      fc.property(fc.bigInt({ min: MAX_EXACT + 1n, max: 2n ** 70n }), fc.boolean(), (b, negative) => {
        const odd = (b | 1n) * (negative ? -1n : 1n);
        const result = parseJson(`{"a": [1, ${odd}]}`);
        return !result.ok && result.message.includes(`the integer ${odd},`);
      }),
    ));

  it("ignores digits inside strings, and floats", () => {
    expect(parseJson('"9007199254740993"')).toEqual({ ok: true, value: "9007199254740993" });
    expect(parseJson('{"k\\"9007199254740993": 1.5e300}').ok).toBe(true);
    expect(parseJson("9007199254740993.5").ok).toBe(true);
  });

  it("refuses an integer too large for any number", () => {
    const result = parseJson(`1${"0".repeat(400)}`);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("beyond the largest 64-bit float") as unknown,
    });
  });
});

describe("parseJson and numbers beyond a 64-bit float", () => {
  // Digits, a fraction and an exponent that together pass 1.8e308: JSON.parse reads Infinity,
  // which YAML would print as the string "Infinity" and JSON as null.
  const beyond = fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.nat(99), fc.integer({ min: 309, max: 5000 }), fc.boolean())
    .map(([lead, fraction, exponent, negative]) => `${negative ? "-" : ""}${lead}.${fraction}e${exponent}`);

  it("refuses one wherever it is, naming it as written", () =>
    fc.assert(
      fc.property(beyond, fc.constantFrom("%", "[1, %]", '{"a": {"b": [%]}, "c": "1e999"}'), (n, shape) => {
        const result = parseJson(shape.replace("%", n));
        return !result.ok && result.message.startsWith(`has the number ${n} (`);
      }),
    ));

  it("accepts the largest float64 and numbers that round to 0", () => {
    expect(parseJson("[1.7976931348623157e308, -1.7976931348623157e308, 1e-400]")).toEqual({
      ok: true,
      value: [1.7976931348623157e308, -1.7976931348623157e308, 0],
    });
  });
});

describe("parseJson and null", () => {
  // The API server reads a null default or example as none: the keyword would do nothing but
  // differ from the CRD it stores.
  it.each([
    ["null", undefined, "no default", "an optional field left unset stays unset"],
    [" null ", "exampleValue", "no example", "remove the tag"],
  ])("%j for @%s is refused", (text, tag, message, hint) => {
    const result = parseJson(text, tag);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.message).toContain(`is null, which Kubernetes reads as ${message}`);
    expect(result.ok ? "" : result.hint).toContain(hint);
  });

  it("accepts any value that holds null inside it", () =>
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
        expect(parseJson(JSON.stringify({ value: v, unset: null }))).toMatchObject({ ok: true });
        expect(parseJson(JSON.stringify([null, v]))).toMatchObject({ ok: true });
      }),
    ));
});
