/**
 * The decoder keeps the nodes of a schema that decoding leaves unchanged instead of copying
 * them, and reads a node's fields from its own keys. So validating an object again after
 * changing it must see the change (corpus.test.ts checks that validation leaves its input as
 * it was), and objects that are not plain JSON (getters, inherited or non-enumerable fields,
 * no prototype) must be decoded as a lookup of every field always decoded them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { formatFieldError, validateCrd, validateSchema } from "../../src/validate/index.js";
import { asSent, jsonClone } from "../../src/validate/json.js";

const V = "spec.versions[0].schema.openAPIV3Schema";
const S = "spec.validation.openAPIV3Schema";

function crd(schema: unknown): Record<string, unknown> {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "as.b.io" },
    spec: {
      group: "b.io",
      names: { plural: "as", kind: "A" },
      scope: "Namespaced",
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}

const messages = (value: unknown) => validateCrd(value).map(formatFieldError);

describe("validation and its input", () => {
  it("sees changes made to an object between two validations", () => {
    const doc = crd({
      type: "object",
      properties: { spec: { type: "object", properties: { a: { type: "string" } } } },
    });
    expect(messages(doc)).toEqual([]);
    const spec = (doc as { spec: { versions: Array<{ schema: { openAPIV3Schema: JSONSchemaProps } }> } }).spec
      .versions[0]!.schema.openAPIV3Schema.properties!["spec"]!;
    spec.properties!["a"]!.default = 5;
    spec.properties!["a"]!["x-kubernetes-validations"] = [{ rule: "self.size() > 1", fieldPath: "x" }];
    const wrongDefault = `${S}.properties[spec].properties[a].default: Invalid value: "integer":  in body must be of type string: "integer"`;
    expect(messages(doc)).toEqual([
      wrongDefault,
      `${S}.properties[spec].properties[a].x-kubernetes-validations[0].fieldPath: Invalid value: "x": must be a valid path`,
    ]);
    delete spec.properties!["a"]!["x-kubernetes-validations"];
    expect(messages(doc)).toEqual([wrongDefault]);
    delete spec.properties!["a"]!.default;
    expect(messages(doc)).toEqual([]);
  });

  it("gives the same errors for a schema and a deep copy of it", () => {
    const schema = {
      type: "object",
      properties: { a: { type: "array", items: { type: "string", enum: ["x", null] }, uniqueItems: true } },
    };
    expect(validateSchema(schema, {})).toEqual(validateSchema(jsonClone(schema), {}));
  });
});

describe("objects that are not plain JSON", () => {
  it("reads a getter field when the node has an own field of the same kind", () => {
    class Node {
      type = "string";
      get description(): unknown {
        return 3;
      }
      get nullable(): unknown {
        return "x";
      }
      get items(): unknown {
        return 5;
      }
    }
    expect(messages(crd({ type: "object", properties: { a: new Node() } }))).toEqual([
      `${V}.properties[a].description: Invalid value: 3: json: cannot unmarshal number into Go value of type string`,
      `${V}.properties[a].items: Invalid value: 5: json: cannot unmarshal number into Go value of type v1.JSONSchemaPropsOrArray`,
    ]);
  });

  it("does not read a getter field of a kind the node has no own field of", () => {
    class Node {
      get type(): unknown {
        return 7;
      }
    }
    expect(messages(crd({ type: "object", properties: { a: new Node() } }))).toEqual([
      `${S}.properties[a].type: Required value: must not be empty for specified object fields`,
    ]);
  });

  it("reads inherited fields", () => {
    const node: unknown = Object.create(
      { type: 5, default: "x" },
      { description: { value: "d", enumerable: true } },
    );
    expect(messages(crd({ type: "object", properties: { a: node } }))).toEqual([
      `${V}.properties[a].type: Invalid value: 5: json: cannot unmarshal number into Go value of type string`,
      `${S}.properties[a].type: Required value: must not be empty for specified object fields`,
    ]);
  });

  it("reads non-enumerable fields", () => {
    const node = { type: "array" };
    Object.defineProperty(node, "items", { value: { type: 3 } });
    Object.defineProperty(node, "format", { value: 3 });
    expect(messages(crd({ type: "object", properties: { a: node } }))).toEqual([
      `${V}.properties[a].format: Invalid value: 3: json: cannot unmarshal number into Go value of type string`,
      `${V}.properties[a].items.type: Invalid value: 3: json: cannot unmarshal number into Go value of type string`,
      `${S}.properties[a].items.type: Required value: must not be empty for specified array items`,
    ]);
  });

  it("decodes objects without a prototype", () => {
    const node = Object.assign(Object.create(null) as Record<string, unknown>, {
      type: "string",
      default: 3,
      bogus: 1,
    });
    expect(messages(crd({ type: "object", properties: { a: node } }))).toEqual([
      `${V}.properties[a].bogus: Forbidden: strict decoding error: unknown field "bogus"`,
      `${S}.properties[a].default: Invalid value: "integer":  in body must be of type string: "integer"`,
    ]);
  });

  it("reads fields a changed Object.prototype lends every node", () => {
    const expected = (() => {
      const proto = Object.prototype as Record<string, unknown>;
      proto["description"] = 5;
      try {
        return messages(crd({ type: "object", properties: { a: { type: "string" } } }));
      } finally {
        delete proto["description"];
      }
    })();
    expect(expected).toContain(
      `${V}.properties[a].description: Invalid value: 5: json: cannot unmarshal number into Go value of type string`,
    );
  });

  it("checks a keyword that a changed Object.prototype lends every node everywhere", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["x-kubernetes-map-type"] = "bogus";
    let found: string[];
    try {
      found = messages(crd({ type: "object", properties: { a: { type: "string" } } }));
    } finally {
      delete proto["x-kubernetes-map-type"];
    }
    // A map's inherited enumerable key is one of its entries, too.
    const bogusValue = `Unsupported value: "bogus": supported values: "atomic", "granular"`;
    expect(found).toEqual([
      `${V}.properties[x-kubernetes-map-type]: Invalid value: "bogus": json: cannot unmarshal string into Go value of type v1.JSONSchemaProps`,
      `${S}.properties[x-kubernetes-map-type].type: Required value: must not be empty for specified object fields`,
      `${S}.properties[a].type: Invalid value: "string": must be object if x-kubernetes-map-type is specified`,
      `${S}.properties[a].x-kubernetes-map-type: ${bogusValue}`,
      `${S}.properties[x-kubernetes-map-type].type: Required value: must be object if x-kubernetes-map-type is specified`,
      `${S}.properties[x-kubernetes-map-type].x-kubernetes-map-type: ${bogusValue}`,
      `${S}.x-kubernetes-map-type: ${bogusValue}`,
    ]);
  });
});

// Only an API caller can hand over a list with holes (`delete list[0]`) or values JSON has none for:
// decoding once skipped a hole and read `.storage` of a version that was not there.
describe("what JSON has no value for (a hole, undefined, a function, a symbol, Infinity) is read as JSON sends it", () => {
  const holeThen = <T>(item: T): T[] => {
    const list = [item, item];
    delete list[0];
    return list;
  };
  interface HoledSpec {
    names: { plural: string; kind: string; shortNames?: unknown[] };
    versions: {
      name: string;
      served: boolean;
      storage: boolean;
      schema: { openAPIV3Schema: Record<string, unknown> };
    }[];
  }
  const rootOf = (spec: HoledSpec) => spec.versions[0]!.schema.openAPIV3Schema;
  const propertyOf = (spec: HoledSpec, name: string) =>
    (rootOf(spec)["properties"] as Record<string, Record<string, unknown>>)[name]!;
  it.each<[string, (spec: HoledSpec) => void]>([
    ["versions", (spec) => (spec.versions = holeThen(spec.versions[0]!))],
    ["anyOf", (spec) => delete (propertyOf(spec, "port")["anyOf"] as unknown[])[0]],
    ["allOf", (spec) => (rootOf(spec)["allOf"] = holeThen({ required: ["port"] }))],
    ["items as a list", (spec) => (propertyOf(spec, "list")["items"] = holeThen({}))],
    ["required", (spec) => (rootOf(spec)["required"] = holeThen("port"))],
    ["shortNames", (spec) => (spec.names.shortNames = holeThen("w"))],
    ["a default", (spec) => (propertyOf(spec, "list")["default"] = holeThen("a"))],
    [
      "x-kubernetes-validations",
      (spec) => (rootOf(spec)["x-kubernetes-validations"] = holeThen({ rule: "true" })),
    ],
    [
      "an enum, a function and a symbol",
      (spec) => (propertyOf(spec, "list")["enum"] = [() => 1, Symbol("s"), ["a"]]),
    ],
    ["an example, a function", (spec) => (propertyOf(spec, "list")["example"] = { a: () => 1 })],
    ["a default, Infinity", (spec) => (propertyOf(spec, "list")["default"] = [Infinity, "a"])],
    ["an enum, NaN", (spec) => (propertyOf(spec, "list")["enum"] = [[NaN], ["a"]])],
    ["maxItems, Infinity", (spec) => (propertyOf(spec, "list")["maxItems"] = Infinity)],
    ["maximum, -Infinity", (spec) => (propertyOf(spec, "port")["maximum"] = -Infinity)],
    ["a default, an object holding NaN", (spec) => (rootOf(spec)["default"] = { port: NaN })],
  ])("a hole in %s is read as JSON sends it: null", (_, makeHole) => {
    const spec: HoledSpec = {
      names: { plural: "widgets", kind: "Widget" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                port: {
                  "x-kubernetes-int-or-string": true,
                  anyOf: [{ type: "integer" }, { type: "string" }],
                },
                list: { type: "array", items: { type: "string" } },
              },
            },
          },
        },
      ],
    };
    makeHole(spec);
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: { group: "example.com", scope: "Namespaced", ...spec },
    };
    const errs = validateCrd(crd);
    expect(errs.filter((e) => e.type === "InternalError")).toEqual([]);
    expect(errs).toEqual(validateCrd(JSON.parse(JSON.stringify(crd))));
  });

  it("a bigint in a number keyword is the integer it is, as in a default (YAML writes it so)", () => {
    const schema = (keywords: Record<string, unknown>) =>
      crd({ type: "object", properties: { a: { type: "integer", ...keywords } } });
    expect(messages(schema({ maximum: 5n, minimum: -5n, default: 3n, enum: [3n, 4n] }))).toEqual([]);
    expect(messages(schema({ maximum: 5n, default: 9n }))).toEqual(
      messages(schema({ maximum: 5, default: 9 })),
    );
    const list = crd({
      type: "object",
      properties: { a: { type: "array", items: { type: "string" }, maxItems: 2n } },
    });
    expect(messages(list)).toEqual([]);
    // int64's range, as Go's decoder has it.
    expect(
      messages(crd({ type: "object", properties: { a: { type: "string", maxLength: 2n ** 63n } } })),
    ).toEqual([
      `${V}.properties[a].maxLength: Invalid value: 9223372036854775808: json: cannot unmarshal number into Go value of type int64`,
    ]);
  });

  it("asSent gives what a JSON round trip gives, and a JSON value itself", () => {
    const unsendable = fc.constantFrom(undefined, () => 1, Symbol("s"));
    const leaf = fc.oneof(
      unsendable,
      fc.constantFrom(null, Infinity, -Infinity, NaN),
      fc.integer(),
      fc.string(),
      fc.boolean(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, tie("list"), tie("object")),
      list: fc.sparseArray(tie("node"), { maxLength: 4 }),
      object: fc.dictionary(fc.string(), tie("node"), { maxKeys: 4, noNullPrototype: true }),
    })).node;
    fc.assert(
      fc.property(
        value.filter((v) => v !== undefined && typeof v !== "function" && typeof v !== "symbol"),
        (v) => {
          expect(asSent(v)).toStrictEqual(JSON.parse(JSON.stringify(v)));
        },
      ),
    );
    fc.assert(fc.property(fc.jsonValue(), (v) => void expect(asSent(v)).toBe(v)));
  });
});
