import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffCrds } from "../../src/diff/index.js";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";
import { crd, version } from "../helpers/crds.js";

const names = fc.constantFrom("a", "b", "c", "image", "replicas", "app.kubernetes.io/name", "x[y]");

const leaf: fc.Arbitrary<JSONSchemaProps> = fc.oneof(
  fc.record(
    {
      type: fc.constant("string"),
      maxLength: fc.nat(100),
      pattern: fc.constantFrom("^a", "^[a-z]+$"),
      enum: fc.uniqueArray(fc.constantFrom("A", "B", "C"), { minLength: 1 }),
      description: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record(
    {
      type: fc.constant("integer"),
      minimum: fc.integer({ min: -5, max: 5 }),
      maximum: fc.integer({ min: 6, max: 20 }),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record(
    { type: fc.constantFrom("boolean", "number"), nullable: fc.boolean() },
    { requiredKeys: ["type"] },
  ),
);

const { schema } = fc.letrec<{ schema: JSONSchemaProps; object: JSONSchemaProps; array: JSONSchemaProps }>(
  (tie) => ({
    schema: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("object"), tie("array")),
    object: fc.dictionary(names, tie("schema"), { maxKeys: 4 }).chain((properties) =>
      fc.record(
        {
          type: fc.constant("object"),
          properties: fc.constant(properties),
          required: fc.subarray(Object.keys(properties)),
          "x-kubernetes-validations": fc.array(
            fc.record({ rule: fc.constantFrom("self.a > 0", "self == oldSelf", "has(self.b)") }),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ["type", "properties"] },
      ),
    ),
    array: fc.record(
      { type: fc.constant("array"), items: tie("schema"), maxItems: fc.nat(10) },
      { requiredKeys: ["type", "items"] },
    ),
  }),
);

const specSchema = fc
  .dictionary(names, schema, { maxKeys: 4 })
  .map((properties) => ({ type: "object", properties }));

const crdArb: fc.Arbitrary<CustomResourceDefinition> = fc
  .record({
    specs: fc.array(specSchema, { minLength: 1, maxLength: 2 }),
    scope: fc.constantFrom("Namespaced", "Cluster"),
    shortNames: fc.subarray(["wd", "wdg"]),
  })
  .map(({ specs, scope, shortNames }) =>
    crd({
      scope,
      shortNames,
      versions: specs.map((spec, i) => version(`v${i + 1}`, spec, { storage: i === specs.length - 1 })),
    }),
  );

/** Every object node (with `properties`) reachable through properties and items. */
function objectNodes(node: JSONSchemaProps, out: JSONSchemaProps[] = []): JSONSchemaProps[] {
  if (node.properties) {
    out.push(node);
    for (const child of Object.values(node.properties)) objectNodes(child, out);
  }
  if (node.items && !Array.isArray(node.items)) objectNodes(node.items, out);
  return out;
}

function allObjectNodes(c: CustomResourceDefinition): JSONSchemaProps[] {
  return c.spec.versions.flatMap((v) =>
    v.schema?.openAPIV3Schema ? objectNodes(v.schema.openAPIV3Schema) : [],
  );
}

function shuffleKeys<T>(value: T, seed: number): T {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed)) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  // A seeded rotation is enough to put keys in another order.
  const shift = entries.length === 0 ? 0 : seed % entries.length;
  const rotated = [...entries.slice(shift), ...entries.slice(0, shift)];
  return Object.fromEntries(rotated.map(([k, v]) => [k, shuffleKeys(v, seed + 1)])) as T;
}

describe("diff properties", () => {
  it("diff(a, a) is empty", () => {
    fc.assert(
      fc.property(crdArb, (a) => {
        expect(diffCrds([a], [a])).toEqual([]);
        expect(diffCrds([a], [structuredClone(a)])).toEqual([]);
      }),
    );
  });

  it("is deterministic, whatever the key order of the inputs", () => {
    fc.assert(
      fc.property(crdArb, crdArb, fc.nat(), (a, b, seed) => {
        const first = diffCrds([a], [b]);
        expect(diffCrds([a], [b])).toEqual(first);
        expect(diffCrds([shuffleKeys(a, seed)], [shuffleKeys(b, seed + 7)])).toEqual(first);
      }),
    );
  });

  it("adding an optional property is never breaking", () => {
    fc.assert(
      fc.property(crdArb, fc.nat(), leaf, (a, pick, added) => {
        const b = structuredClone(a);
        const nodes = allObjectNodes(b);
        const node = nodes[pick % nodes.length] as JSONSchemaProps;
        const name = "newField";
        fc.pre(!(node.properties ?? {})[name]);
        node.properties = { ...node.properties, [name]: added };
        const changes = diffCrds([a], [b]);
        expect(changes.map((c) => c.kind)).toEqual(["field-added"]);
        expect(changes.every((c) => !c.breaking)).toBe(true);
      }),
    );
  });

  it("removing a property is always breaking", () => {
    fc.assert(
      fc.property(crdArb, fc.nat(), fc.nat(), (a, pick, which) => {
        const b = structuredClone(a);
        const nodes = allObjectNodes(b).filter((n) => Object.keys(n.properties ?? {}).length > 0);
        fc.pre(nodes.length > 0);
        const node = nodes[pick % nodes.length] as JSONSchemaProps;
        const keys = Object.keys(node.properties ?? {});
        const name = keys[which % keys.length] as string;
        delete node.properties?.[name];
        if (node.required) node.required = node.required.filter((r) => r !== name);
        const changes = diffCrds([a], [b]);
        expect(
          changes.some((c) => c.kind === "field-removed" && c.breaking && c.path.endsWith(`[${name}]`)),
        ).toBe(true);
      }),
    );
  });
});
