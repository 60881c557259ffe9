import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedKeys } from "../../src/schema/sorted-keys.js";

describe("sortedKeys", () => {
  it("orders keys as Array.prototype.sort does", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.constant(1), { maxKeys: 12 }), (object) => {
        expect(sortedKeys(object)).toEqual(Object.keys(object).sort());
      }),
      { numRuns: 2000 },
    );
  });

  it("orders schema keywords, numbers and non-ASCII keys by code unit", () => {
    const object = {
      type: 1,
      properties: 1,
      "x-kubernetes-int-or-string": 1,
      $ref: 1,
      "10": 1,
      "9": 1,
      é: 1,
      Z: 1,
    };
    expect(sortedKeys(object)).toEqual(
      ["10", "9", "$ref", "Z", "properties", "type", "x-kubernetes-int-or-string", "é"].sort(),
    );
    expect(sortedKeys(object)).toEqual([
      "$ref",
      "10",
      "9",
      "Z",
      "properties",
      "type",
      "x-kubernetes-int-or-string",
      "é",
    ]);
  });
});
