/**
 * Which members of a type are fields of its JSON: every named or quoted key, whatever its
 * characters; not a class's `#private` field or a symbol-keyed member, which no JSON holds.
 */
import { describe, expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

describe("property names", () => {
  test("a quoted key starting with # is a field, a class's #private field is not", () => {
    const spec = specSchema(
      withRoot(
        '{\n  "#hash"?: string;\n  box?: Box;\n}',
        "export class Box {\n  #secret = 1;\n  size = 2;\n}",
      ),
    );
    expect(Object.keys(spec.properties!)).toEqual(["#hash", "box"]);
    expect(Object.keys(spec.properties!.box!.properties!)).toEqual(["size"]);
  });

  test("symbol-keyed members are left out; quoted names of any characters are kept as written", () => {
    const spec = specSchema(
      withRoot(
        '{\n  [key]?: string;\n  [Symbol.iterator]?: number;\n  "__@x"?: string;\n  "a.b/c"?: string;\n  "ü"?: string;\n  "0"?: string;\n}',
        "export const key: unique symbol = Symbol();",
      ),
    );
    expect(Object.keys(spec.properties!).sort()).toEqual(["0", "__@x", "a.b/c", "ü"]);
  });
});
