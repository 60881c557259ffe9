/**
 * A transform's report about a keyword a tag wrote (CRD3004 an unknown format, CRD3006 a value
 * tag its field's type ignores or an example of another kind) points at the tag, wherever the
 * tag is (the field's doc, a named type's, an item type's, through `| null`, a lowered union, a
 * property named with dots); at the field when no tag wrote the keyword.
 */
import { describe, expect, test } from "vitest";
import { ORIGIN } from "../../src/emit/draft.js";
import { tagWriting } from "../../src/emit/keyword-origins.js";
import type { IrDefinition, IrProperty, IrRoot } from "../../src/ir/model.js";
import { collectingContext } from "../../transforms/context.js";
import { unsupportedKeywords } from "../../transforms/unsupported-keywords.js";
import { ENTRY, generateFrom, withRoot } from "../helpers/generate.js";

/** Where each CRD3004/CRD3006 of `source` points: the text from its column on its line. */
function pointedAt(source: string): string[] {
  const lines = source.split("\n");
  return generateFrom(source)
    .diagnostics.filter((d) => d.code === "CRD3004" || d.code === "CRD3006")
    .map((d) => {
      expect(d.location?.file).toBe(ENTRY);
      return lines[d.location!.line - 1]!.slice(d.location!.column - 1)
        .replace(/\*\/$/, "")
        .trim();
    });
}

describe("a keyword's problem is reported at the tag that wrote it", () => {
  test.each([
    [
      "a long doc comment",
      "{\n  /**\n   * Names.\n   *\n   * More.\n   * @maxLength 63\n   */\n  names: string[];\n}",
      "",
      ["@maxLength 63"],
    ],
    [
      "an example of another kind",
      "{\n  /**\n   * A name.\n   * @exampleValue 5\n   */\n  name: string;\n}",
      "",
      ["@exampleValue 5"],
    ],
    [
      "an unknown format",
      "{\n  /**\n   * Port.\n   * @format uint32\n   */\n  port: number;\n}",
      "",
      ["@format uint32"],
    ],
    ["a named type's tag", "{ tags: Tags }", "/** @minLength 2 */\ntype Tags = string[];", ["@minLength 2"]],
    ["an item type's tag", "{ ports: Port[] }", "/** @pattern ^a$ */\ntype Port = number;", ["@pattern ^a$"]],
    [
      "a map value type's tag",
      "{ ports: Record<string, Port> }",
      "/** @pattern ^a$ */\ntype Port = number;",
      ["@pattern ^a$"],
    ],
    ["through | null", "{ tags?: Tags | null }", "/** @maxItems 2 */\ntype Tags = string;", ["@maxItems 2"]],
    [
      "the field's tag before its type's",
      "{\n  /** @maxLength 3 */\n  tags: Tags;\n}",
      "/** @maxLength 9 */\ntype Tags = string[];",
      ["@maxLength 3"],
    ],
    [
      "the number form of @exclusiveMinimum",
      "{\n  /** @exclusiveMinimum 1 */\n  n: string;\n}",
      "",
      ["@exclusiveMinimum 1", "@exclusiveMinimum 1"],
    ],
    [
      "a property named with dots",
      '{\n  /** @minimum 1 */\n  "app.kubernetes.io/name": string;\n}',
      "",
      ["@minimum 1"],
    ],
    [
      "a member of a lowered union",
      "{ shape: Circle | Square }",
      'interface Circle {\n  kind: "circle";\n  /** @minItems 1 */\n  radius: number;\n}\ninterface Square { kind: "square"; side: number }',
      ["@minItems 1"],
    ],
  ])("%s", (_, spec, prelude, expected) => {
    expect(pointedAt(withRoot(spec, prelude))).toEqual(expected);
  });
});

describe("without a tag that wrote the keyword, at the node's own source", () => {
  const at = (line: number) => ({ file: "/p/types.ts", line, column: 1 });
  const port: IrProperty = {
    name: "port",
    optional: false,
    // A format a known type gave, as the reader writes it: no tag.
    type: { kind: "primitive", type: "integer", format: "uint32" },
    tags: [{ name: "description", value: "a port", origin: at(2) }],
    origin: at(3),
  };
  const root = { typeName: "R", tags: [], type: { kind: "object", properties: [port] } } as unknown as IrRoot;

  test("a format the reader wrote is reported at the field", () => {
    const ctx = { ...collectingContext("R"), source: { root, definitions: new Map() } };
    unsupportedKeywords(
      { type: "object", properties: { port: { type: "integer", format: "uint32", [ORIGIN]: at(3) } } },
      ctx,
    );
    expect(ctx.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([["CRD3004", 3]]);
  });

  test("so is a keyword on a path the IR cannot follow (a union's branch)", () => {
    expect(tagWriting({ root, definitions: new Map() }, "port.anyOf[0]", "format")).toBeUndefined();
    expect(tagWriting({ root, definitions: new Map() }, "missing", "format")).toBeUndefined();
  });

  test("a cycle of named types ends", () => {
    const loop: IrProperty = { ...port, type: { kind: "ref", name: "A" }, tags: [] };
    const definitions = new Map<string, IrDefinition>([
      ["A", { name: "A", type: { kind: "ref", name: "B" }, tags: [] }],
      ["B", { name: "B", type: { kind: "ref", name: "A" }, tags: [] }],
    ]);
    const cyclic = { ...root, type: { kind: "object", properties: [loop] } } as IrRoot;
    expect(tagWriting({ root: cyclic, definitions }, "port.x", "format")).toBeUndefined();
    expect(tagWriting({ root: cyclic, definitions }, "port", "format")).toBeUndefined();
  });
});
