/**
 * `@schemaless` on a property: its type makes no schema, so the reader does not read it. The type
 * may be one no schema can say, as with controller-gen's Schemaless: the point where a recursion
 * stops, a Map or bigint the program encodes itself.
 */
import { describe, expect, test } from "vitest";
import type { JSONSchemaProps } from "../../src/index.js";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

const TAG = "@schemaless @preserveUnknownFields";

interface Case {
  name: string;
  prelude?: string;
  /** The spec's body; `TAGS` marks where the property's doc comment goes. */
  spec: string;
  /** The schemaless property, a path of property names below spec. */
  at: string[];
  schema: JSONSchemaProps;
}

const cases: Case[] = [
  {
    name: "an object literal type holding itself through an indexed access (no name to refer to)",
    spec: '{\n  nested: {\n    name: string;\n    TAGS\n    again?: Spec["nested"];\n  };\n}',
    at: ["nested", "again"],
    schema: { "x-kubernetes-preserve-unknown-fields": true },
  },
  {
    name: "a value's type holding itself through typeof",
    prelude: `declare const node: {\n  name?: string;\n  /** ${TAG} */\n  next?: typeof node;\n};`,
    spec: "{\n  head?: typeof node;\n}",
    at: ["head", "next"],
    schema: { "x-kubernetes-preserve-unknown-fields": true },
  },
  {
    name: "a Map the program serializes itself",
    spec: "{\n  TAGS\n  byName?: Map<string, string>;\n}",
    at: ["byName"],
    schema: { "x-kubernetes-preserve-unknown-fields": true },
  },
  {
    name: "a bigint written as a string, its schema from the tags alone",
    spec: "{\n  /** @schemaless @schemaType string @pattern ^[0-9]+$ */\n  count?: bigint;\n}",
    at: ["count"],
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  {
    name: "a named type tagged @schemaless: its body is not read either",
    prelude: `/** ${TAG} */\nexport type Raw = Map<string, unknown>;`,
    spec: "{\n  raw?: Raw;\n}",
    at: ["raw"],
    schema: { "x-kubernetes-preserve-unknown-fields": true },
  },
  {
    name: "a named interface tagged @schemaless that holds itself and a function",
    prelude: `/** ${TAG} */\nexport interface Link {\n  next?: Link;\n  visit(): void;\n}`,
    spec: "{\n  link?: Link;\n}",
    at: ["link"],
    schema: { "x-kubernetes-preserve-unknown-fields": true },
  },
  {
    name: "a named recursive type, as before",
    prelude: `export interface Tree {\n  name: string;\n  /** ${TAG} */\n  children?: Tree[];\n}`,
    spec: "{\n  tree: Tree;\n}",
    at: ["tree", "children"],
    schema: { "x-kubernetes-preserve-unknown-fields": true },
  },
];

const tagged = (c: Case) => withRoot(c.spec.replace("TAGS", `/** ${TAG} */`), c.prelude);
/** The same source without the property's tags: every doc comment holding @schemaless goes. */
const untagged = (c: Case) =>
  withRoot(
    c.spec.replace(/ *TAGS\n|\s*\/\*\*[^*]*@schemaless[^*]*\*\//g, ""),
    c.prelude?.replace(/\s*\/\*\*[^*]*@schemaless[^*]*\*\//g, ""),
  );

describe("a @schemaless property's type is not read", () => {
  for (const c of cases) {
    test(c.name, () => {
      let schema: JSONSchemaProps | undefined = specSchema(tagged(c));
      for (const name of c.at) schema = schema?.properties?.[name];
      expect(schema).toEqual(c.schema);
    });
  }

  test("without @schemaless each of those types is a located error at the property", () => {
    for (const c of cases) {
      const path = ["Widget.spec", ...c.at].join(".");
      const errors = errorsOf(untagged(c));
      expect(
        errors.some((e) => e.path?.startsWith(path)),
        `${c.name}: ${errors.map((e) => `${e.path} ${e.message}`).join("; ")}`,
      ).toBe(true);
    }
  });
});
