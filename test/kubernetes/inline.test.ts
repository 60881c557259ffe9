/**
 * The lazy inliner on small hand-made definitions: references, which description wins,
 * well-known shapes, and recursion.
 */
import { describe, expect, test } from "vitest";
import type { StoredDefinition } from "../../src/read/kubernetes/data-format.js";
import { DefinitionInliner } from "../../src/read/kubernetes/inline.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const definitions: Record<string, StoredDefinition> = {
  Outer: {
    schema: {
      type: "object",
      description: "Outer type doc",
      properties: {
        documented: { $ref: "Inner", description: "field doc" },
        undocumented: { $ref: "Inner" },
        list: { type: "array", items: { $ref: "Inner" }, "x-kubernetes-list-type": "atomic" },
        size: { $ref: "Quantity", description: "a quantity" },
        name: { type: "string", default: "" },
      },
      required: ["name"],
    },
  },
  Inner: {
    schema: {
      type: "object",
      description: "Inner type doc",
      "x-kubernetes-map-type": "atomic",
      properties: { x: { type: "string" } },
    },
  },
  Self: { schema: { type: "object", description: "Self doc", properties: { child: { $ref: "Self" } } } },
  Ping: { schema: { type: "object", properties: { pong: { $ref: "Pong" } } } },
  Pong: { schema: { type: "object", properties: { ping: { $ref: "Ping" } } } },
  Broken: { schema: { type: "object", properties: { gone: { $ref: "Missing" } } } },
};

describe("DefinitionInliner", () => {
  test("inlines references; the referring field's description replaces the type's", () => {
    const outer = new DefinitionInliner(definitions).expand("Outer");
    expect(outer?.properties?.documented).toEqual({
      type: "object",
      description: "field doc",
      "x-kubernetes-map-type": "atomic",
      properties: { x: { type: "string" } },
    });
    expect(outer?.properties?.undocumented?.description).toBe("Inner type doc");
    expect(outer?.properties?.list).toEqual({
      type: "array",
      "x-kubernetes-list-type": "atomic",
      items: {
        type: "object",
        description: "Inner type doc",
        "x-kubernetes-map-type": "atomic",
        properties: { x: { type: "string" } },
      },
    });
    expect(outer?.properties?.name).toEqual({ type: "string", default: "" });
    expect(outer?.required).toEqual(["name"]);
  });

  test("well-known names expand to controller-gen's fixed shapes", () => {
    const size = new DefinitionInliner(definitions).expand("Outer")?.properties?.size;
    expect(size).toMatchObject({
      description: "a quantity",
      anyOf: [{ type: "integer" }, { type: "string" }],
      "x-kubernetes-int-or-string": true,
    });
    expect(size?.pattern).toMatch(/^\^\(\\\+\|-\)\?/);
  });

  test("a type that contains itself is cut where it recurs, keeping the value", () => {
    expect(new DefinitionInliner(definitions).expand("Self")).toEqual({
      type: "object",
      description: "Self doc",
      properties: {
        child: { type: "object", description: "Self doc", "x-kubernetes-preserve-unknown-fields": true },
      },
    });
  });

  test("mutual recursion is cut on every entry point, whatever was expanded first", () => {
    const inliner = new DefinitionInliner(definitions);
    for (const name of ["Ping", "Pong", "Ping"]) {
      const schema = inliner.expand(name);
      expect(schema).toBeDefined();
      expect(cutsOnlyWhereTypesRecur(schema!, [name])).toBe(true);
    }
  });

  test("unknown names give undefined; a dangling reference inside the data is an error", () => {
    const inliner = new DefinitionInliner(definitions);
    expect(inliner.expand("Nope")).toBeUndefined();
    expect(() => inliner.expand("Broken")).toThrow(/unknown type Missing/);
  });
});

/**
 * Every recursion cut (preserve-unknown-fields object) sits below a node of the same type;
 * types are told apart here by their property names, which differ between Ping and Pong.
 */
function cutsOnlyWhereTypesRecur(schema: JSONSchemaProps, path: string[]): boolean {
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const type = key === "pong" ? "Pong" : "Ping";
    if (child["x-kubernetes-preserve-unknown-fields"]) {
      if (!path.includes(type)) return false;
    } else if (!cutsOnlyWhereTypesRecur(child, [...path, type])) {
      return false;
    }
  }
  return true;
}
