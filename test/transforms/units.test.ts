/**
 * Each transform on its own, as a table of input and output shapes (the same shapes each
 * module's header documents), plus the diagnostics it must report.
 */
import { describe, expect, test } from "vitest";
import type { DraftSchema } from "../../src/emit/draft.js";
import { additionalPropertiesCleanup } from "../../transforms/additional-properties-cleanup.js";
import { collectingContext } from "../../transforms/context.js";
import { finalize } from "../../transforms/finalize.js";
import { inlinedAt, inlineRefs } from "../../transforms/inline-refs.js";
import { TransformMemo } from "../../transforms/memo.js";
import { intOrString } from "../../transforms/int-or-string.js";
import { nullableIntOrString } from "../../transforms/nullable-int-or-string.js";
import { optionalEnum } from "../../transforms/optional-enum.js";
import { setLists } from "../../transforms/set-lists.js";
import { unionLowering } from "../../transforms/union-lowering.js";
import { unsupportedKeywords } from "../../transforms/unsupported-keywords.js";

type Fn = (s: DraftSchema, ctx: ReturnType<typeof collectingContext>) => DraftSchema;
interface Row {
  name: string;
  input: DraftSchema;
  output: DraftSchema;
  codes?: string[];
}

function table(fn: Fn, rows: Row[]) {
  test.each(rows)("$name", ({ input, output, codes }) => {
    const ctx = collectingContext("R");
    const frozen = structuredClone(input);
    expect(fn(input, ctx)).toEqual(output);
    expect(input).toEqual(frozen); // pure: the input is untouched
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(codes ?? []);
  });
}

const obj = (properties: Record<string, DraftSchema>, required?: string[]): DraftSchema => ({
  type: "object",
  properties,
  ...(required ? { required } : {}),
});

describe("optional-enum", () => {
  table(optionalEnum, [
    {
      name: "T | null -> T + nullable; the field's description wins",
      input: { description: "field", anyOf: [{ type: "string", description: "type" }, { type: "null" }] },
      output: { type: "string", description: "field", nullable: true },
    },
    {
      name: "enum | null lists null",
      input: { anyOf: [{ type: "string", enum: ["a", "b"] }, { type: "null" }] },
      output: { type: "string", enum: ["a", "b", null], nullable: true },
    },
    {
      name: "several members keep an anyOf without the null branch",
      input: { anyOf: [obj({ a: { type: "string" } }), obj({ b: { type: "string" } }), { type: "null" }] },
      output: { anyOf: [obj({ a: { type: "string" } }), obj({ b: { type: "string" } })], nullable: true },
    },
    {
      name: "kube-rs's {enum: [null], nullable: true} branch is a null branch too",
      input: { anyOf: [{ type: "integer" }, { enum: [null] }] },
      output: { type: "integer", nullable: true },
    },
    {
      name: "an enum listing null is made nullable",
      input: { type: "string", enum: ["x", null] },
      output: { type: "string", enum: ["x", null], nullable: true },
    },
    {
      name: "only null is an error",
      input: obj({ n: { type: "null" } }),
      output: obj({ n: { nullable: true } }),
      codes: ["CRD1002"],
    },
  ]);
});

describe("int-or-string", () => {
  table(intOrString, [
    {
      name: "string | number tagged -> the integer/string anyOf, constraints kept beside it",
      input: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "string" }, { type: "number" }],
        pattern: "^\\d+%?$",
      },
      output: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
        pattern: "^\\d+%?$",
      },
    },
    {
      name: "literal members become the enum",
      input: {
        "x-kubernetes-int-or-string": true,
        anyOf: [
          { type: "integer", enum: [1, 2] },
          { type: "string", enum: ["50%"] },
        ],
      },
      output: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
        enum: [1, 2, "50%"],
      },
    },
    {
      name: "string literals beside any number become a pattern, not an enum that would hold the numbers too",
      input: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "number" }, { type: "string", enum: ["auto", "a.b"] }],
      },
      output: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
        pattern: "^(?:auto|a\\.b)$",
      },
    },
    {
      name: "a template literal member's pattern moves up; a field's own pattern wins",
      input: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "number" }, { type: "string", pattern: "%$" }],
      },
      output: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
        pattern: "%$",
      },
    },
    {
      name: "a plain string member allows any string: no pattern",
      input: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "number" }, { type: "string", enum: ["auto"] }, { type: "string" }],
      },
      output: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] },
    },
    {
      name: "tagging a boolean union is an error",
      input: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "boolean" }, { type: "string" }] },
      output: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] },
      codes: ["CRD1010"],
    },
    { name: "untagged nodes are untouched", input: { type: "string" }, output: { type: "string" } },
  ]);
});

/**
 * `{kind: a, m} | {kind: b, y}` with `m` of the given schema, lowered: member a's rule checks m
 * when CEL `sees` it, and is left out with a warning when not.
 */
function unionRequiringM(name: string, m: DraftSchema, sees: boolean): Row {
  const y = { type: "string" };
  const b = { rule: "self.kind != 'b' || has(self.y)", message: "kind b requires y" };
  const a = { rule: "self.kind != 'a' || has(self.m)", message: "kind a requires m" };
  return {
    name,
    input: {
      anyOf: [
        obj({ kind: { type: "string", enum: ["a"] }, m }, ["kind", "m"]),
        obj({ kind: { type: "string", enum: ["b"] }, y }, ["kind", "y"]),
      ],
    },
    output: {
      type: "object",
      properties: { kind: { type: "string", enum: ["a", "b"] }, m, y },
      required: ["kind"],
      oneOf: [{ required: ["m"] }, { required: ["y"] }],
      "x-kubernetes-validations": sees ? [a, b] : [b],
    },
    ...(sees ? {} : { codes: ["CRD3010"] }),
  };
}

describe("union-lowering", () => {
  table(unionLowering, [
    {
      name: "a nullable union of enums (an enum | a template of literals | null) lists null in its one enum",
      input: {
        nullable: true,
        anyOf: [
          { type: "string", enum: ["a", "b"] },
          { type: "string", enum: ["a-suffix", "b-suffix"] },
        ],
      },
      output: { type: "string", enum: ["a", "b", "a-suffix", "b-suffix", null], nullable: true },
    },
    {
      name: "so does a nullable union whose members collapse to one",
      input: {
        nullable: true,
        anyOf: [
          { type: "string", enum: ["a"] },
          { type: "string", enum: ["a"] },
        ],
      },
      output: { type: "string", enum: ["a", null], nullable: true },
    },
    {
      name: "discriminated union -> one object, enum of tags, oneOf stubs, one rule per member",
      input: {
        anyOf: [
          obj({ kind: { type: "string", enum: ["a"] }, x: { type: "string" } }, ["kind", "x"]),
          obj({ kind: { type: "string", enum: ["b"] }, y: { type: "string" } }, ["kind", "y"]),
        ],
      },
      output: {
        type: "object",
        properties: {
          kind: { type: "string", enum: ["a", "b"] },
          x: { type: "string" },
          y: { type: "string" },
        },
        required: ["kind"],
        oneOf: [{ required: ["x"] }, { required: ["y"] }],
        "x-kubernetes-validations": [
          { rule: "self.kind != 'a' || has(self.x)", message: "kind a requires x" },
          { rule: "self.kind != 'b' || has(self.y)", message: "kind b requires y" },
        ],
      },
    },
    {
      name: "a required field CEL cannot see (no type) is left out of its member's rule, with a warning",
      input: {
        anyOf: [
          obj(
            {
              kind: { type: "string", enum: ["a"] },
              x: { "x-kubernetes-preserve-unknown-fields": true },
              z: { type: "string" },
            },
            ["kind", "x", "z"],
          ),
          obj({ kind: { type: "string", enum: ["b"] }, y: { type: "string" } }, ["kind", "y"]),
        ],
      },
      output: {
        type: "object",
        properties: {
          kind: { type: "string", enum: ["a", "b"] },
          x: { "x-kubernetes-preserve-unknown-fields": true },
          z: { type: "string" },
          y: { type: "string" },
        },
        required: ["kind"],
        oneOf: [{ required: ["x", "z"] }, { required: ["y"] }],
        "x-kubernetes-validations": [
          { rule: "self.kind != 'a' || has(self.z)", message: "kind a requires z" },
          { rule: "self.kind != 'b' || has(self.y)", message: "kind b requires y" },
        ],
      },
      codes: ["CRD3010"],
    },
    unionRequiringM(
      "a member whose only required field is a map of untyped values gets no rule",
      { type: "object", additionalProperties: { "x-kubernetes-preserve-unknown-fields": true } },
      false,
    ),
    unionRequiringM(
      "a preserved object whose anything-map a later step drops is seen by CEL: its rule stays",
      {
        type: "object",
        additionalProperties: { "x-kubernetes-preserve-unknown-fields": true },
        "x-kubernetes-preserve-unknown-fields": true,
      },
      true,
    ),
    {
      name: "CEL names of properties are escaped",
      input: {
        anyOf: [
          obj({ "my-kind": { type: "string", enum: ["a"] }, in: { type: "string" } }, ["in", "my-kind"]),
          obj({ "my-kind": { type: "string", enum: ["b"] } }, ["my-kind"]),
        ],
      },
      output: {
        type: "object",
        properties: { "my-kind": { type: "string", enum: ["a", "b"] }, in: { type: "string" } },
        required: ["my-kind"],
        "x-kubernetes-validations": [
          { rule: "self.my__dash__kind != 'a' || has(self.__in__)", message: "my-kind a requires in" },
        ],
      },
    },
    {
      name: "identical members collapse",
      input: { description: "d", anyOf: [{ type: "string" }, { type: "string", description: "other" }] },
      output: { type: "string", description: "d" },
    },
    {
      name: "string enums of one type merge",
      input: {
        anyOf: [
          { type: "string", enum: ["a"] },
          { type: "string", enum: ["b"] },
        ],
      },
      output: { type: "string", enum: ["a", "b"] },
    },
    {
      name: "@preserveUnknownFields accepts any member",
      input: {
        "x-kubernetes-preserve-unknown-fields": true,
        anyOf: [{ type: "string" }, obj({ a: { type: "string" } })],
      },
      output: { "x-kubernetes-preserve-unknown-fields": true },
    },
    {
      name: "scalars of different types are an error",
      input: { anyOf: [{ type: "string" }, { type: "boolean" }] },
      output: { anyOf: [{ type: "string" }, { type: "boolean" }] },
      codes: ["CRD1010"],
    },
    {
      name: "a property with different schemas in two members is an error",
      input: {
        anyOf: [
          obj({ a: { type: "string" } }, ["a"]),
          obj({ a: { type: "number" }, b: { type: "string" } }, ["a", "b"]),
        ],
      },
      output: {
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string" } },
        required: ["a"],
      },
      codes: ["CRD3003"],
    },
    {
      name: "a oneof with a member declaring every field absent -> none or exactly one",
      input: {
        anyOf: [
          { type: "object", "x-crdgen-absent": ["a", "b"] },
          { ...obj({ a: { type: "string" } }, ["a"]), "x-crdgen-absent": ["b"] },
          { ...obj({ b: { type: "string" } }, ["b"]), "x-crdgen-absent": ["a"] },
        ],
      },
      output: {
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string" } },
        oneOf: [
          { not: { anyOf: [{ required: ["a"] }, { required: ["b"] }] } },
          { required: ["a"] },
          { required: ["b"] },
        ],
      },
    },
    {
      name: "an empty member that leaves a field unsaid admits any object: no constraint (kube-rs #1941)",
      input: {
        anyOf: [
          { type: "object", "x-crdgen-absent": ["a"] },
          obj({ a: { type: "string" } }, ["a"]),
          obj({ b: { type: "string" } }, ["b"]),
        ],
      },
      output: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } },
    },
    {
      name: "one field absent or present is an optional field: no constraint",
      input: {
        anyOf: [{ type: "object", "x-crdgen-absent": ["a"] }, obj({ a: { type: "string" } }, ["a"])],
      },
      output: { type: "object", properties: { a: { type: "string" } } },
    },
  ]);
});

describe("set-lists", () => {
  table(setLists, [
    {
      name: "scalar set -> list-type set",
      input: { type: "array", items: { type: "string" }, uniqueItems: true },
      output: { type: "array", items: { type: "string" }, "x-kubernetes-list-type": "set" },
    },
    {
      name: "object items lose uniqueness with a warning",
      input: { type: "array", items: obj({ a: { type: "string" } }), uniqueItems: true },
      output: { type: "array", items: obj({ a: { type: "string" } }) },
      codes: ["CRD3004"],
    },
    {
      name: "uniqueItems: false is dropped",
      input: { type: "array", items: { type: "string" }, uniqueItems: false },
      output: { type: "array", items: { type: "string" } },
    },
  ]);
});

describe("additional-properties-cleanup", () => {
  table(additionalPropertiesCleanup, [
    {
      name: "false next to properties is removed",
      input: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
      output: { type: "object", properties: { a: { type: "string" } } },
    },
    {
      name: "true next to properties -> preserve unknown fields",
      input: { type: "object", properties: { a: { type: "string" } }, additionalProperties: true },
      output: {
        type: "object",
        properties: { a: { type: "string" } },
        "x-kubernetes-preserve-unknown-fields": true,
      },
    },
    {
      name: "an anything-map on an embedded resource -> preserve unknown fields",
      input: {
        type: "object",
        "x-kubernetes-embedded-resource": true,
        additionalProperties: { "x-kubernetes-preserve-unknown-fields": true },
      },
      output: {
        type: "object",
        "x-kubernetes-embedded-resource": true,
        "x-kubernetes-preserve-unknown-fields": true,
      },
    },
    {
      name: "a map alone is kept",
      input: { type: "object", additionalProperties: { type: "string" } },
      output: { type: "object", additionalProperties: { type: "string" } },
    },
    {
      name: "a typed map next to properties is an error",
      input: {
        type: "object",
        properties: { a: { type: "string" } },
        additionalProperties: { type: "string" },
      },
      output: { type: "object", properties: { a: { type: "string" } } },
      codes: ["CRD3001"],
    },
    {
      name: "a typed map next to properties of an object tagged @preserveUnknownFields: the other keys are kept unchecked",
      input: {
        type: "object",
        properties: { a: { type: "string" } },
        additionalProperties: { type: "string" },
        "x-kubernetes-preserve-unknown-fields": true,
      },
      output: {
        type: "object",
        properties: { a: { type: "string" } },
        "x-kubernetes-preserve-unknown-fields": true,
      },
    },
  ]);
});

describe("nullable-int-or-string", () => {
  const ios: DraftSchema = {
    "x-kubernetes-int-or-string": true,
    anyOf: [{ type: "integer" }, { type: "string" }],
  };
  table(nullableIntOrString, [
    {
      name: "optional int-or-string becomes nullable; required stays",
      input: obj({ opt: ios, req: ios }, ["req"]),
      output: obj({ opt: { ...ios, nullable: true }, req: ios }, ["req"]),
    },
  ]);
});

describe("unsupported-keywords", () => {
  test.each([
    ["hostnme", /^did you mean hostname\? Kubernetes formats: /],
    ["date_time", /^did you mean (date-time|datetime)\? /],
    ["uint32", /^Kubernetes has no unsigned formats: int32 or int64 with a minimum of 0\. /],
    ["zipcode", /^Kubernetes formats: /],
  ])("an unknown format %s: the hint names the one meant, when one is near", (format, hint) => {
    const ctx = collectingContext("R");
    unsupportedKeywords({ type: "string", format }, ctx);
    expect(ctx.diagnostics.map((d) => d.hint)).toEqual([expect.stringMatching(hint)]);
  });

  table(unsupportedKeywords, [
    {
      name: "unknown format removed with a warning",
      input: { type: "integer", format: "uint32" },
      output: { type: "integer" },
      codes: ["CRD3004"],
    },
    {
      name: "Kubernetes formats stay",
      input: { type: "string", format: "date-time" },
      output: { type: "string", format: "date-time" },
    },
    {
      name: "patternProperties is an error",
      input: { type: "object", patternProperties: { "^a": { type: "string" } } },
      output: { type: "object" },
      codes: ["CRD3002"],
    },
    {
      name: "an example of another kind than the field's type is an error, and removed",
      input: { type: "string", example: 5 },
      output: { type: "string" },
      codes: ["CRD3006"],
    },
    {
      name: "an example that fits stays (an integer is a number; null where null is allowed)",
      input: obj({
        a: { type: "number", example: 2 },
        b: { type: "string", nullable: true, example: null },
        c: { type: "array", items: { type: "string" }, example: ["x"] },
      }),
      output: obj({
        a: { type: "number", example: 2 },
        b: { type: "string", nullable: true, example: null },
        c: { type: "array", items: { type: "string" }, example: ["x"] },
      }),
    },
    {
      name: "a field of no single type (int-or-string) takes any example",
      input: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
        example: "50%",
      },
      output: {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
        example: "50%",
      },
    },
    {
      name: "a fraction is no integer, null no string unless nullable",
      input: obj({ a: { type: "integer", example: 1.5 }, b: { type: "string", example: null } }),
      output: obj({ a: { type: "integer" }, b: { type: "string" } }),
      codes: ["CRD3006", "CRD3006"],
    },
    {
      name: "a leftover $ref is removed with a warning",
      input: { $ref: "#/x", type: "string" },
      output: { type: "string" },
      codes: ["CRD3004"],
    },
  ]);
});

describe("finalize", () => {
  table(finalize, [
    {
      name: "internal keys and empty required/properties go",
      input: {
        type: "object",
        required: [],
        properties: {},
        "x-crdgen-type": "T",
        "x-crdgen-origin": { file: "f", line: 1, column: 1 },
      },
      output: { type: "object" },
    },
    {
      name: "keys sorted, below every kind of child",
      input: {
        type: "object",
        properties: { a: { type: "string", description: "a", "x-crdgen-immutable": true } },
        additionalProperties: { type: "integer", format: "int32", required: [] },
        anyOf: [{ required: ["a"], properties: {} }],
        not: { type: "array", items: { type: "string", "x-crdgen-verbatim": true } },
      },
      output: {
        additionalProperties: { format: "int32", type: "integer" },
        anyOf: [{ required: ["a"] }],
        not: { items: { type: "string" }, type: "array" },
        properties: { a: { description: "a", type: "string" } },
        type: "object",
      },
    },
  ]);

  test("writes keys in sorted order, and keeps the order of properties", () => {
    const out = finalize(
      { type: "object", properties: { z: { type: "string" }, a: { type: "string", description: "d" } } },
      collectingContext("R"),
    );
    expect(Object.keys(out)).toEqual(["properties", "type"]);
    expect(Object.keys(out.properties!)).toEqual(["z", "a"]);
    expect(Object.keys(out.properties!["a"]!)).toEqual(["description", "type"]);
  });

  test("in a watch session, a subtree finalized before is the same object again", () => {
    const ctx = { ...collectingContext("R"), memo: new TransformMemo() };
    const shared: DraftSchema = { type: "object", properties: { a: { type: "string" } } };
    const first = finalize({ type: "object", properties: { s: shared } }, ctx);
    const second = finalize({ type: "object", properties: { s: shared, t: { type: "string" } } }, ctx);
    expect(second.properties!["s"]).toBe(first.properties!["s"]);
  });
});

describe("inline-refs", () => {
  test("refs are inlined once, siblings win, definitions never reach the output", () => {
    const ctx = collectingContext("R");
    const out = inlineRefs(
      {
        schema: obj({
          a: { $ref: "#/definitions/Port", description: "the port" },
          b: { $ref: "#/definitions/Port" },
        }),
        definitions: { Port: { type: "integer", format: "int32", description: "A port", minimum: 1 } },
      },
      ctx,
    );
    expect(out).toEqual(
      obj({
        a: { type: "integer", format: "int32", description: "the port", minimum: 1 },
        b: { type: "integer", format: "int32", description: "A port", minimum: 1 },
      }),
    );
    expect(ctx.diagnostics).toEqual([]);
  });

  // A field narrows its type's constraints, it cannot loosen them (controller-gen: both in allOf).
  test.each<[string, DraftSchema, DraftSchema, DraftSchema]>([
    [
      "the stricter of two length bounds",
      { type: "string", maxLength: 63, minLength: 1 },
      { maxLength: 100, minLength: 3 },
      { type: "string", maxLength: 63, minLength: 3 },
    ],
    [
      "the field's bound when it is the stricter",
      { type: "array", maxItems: 10 },
      { maxItems: 5 },
      { type: "array", maxItems: 5 },
    ],
    [
      "the lower maximum",
      { type: "integer", maximum: 100 },
      { maximum: 65535 },
      { type: "integer", maximum: 100 },
    ],
    [
      "the higher minimum, exclusive with it",
      { type: "number", minimum: 0 },
      { minimum: 1, exclusiveMinimum: true },
      { type: "number", minimum: 1, exclusiveMinimum: true },
    ],
    [
      "at equal bounds, exclusive if either is",
      { type: "number", maximum: 5, exclusiveMaximum: true },
      { maximum: 5 },
      { type: "number", maximum: 5, exclusiveMaximum: true },
    ],
    [
      "an exclusive type bound dropped for a stricter inclusive one",
      { type: "number", maximum: 10, exclusiveMaximum: true },
      { maximum: 5 },
      { type: "number", maximum: 5 },
    ],
    [
      "a flag alone on the field qualifies the type's bound",
      { type: "number", maximum: 5 },
      { exclusiveMaximum: true },
      { type: "number", maximum: 5, exclusiveMaximum: true },
    ],
    [
      "two patterns both hold, the type's first",
      { type: "string", pattern: "^[a-z]+$" },
      { pattern: "^ab" },
      { type: "string", allOf: [{ pattern: "^[a-z]+$" }, { pattern: "^ab" }] },
    ],
    [
      "two enums and factors likewise",
      { type: "integer", enum: [1, 2, 4], multipleOf: 2 },
      { enum: [2, 4], multipleOf: 4 },
      {
        type: "integer",
        allOf: [
          { enum: [1, 2, 4], multipleOf: 2 },
          { enum: [2, 4], multipleOf: 4 },
        ],
      },
    ],
    [
      "the same value once",
      { type: "string", pattern: "^a", maxLength: 3 },
      { pattern: "^a", maxLength: 3 },
      { type: "string", pattern: "^a", maxLength: 3 },
    ],
    [
      "other keywords: the field's win",
      { type: "string", description: "type", default: "a" },
      { description: "field", default: "b" },
      { type: "string", description: "field", default: "b" },
    ],
  ])("inlinedAt: %s", (_name, body, own, merged) => {
    expect(inlinedAt(body, own)).toEqual(merged);
  });

  test("a cycle is reported once, naming it, and replaced by preserve-unknown-fields", () => {
    const ctx = collectingContext("R");
    const out = inlineRefs(
      {
        schema: obj({ a: { $ref: "#/definitions/A" } }),
        definitions: {
          A: obj({ b: { $ref: "#/definitions/B" } }),
          B: obj({ a: { $ref: "#/definitions/A" } }),
        },
      },
      ctx,
    );
    expect(ctx.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["CRD1008", "A is recursive (A -> B -> A); a CRD schema cannot describe recursive types."],
    ]);
    // Marked, so that later steps (union-lowering) take it for the problem already reported.
    expect(out.properties!.a!.properties!.b!.properties!.a).toEqual({
      "x-kubernetes-preserve-unknown-fields": true,
      "x-crdgen-recursion": true,
    });
  });
});
