/**
 * Robustness: whatever it is given, the validator returns an array of well-formed field
 * errors and neither throws nor hangs. Random JSON, random schemas, and random one-step
 * mutations of real CRDs (bounded sizes, fixed seeds so failures reproduce).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRD_ERROR_TYPES } from "../helpers/field-error-types.js";
import type { FieldError } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { validateCrd, validateSchema, V1_CREATE_OPTIONS } from "../../src/validate/index.js";
import { jsonClone } from "../../src/validate/json.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { corpusCrds } from "./corpus.js";

function wellFormed(errs: unknown): void {
  expect(Array.isArray(errs)).toBe(true);
  for (const e of errs as FieldError[]) {
    expect(CRD_ERROR_TYPES.has(e.type)).toBe(true);
    expect(typeof e.field).toBe("string");
    expect(typeof e.detail).toBe("string");
    expect(typeof formatFieldError(e)).toBe("string");
  }
  // An internal error would mean the validator caught its own crash.
  expect((errs as FieldError[]).filter((e) => e.detail.startsWith("crdgen validator failure"))).toEqual([]);
}

const KEYWORDS = [
  "type",
  "properties",
  "items",
  "additionalProperties",
  "required",
  "enum",
  "default",
  "nullable",
  "format",
  "pattern",
  "minimum",
  "maximum",
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "uniqueItems",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-int-or-string",
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
  "x-kubernetes-validations",
  "$ref",
  "id",
  "definitions",
  "dependencies",
  "patternProperties",
  "additionalItems",
  "description",
  "metadata",
];

const scalar = fc.oneof(
  fc.constantFrom(
    "object",
    "array",
    "string",
    "integer",
    "number",
    "boolean",
    "null",
    "map",
    "set",
    "atomic",
    "granular",
    "self.a > 0",
    "^a$",
    "(",
    "",
    "spec",
    "metadata",
  ),
  fc.integer({ min: -3, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
);

/** Schema-shaped values: objects keyed by real keywords, nested a few levels. */
const schemaLike: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        ...KEYWORDS,
        "a",
        "b",
        "name",
        "kind",
        "apiVersion",
        "spec",
        "status",
        "rule",
        "message",
      ),
      tie("node"),
      { maxKeys: 5 },
    ),
  ),
})).node;

describe("fuzz: the validator never throws and always returns field errors", () => {
  it("arbitrary JSON values as CRDs", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => wellFormed(validateCrd(v))),
      { numRuns: 300, seed: 1 },
    );
  });

  it("arbitrary JavaScript values as CRDs and schemas", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        wellFormed(validateCrd(v));
        wellFormed(validateSchema(v, {}));
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it("schema-shaped values under every option combination", () => {
    const options = fc.record({
      allowDefaults: fc.boolean(),
      requireStructuralSchema: fc.boolean(),
      requireValidPropertyType: fc.boolean(),
      requireAtomicSetType: fc.boolean(),
      requireMapListKeysMapSetValidation: fc.boolean(),
      requirePrunedDefaults: fc.boolean(),
    });
    fc.assert(
      fc.property(schemaLike, options, fc.boolean(), (schema, opts, status) => {
        wellFormed(
          validateSchema(schema, opts, "spec.validation.openAPIV3Schema", {
            statusSubresourceEnabled: status,
          }),
        );
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it("random YAML text", () => {
    const yamlish = fc.stringMatching(/^[a-z:\- \n[\]{}"'0-9,.|>&*!#%@`?]{0,160}$/);
    fc.assert(
      fc.property(yamlish, (text) => {
        const { documents, errors } = parseYamlDocuments(text, "fuzz.yaml");
        expect(Array.isArray(errors)).toBe(true);
        for (const d of documents) wellFormed(validateCrd(d.value));
      }),
      { numRuns: 1000, seed: 4 },
    );
  });

  it("one random change to a real CRD", () => {
    // The smaller half of the corpus keeps this quick; the big CRDs are covered by corpus.test.ts.
    const crds = [...corpusCrds("crds")]
      .sort((a, b) => JSON.stringify(a.crd).length - JSON.stringify(b.crd).length)
      .slice(0, 100);
    const pathsOf = (
      v: unknown,
      prefix: (string | number)[] = [],
      out: (string | number)[][] = [],
    ): (string | number)[][] => {
      if (out.length > 400) return out;
      out.push(prefix);
      if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
      return out;
    };
    const paths = crds.map((c) => pathsOf(c.crd));
    const change = fc.record({
      crd: fc.nat({ max: crds.length - 1 }),
      at: fc.nat(),
      op: fc.constantFrom("delete", "replace", "keyword"),
      key: fc.constantFrom(...KEYWORDS),
      value: fc.oneof(scalar, schemaLike),
    });
    fc.assert(
      fc.property(change, ({ crd, at, op, key, value }) => {
        const doc = jsonClone(crds[crd]!.crd) as Record<string, unknown>;
        const list = paths[crd]!;
        const path = list[at % list.length]!;
        let parent: unknown = doc;
        for (const seg of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[seg];
        const last = path[path.length - 1];
        const target = parent as Record<string | number, unknown>;
        if (last !== undefined && op === "delete") delete target[last];
        else if (last !== undefined && op === "replace") target[last] = value;
        else {
          const node = last === undefined ? doc : target[last];
          if (node && typeof node === "object" && !Array.isArray(node))
            (node as Record<string, unknown>)[key] = value;
        }
        wellFormed(validateCrd(doc));
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});

describe("hostile shapes", () => {
  it("a schema nested 5000 levels deep", () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 5000; i++) schema = { type: "object", properties: { a: schema } };
    const errs = validateSchema(schema, V1_CREATE_OPTIONS);
    wellFormed(errs);
    expect(errs.some((e) => e.detail.includes("nesting deeper than"))).toBe(true);
  });

  it("a cyclic object", () => {
    const crd: Record<string, unknown> = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
    };
    crd["spec"] = { group: "a.b", versions: [{ name: "v1", schema: { openAPIV3Schema: crd } }] };
    wellFormed(validateCrd(crd));
  });

  it("a very wide schema stays fast", () => {
    const properties = Object.fromEntries(
      Array.from({ length: 20000 }, (_, i) => [`p${i}`, { type: "string", maxLength: 10 }]),
    );
    const started = Date.now();
    wellFormed(validateSchema({ type: "object", properties }, V1_CREATE_OPTIONS));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
