/**
 * Canonical form decides the bytes crdgen writes: mapping keys sorted, schema `properties` in
 * declaration order, user data (`default`, `example`, `enum`) as written, nothing undefined.
 * A value already in that form is returned as it is (generated schemas are: finalize sorts
 * keys), and the input is never modified.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtInCanonicalForm, canonicalCrd, canonicalSchema } from "../../src/write/canonical.js";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { crd } from "../helpers/crds.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const key = fc.constantFrom(
  "type",
  "description",
  "format",
  "x-kubernetes-list-type",
  "title",
  "zeta",
  "nullable",
);
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(undefined));

const leaf = fc.dictionary(key, scalar, { maxKeys: 4 }) as fc.Arbitrary<JSONSchemaProps>;

const schema: fc.Arbitrary<JSONSchemaProps> = fc.letrec<{ node: JSONSchemaProps }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    leaf,
    fc
      .record(
        {
          scalars: fc.dictionary(key, scalar, { maxKeys: 3 }),
          properties: fc.dictionary(fc.constantFrom("b", "a", "c", "__x"), tie("node"), { maxKeys: 3 }),
          items: tie("node"),
          anyOf: fc.array(tie("node"), { maxLength: 2 }),
          default: fc.dictionary(fc.constantFrom("z", "a"), fc.integer(), { maxKeys: 2 }),
          validations: fc.array(
            fc.record({ rule: fc.string({ maxLength: 3 }), message: fc.string({ maxLength: 3 }) }),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ["scalars"] },
      )
      .map(({ scalars, validations, ...rest }) => {
        const out: Record<string, unknown> = { ...scalars, ...rest };
        if (validations) out["x-kubernetes-validations"] = validations;
        return out as JSONSchemaProps;
      }),
  ),
})).node;

/** Every mapping's keys in canonical order, checked over the JSON text's own order. */
function expectCanonical(value: unknown, inSchema: boolean): void {
  if (Array.isArray(value)) {
    for (const v of value) expectCanonical(v, inSchema);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const keys = Object.keys(value);
  for (const k of keys) expect((value as Record<string, unknown>)[k]).not.toBeUndefined();
  expect(keys).toEqual([...keys].sort());
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (inSchema && k === "properties")
      for (const child of Object.values(v as object)) expectCanonical(child, true);
    else if (inSchema && (k === "default" || k === "example" || k === "enum")) continue;
    else expectCanonical(v, inSchema && (k === "items" || k === "anyOf"));
  }
}

describe("canonicalSchema", () => {
  it("sorts keys, keeps property order and user data, drops undefined, and leaves its input alone", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const before = structuredClone(s);
        const out = canonicalSchema(s);
        expect(s).toEqual(before);
        expectCanonical(out, true);
        expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(JSON.stringify(s)));
        if (s.properties) expect(Object.keys(out.properties!)).toEqual(Object.keys(s.properties));
        if (s.default !== undefined) expect(out.default).toBe(s.default);
      }),
      { numRuns: 500 },
    );
  });

  it("returns a value already in canonical form as it is, subtree by subtree", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const once = canonicalSchema(s);
        expect(canonicalSchema(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
    const leaf = { type: "string" };
    const tree = { properties: { b: leaf, a: { description: "x", type: "integer" } }, type: "object" };
    expect(canonicalSchema(tree)).toBe(tree);
    const unsorted = { type: "object", properties: { b: leaf } } as JSONSchemaProps;
    const sorted = canonicalSchema(unsorted);
    expect(sorted).not.toBe(unsorted);
    expect(sorted.properties!.b).toBe(leaf);
  });
});

describe("canonicalCrd", () => {
  const crdWith = (openAPIV3Schema: JSONSchemaProps) =>
    crd({ versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema } }] });
  const schemaOf = (crd: CustomResourceDefinition) => crd.spec.versions[0]!.schema!.openAPIV3Schema!;

  it("puts a schema in canonical form, but takes one built canonical (finalize's) as it is", () => {
    const unsorted = { type: "object", description: "d" } as JSONSchemaProps;
    expect(Object.keys(schemaOf(canonicalCrd(crdWith(unsorted))))).toEqual(["description", "type"]);
    // Not looked at again: even keys out of order (which finalize never writes) stay so.
    const built = builtInCanonicalForm({ type: "object", description: "d" } as JSONSchemaProps);
    expect(schemaOf(canonicalCrd(crdWith(built)))).toBe(built);
    expect(Object.keys(schemaOf(canonicalCrd(crdWith(built))))).toEqual(["type", "description"]);
  });
});
