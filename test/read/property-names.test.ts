/**
 * Which members of a type are fields of its JSON: every named or quoted key, whatever its
 * characters; not a class's `#private` field or a symbol-keyed member, which no JSON holds.
 */
import { describe, expect, test } from "vitest";
import { generateFrom, specSchema, withRoot } from "../helpers/generate.js";

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

describe("a class's hidden fields", () => {
  const source = withRoot(
    "{ box?: Box; again?: Box }",
    [
      "export class Box {",
      '  private secret = "x";',
      "  protected inner = 2;",
      "  static count = 0;",
      "  size = 2;",
      "  constructor(private readonly owner: string) {}",
      "  private helper(): number { return 1; }",
      "}",
    ].join("\n"),
  );

  test("are left out of the schema; private and protected fields get a warning each, once, at the field", () => {
    const spec = specSchema(source);
    expect(Object.keys(spec.properties!.box!.properties!)).toEqual(["size"]);
    const warnings = generateFrom(source).diagnostics.filter((d) => d.code === "CRD1026");
    expect(warnings.map((w) => [w.path, w.location!.line])).toEqual([
      ["Widget.spec.box.secret", 2],
      ["Widget.spec.box.inner", 3],
      ["Widget.spec.box.owner", 6],
    ]);
    expect(warnings[1]!.message).toContain("is protected");
  });
});
