/**
 * Integer literals beyond 2^53 that the CRD would print as another integer are found, whatever
 * their spelling; so are literals beyond a 64-bit float, which JavaScript reads as Infinity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ts } from "ts-morph";
import { inexactIntegerLiteral, unwritableLiteral } from "../../src/read/number-literals.js";
import { tsApi } from "../../src/read/typescript.js";

/** The literal of `type T = <text>` with the number TypeScript's checker gives it (`+text`, as its scanner). */
function literalOf(text: string): { node: ts.Node; value: number } {
  const sf = tsApi.createSourceFile("t.ts", `type T = ${text};`, tsApi.ScriptTarget.ES2022, true);
  const alias = sf.statements[0] as ts.TypeAliasDeclaration;
  const node = (alias.type as ts.LiteralTypeNode).literal;
  const digits = text.replace(/^[-+]/, "").replace(/_/g, "");
  const magnitude = /^0[oObB]/.test(digits) ? Number(BigInt(digits)) : Number(digits);
  return { node, value: text.startsWith("-") ? -magnitude : magnitude };
}

const integers = fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });

describe("inexactIntegerLiteral", () => {
  it("names exactly the integers the CRD would print with other digits, in decimal, hex, octal and binary", () =>
    fc.assert(
      fc.property(integers, fc.constantFrom(10, 16, 8, 2), (n, radix) => {
        const prefix = { 10: "", 16: "0x", 8: "0o", 2: "0b" }[radix]!;
        const magnitude = prefix + (n < 0n ? -n : n).toString(radix);
        // TypeScript takes `-` on a literal type only before a decimal literal: others stand alone.
        if (n < 0n && radix !== 10) return;
        const text = (n < 0n ? "-" : "") + magnitude;
        const { node, value } = literalOf(text);
        // The CRD says the number as JavaScript prints it; toLocaleString spells those digits out.
        const exact = value.toLocaleString("en-US", { useGrouping: false }) === n.toString();
        expect(inexactIntegerLiteral(node, value)).toBe(exact ? undefined : text);
      }),
      { numRuns: 3000 },
    ));

  it("accepts every integer as JavaScript prints it, however far beyond 2^53", () =>
    fc.assert(
      fc.property(fc.double({ min: -1e21, max: 1e21, noNaN: true }), (d) => {
        const text = Math.trunc(d).toLocaleString("en-US", { useGrouping: false });
        const { node, value } = literalOf(text);
        expect(inexactIntegerLiteral(node, value)).toBeUndefined();
      }),
      { numRuns: 3000 },
    ));

  it("leaves floats, separators' spelling aside, to round as floats do", () => {
    for (const text of ["9007199254740993.5", "1e300", "-12345678901234567890.0", "9.007199254740993e15"]) {
      const { node, value } = literalOf(text);
      expect(inexactIntegerLiteral(node, value), text).toBeUndefined();
    }
    const { node, value } = literalOf("9_007_199_254_740_993");
    expect(inexactIntegerLiteral(node, value)).toBe("9_007_199_254_740_993");
  });
});

describe("unwritableLiteral", () => {
  it("names a float literal exactly when JavaScript reads it as Infinity, and leaves the rest to round", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.nat(999),
        fc.integer({ min: 250, max: 450 }),
        (lead, fraction, exponent) => {
          const text = `${lead}.${fraction}e${exponent}`;
          const { node } = literalOf(text);
          const value = Number(text);
          expect(unwritableLiteral(node, value)).toBe(Number.isFinite(value) ? undefined : text);
        },
      ),
      { numRuns: 1000 },
    ));

  it("is inexactIntegerLiteral for a finite value", () => {
    const { node, value } = literalOf("9007199254740993");
    expect(unwritableLiteral(node, value)).toBe("9007199254740993");
    const exact = literalOf("9007199254740992");
    expect(unwritableLiteral(exact.node, exact.value)).toBeUndefined();
  });
});
