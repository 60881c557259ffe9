/**
 * The controller-gen parity tags (src/tags/controller-gen-tags.ts): each tag's accepted and
 * rejected arguments with their exact schema or message, then three of controller-gen's own
 * golden files (one-of rules, externalDocs, k8s:immutable) reproduced in TypeScript and
 * compared after the README's normalisations (see crd-compare.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { DraftSchema } from "../../src/emit/draft.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { collectingContext, schemaTransforms } from "../../transforms/index.js";
import { immutable } from "../../transforms/immutable.js";
import { errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";
import { diffLeaves, flattenCrd } from "./crd-compare.js";

const ANCHORS = new URL("../../../shared/anchors/controller-gen/", import.meta.url);

/** The schema of `spec.f` for a field written with `doc` (a JSDoc body) and type `type`. */
function fieldSchema(doc: string, type: string, prelude = ""): JSONSchemaProps {
  return specSchema(withRoot(`{\n  /** ${doc} */\n  f: ${type};\n}`, prelude)).properties!.f!;
}

/** The messages of the errors a field written with `doc` raises. */
function fieldErrors(doc: string, type = "string"): string[] {
  return errorsOf(withRoot(`{\n  /** ${doc} */\n  f: ${type};\n}`)).map((d) => d.message);
}

/** The CRD generated from `source`, parsed back from its YAML, beside controller-gen's golden file. */
function againstAnchor(source: string, anchor: string) {
  const result = generateFrom(source);
  expect(result.diagnostics).toEqual([]);
  const actual: unknown = parse(result.files[0]!.content);
  const expected: unknown = parse(readFileSync(fileURLToPath(new URL(anchor, ANCHORS)), "utf8"));
  return diffLeaves(flattenCrd(expected), flattenCrd(actual));
}

describe("@exampleValue", () => {
  test.each([
    ['@exampleValue "forty-two"', "string", "forty-two"],
    ["@exampleValue forty-two", "string", "forty-two"],
    ['@exampleValue ["a", "b"]', "string[]", ["a", "b"]],
    [
      '@exampleValue [{"nested": {"foo": "baz", "bar": true}}]',
      "{ nested: { foo: string; bar: boolean } }[]",
      [{ nested: { foo: "baz", bar: true } }],
    ],
    ["@exampleValue 3", "number", 3],
    ["@exampleValue {}", "Record<string, string>", {}],
  ])("%s on %s", (doc, type, example) => {
    expect(fieldSchema(doc, type).example).toEqual(example);
  });

  test("a value that is not JSON is an error", () => {
    expect(fieldErrors("@exampleValue {broken")).toEqual([
      "@exampleValue expects a JSON value, got {broken.",
    ]);
  });

  test("JSDoc's own @example stays documentation", () => {
    expect(fieldSchema("Some text.\n   * @example f = 1", "number")).toEqual({
      type: "number",
      description: "Some text.",
    });
  });
});

describe("@schemaType", () => {
  test.each([
    ["@schemaType string", "boolean", { type: "string" }],
    ["@schemaType integer\n   * @format int64", "Date", { type: "integer", format: "int64" }],
    [
      "@schemaType object\n   * @schemaless\n   * @preserveUnknownFields",
      "{ a: string }",
      { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    ],
  ])("%s on %s", (doc, type, schema) => {
    expect(fieldSchema(doc, type)).toEqual(schema);
  });

  test("on a named type, wherever it is used", () => {
    const spec = specSchema(
      withRoot(
        "{ a?: TotallyABool; b: TotallyABool[] }",
        "/** @schemaType string */\ntype TotallyABool = boolean;",
      ),
    );
    expect(spec.properties).toEqual({
      a: { type: "string" },
      b: { type: "array", items: { type: "string" } },
    });
  });

  test("an unknown type is an error", () => {
    expect(fieldErrors("@schemaType text")).toEqual([
      '@schemaType expects one of string | integer | number | boolean | object | array, got "text".',
    ]);
  });
});

describe("@externalDocs", () => {
  test.each([
    [
      '@externalDocs url=https://example.com/docs description="external docs description"',
      { url: "https://example.com/docs", description: "external docs description" },
    ],
    ["@externalDocs url=https://example.com/docs", { url: "https://example.com/docs" }],
    [
      '@externalDocs description="first the text" url="https://example.com/a b"',
      { url: "https://example.com/a b", description: "first the text" },
    ],
  ])("%s", (doc, externalDocs) => {
    expect(fieldSchema(doc, "string")).toEqual({ type: "string", externalDocs });
  });

  test("a field's externalDocs win over its type's", () => {
    const spec = specSchema(
      withRoot(
        "{\n  a?: Documented;\n  /** @externalDocs url=https://example.com/field */\n  b?: Documented;\n}",
        "/** @externalDocs url=https://example.com/type description=type */\ntype Documented = string;",
      ),
    );
    expect(spec.properties!.a!.externalDocs).toEqual({
      url: "https://example.com/type",
      description: "type",
    });
    expect(spec.properties!.b!.externalDocs).toEqual({ url: "https://example.com/field" });
  });

  test.each([
    ['@externalDocs description="no link"', "@externalDocs needs url=...."],
    ["@externalDocs url=docs/page", '@externalDocs url must be an absolute URL, got "docs/page".'],
    ["@externalDocs url=https://example.com title=x", "@externalDocs does not know title."],
    ["@externalDocs url=https://example.com description", "@externalDocs description needs a value."],
  ])("%s is an error", (doc, message) => {
    expect(fieldErrors(doc)).toEqual([message]);
  });
});

describe("@atMostOneOf, @exactlyOneOf, @atLeastOneOf", () => {
  const prelude = (tags: string) =>
    `/**\n${tags
      .split("\n")
      .map((t) => ` * ${t}`)
      .join("\n")}\n */\ninterface Group { a?: string; b?: string; c?: string; "d-e"?: string }`;
  const rulesOf = (tags: string) => fieldSchema("", "Group", prelude(tags))["x-kubernetes-validations"];

  test.each([
    [
      "@atMostOneOf a,b",
      [
        {
          rule: "(has(self.a)?1:0)+(has(self.b)?1:0) <= 1",
          message: "at most one of the fields in [a b] may be set",
        },
      ],
    ],
    [
      "@exactlyOneOf a;b;c",
      [
        {
          rule: "(has(self.a)?1:0)+(has(self.b)?1:0)+(has(self.c)?1:0) == 1",
          message: "exactly one of the fields in [a b c] must be set",
        },
      ],
    ],
    [
      "@atLeastOneOf b, a",
      [{ rule: "has(self.b)||has(self.a)", message: "at least one of the fields in [b a] must be set" }],
    ],
    // CEL sees `d-e` as `d__dash__e` (the API server's escaping); the message keeps the JSON name.
    [
      "@atMostOneOf a,d-e",
      [
        {
          rule: "(has(self.a)?1:0)+(has(self.d__dash__e)?1:0) <= 1",
          message: "at most one of the fields in [a d-e] may be set",
        },
      ],
    ],
    [
      '@validation rule="!(has(self.a) && has(self.b))"\n@atMostOneOf a,b\n@atLeastOneOf b,c',
      [
        { rule: "!(has(self.a) && has(self.b))" },
        {
          rule: "(has(self.a)?1:0)+(has(self.b)?1:0) <= 1",
          message: "at most one of the fields in [a b] may be set",
        },
        { rule: "has(self.b)||has(self.c)", message: "at least one of the fields in [b c] must be set" },
      ],
    ],
  ])("%s", (tags, rules) => {
    expect(rulesOf(tags)).toEqual(rules);
  });

  test.each([
    ["@atMostOneOf a", '@atMostOneOf expects two or more field names separated by commas, got "a".'],
    ["@exactlyOneOf a,a", "@exactlyOneOf names a twice."],
    ["@atLeastOneOf a,self.b()", '@atLeastOneOf expects property names, got "self.b()".'],
  ])("%s is an error", (doc, message) => {
    expect(fieldErrors(doc, "{ a?: string; b?: string }")).toEqual([message]);
  });

  test("a rule naming a field the object lacks is rejected by the CEL check", () => {
    const messages = errorsOf(withRoot("{ f: Group }", prelude("@exactlyOneOf a,zz"))).map((d) => d.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/zz/);
  });
});

describe("@pattern is read as RE2, as the API server reads it", () => {
  test("POSIX classes, which JavaScript rejects, are accepted (controller-gen's patternObject)", () => {
    const pattern = String.raw`^$|^((https):\/\/?)[^\s()<>]+(?:\([\w\d]+\)|([^[:punct:]\s]|\/?))$`;
    expect(fieldSchema(`@pattern ${pattern}`, "string")).toEqual({ type: "string", pattern });
  });

  test("look-arounds, which JavaScript accepts, are an error", () => {
    const messages = fieldErrors("@pattern ^(?=a)b$");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^@pattern is not a valid regular expression \(RE2 syntax\): /);
  });
});

describe("@immutable", () => {
  test("the field gets controller-gen's self == oldSelf rule, after its own rules", () => {
    expect(fieldSchema('@validation rule="self.size() > 1"\n   * @immutable', "string")).toEqual({
      type: "string",
      "x-kubernetes-validations": [
        { rule: "self.size() > 1" },
        { rule: "self == oldSelf", message: "field is immutable" },
      ],
    });
  });

  test("takes no argument, and belongs on a property", () => {
    expect(fieldErrors("@immutable forever")).toEqual(['@immutable takes no argument, got "forever".']);
    expect(
      errorsOf(withRoot("{ f: Frozen }", "/** @immutable */\ntype Frozen = string;")).map((d) => d.message),
    ).toEqual(["@immutable belongs on a property."]);
  });

  test("transforms/immutable.ts: one parent rule per optional immutable property, in property order", () => {
    const marked = (type: string): DraftSchema => ({ type, "x-crdgen-immutable": true });
    const input: DraftSchema = {
      type: "object",
      required: ["a"],
      properties: {
        a: marked("string"),
        "b-c": marked("string"),
        d: { type: "string" },
        e: { ...marked("array"), items: { type: "string" } },
      },
      "x-kubernetes-validations": [{ rule: "true" }],
    };
    const once = immutable(input, collectingContext());
    expect(once["x-kubernetes-validations"]).toEqual([
      { rule: "true" },
      {
        rule: "!has(oldSelf.b__dash__c) || has(self.b__dash__c)",
        message: "field b-c is immutable once set",
      },
      { rule: "!has(oldSelf.e) || has(self.e)", message: "field e is immutable once set" },
    ]);
    expect(immutable(once, collectingContext())).toEqual(once);
    expect(input["x-kubernetes-validations"]).toEqual([{ rule: "true" }]);
  });

  test("inside a list that is not a list-map is an error at the field: Kubernetes cannot pair its items with the old ones", () => {
    const prelude = `export interface Item {
  name: string;
  /** @immutable */
  size?: number;
}
export interface Row { cells: Item[] }`;
    const at = (d: { code: string; path?: string; location?: { line: number } }) => [
      d.code,
      d.path,
      d.location?.line,
    ];
    expect(errorsOf(withRoot("{ items: Item[] }", prelude)).map(at)).toEqual([
      ["CRD3005", "Widget.spec.items[].size", 4],
    ]);
    // A set or a list of lists is no better; each field is reported once, by its innermost list.
    expect(errorsOf(withRoot("{\n  /** @listType set */\n  grid?: Item[][];\n}", prelude)).map(at)).toEqual([
      ["CRD3005", "Widget.spec.grid[][].size", 4],
    ]);
    expect(errorsOf(withRoot("{ rows: Row[] }", prelude)).map(at)).toEqual([
      ["CRD3005", "Widget.spec.rows[].cells[].size", 4],
    ]);
    // A list-map pairs items by key: allowed, and the CRD passes Kubernetes' checks.
    const listMap = "{\n  /** @listType map @listMapKey name */\n  items: Item[];\n}";
    expect(errorsOf(withRoot(listMap, prelude))).toEqual([]);
    expect(errorsOf(withRoot("{ byName: Record<string, Item> }", prelude))).toEqual([]);
  });

  describe("on a field CEL does not see: one error at the tag, no rule the API server would refuse", () => {
    const at = (d: { code: string; path?: string; location?: { line: number } }) => [
      d.code,
      d.path,
      d.location?.line,
    ];
    test.each([
      ["unknown", "has no type"],
      ["any", "has no type"],
      ["unknown[]", "is a list holding values of no type"],
      ["Record<string, unknown>", "is a map holding values of no type"],
    ])("%s", (type, shape) => {
      for (const optional of ["?", ""]) {
        const errors = errorsOf(
          withRoot(`{\n  name: string;\n  /** @immutable */\n  f${optional}: ${type};\n}`),
        );
        expect(errors.map(at)).toEqual([["CRD3011", "Widget.spec.f", 10]]);
        expect(errors[0]!.message).toContain(`@immutable cannot be enforced on f, which ${shape}`);
        expect(errors[0]!.hint).toMatch(/remove @immutable$/);
      }
    });

    test("a named type used twice: said once, at its tag, naming the other use", () => {
      const prelude = "export interface Box {\n  /** @immutable */\n  data?: unknown;\n}";
      const errors = errorsOf(withRoot("{ a: Box; b?: Box }", prelude));
      expect(errors.map(at)).toEqual([["CRD3011", "Widget.spec.a.data", 2]]);
      expect(errors[0]!.message).toMatch(/\(also at Widget\.spec\.b\.data\)$/);
    });

    test("the field's own rules stay, and other immutable fields keep theirs", () => {
      const source = withRoot(
        "{\n  /** @immutable */\n  a?: string;\n  /**\n   * @immutable\n   * @preserveUnknownFields\n   */\n  b?: Record<string, unknown>;\n  /** @immutable */\n  c?: unknown;\n}",
      );
      const result = generateFrom(source);
      expect(result.diagnostics.map((d) => d.code)).toEqual(["CRD3011"]);
      // Kubernetes sees a preserved object: its rules are kept (the CEL check passed them).
      const typed: DraftSchema = {
        type: "string",
        "x-crdgen-immutable": true,
        "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "field is immutable" }],
      };
      const transformed = immutable(
        {
          type: "object",
          properties: {
            a: typed,
            c: {
              "x-kubernetes-preserve-unknown-fields": true,
              "x-crdgen-immutable": true,
              "x-kubernetes-validations": [
                { rule: "has(self.x)" },
                { rule: "self == oldSelf", message: "field is immutable" },
              ],
            },
          },
        },
        collectingContext(),
      );
      expect(transformed).toEqual({
        type: "object",
        properties: {
          a: typed,
          c: {
            "x-kubernetes-preserve-unknown-fields": true,
            "x-kubernetes-validations": [{ rule: "has(self.x)" }],
          },
        },
        "x-kubernetes-validations": [
          { rule: "!has(oldSelf.a) || has(self.a)", message: "field a is immutable once set" },
        ],
      });
      const ctx = collectingContext();
      expect(immutable(transformed, ctx)).toEqual(transformed);
      expect(ctx.diagnostics).toEqual([]);
    });
  });

  test("transforms/index.ts runs transforms/immutable.ts after union-lowering", () => {
    const names = schemaTransforms.map((t) => t.name);
    expect(
      names,
      'add { name: "immutable", run: immutable } after union-lowering in transforms/index.ts',
    ).toContain("immutable");
    expect(names.indexOf("immutable")).toBeGreaterThan(names.indexOf("union-lowering"));
  });
});

describe("controller-gen golden files reproduced", () => {
  test("oneofs: hand-written and generated one-of rules, a type rule applied once per field", () => {
    const source = `type int32 = number;
/**
 * @validation rule="!(has(self.foo) && has(self.bar))" message="only one of foo|bar may be set"
 * @atMostOneOf foo,bar
 */
export interface TypeWithOneofs { foo?: string; bar?: string }
/**
 * @atMostOneOf a,b
 * @atMostOneOf c,d
 */
export interface TypeWithMultipleOneofs { a?: string; b?: string; c?: string; d?: string }
/** @exactlyOneOf foo,bar */
export interface TypeWithExactOneofs { foo?: string; bar?: string }
/**
 * @exactlyOneOf a,b
 * @exactlyOneOf c,d
 */
export interface TypeWithMultipleExactOneofs { a?: string; b?: string; c?: string; d?: string }
/**
 * @atLeastOneOf a,b
 * @atLeastOneOf c,d
 */
export interface TypeWithMultipleAtLeastOneofs { a?: string; b?: string; c?: string; d?: string }
/**
 * @atMostOneOf a,b
 * @exactlyOneOf c,d
 * @atLeastOneOf e,f
 */
export interface TypeWithAllOneofs { a?: string; b?: string; c?: string; d?: string; e?: string; f?: string }
/** @atMostOneOf foo,bar */
export interface TypeWithOmitZero { foo?: string; bar?: string }
/** @exactlyOneOf a,b */
export interface TypeWithOmitZeroExact { a?: string; b?: string }
/** @atLeastOneOf c,d */
export interface TypeWithOmitZeroAtLeastOneOf { c?: string; d?: string }
/**
 * CustomTypeAlias is a custom alias
 * @validation rule="self >= 100 && self <= 1000" message="invalid CustomTypeAlias value"
 */
export type CustomTypeAlias = int32;
/** OneofSpec is the spec for the oneofs API. */
export interface OneofSpec {
  firstTypeWithOneof?: TypeWithOneofs;
  secondTypeWithOneof?: TypeWithMultipleOneofs;
  firstTypeWithExactOneof?: TypeWithExactOneofs;
  secondTypeWithExactOneof?: TypeWithMultipleExactOneofs;
  typeWithMultipleAtLeastOneOf?: TypeWithMultipleAtLeastOneofs;
  typeWithAllOneOf?: TypeWithAllOneofs;
  typeWithOmitZero?: TypeWithOmitZero;
  typeWithOmitZeroExact?: TypeWithOmitZeroExact;
  typeWithOmitZeroAtLeastOneOf?: TypeWithOmitZeroAtLeastOneOf;
  firstCustomTypeAlias?: CustomTypeAlias;
  /** This verifies if the custom type alias XValidation is not duplicated. */
  secondCustomTypeAlias?: CustomTypeAlias;
}
/**
 * Oneof is the Schema for the Oneof API
 * @crd
 * @group testdata.kubebuilder.io
 * @version v1beta1
 */
export interface Oneof { spec: OneofSpec }
`;
    expect(againstAnchor(source, "testdata.kubebuilder.io_oneofs.yaml").differences).toEqual([]);
  });

  test("externaldocs: on fields, and from a type to the field using it", () => {
    const source = `/**
 * TypeWithExternalDoc is a type with external documentation.
 * @externalDocs url=https://example.com/type-docs description="type-level external docs"
 */
export type TypeWithExternalDoc = string;
/** ExternalDocSpec defines the desired state of ExternalDoc */
export interface ExternalDocSpec {
  /**
   * This tests that external documentation can be attached to a field
   * with url and description.
   * @externalDocs url=https://example.com/docs description="external docs description"
   */
  fieldWithExternalDoc?: string;
  /**
   * This tests that external documentation can be attached with only url.
   * @externalDocs url=https://example.com/docs
   */
  fieldWithExternalDocURLOnly?: string;
  /** This tests that external documentation from a type is propagated. */
  typeWithExternalDoc?: TypeWithExternalDoc;
}
/**
 * ExternalDoc is the Schema for the external docs API
 * @crd
 * @group testdata.kubebuilder.io
 * @version v1
 */
export interface ExternalDoc { spec?: ExternalDocSpec }
`;
    expect(againstAnchor(source, "testdata.kubebuilder.io_externaldocs.yaml").differences).toEqual([]);
  });

  test("immutabletypes: field rules, and parent rules for the optional fields in field order", () => {
    const source = `export interface NestedStruct { key: string; value: string }
export interface ImmutableSpec {
  /** @immutable */
  requiredString: string;
  /** @immutable */
  optionalString?: string;
  /** @immutable */
  optionalLiteralString?: string;
  /** @immutable */
  requiredStruct: NestedStruct;
  /** @immutable */
  optionalStruct?: NestedStruct;
  /** @immutable */
  optionalOmitZeroStruct?: NestedStruct;
  /** @immutable */
  requiredSlice: string[];
  /** @immutable */
  optionalSlice?: string[];
  /** @immutable */
  requiredMap: Record<string, string>;
  /** @immutable */
  optionalMap?: Record<string, string>;
  mutableString: string;
}
/**
 * @crd
 * @group testdata.kubebuilder.io
 * @version v1
 */
export interface ImmutableType { spec: ImmutableSpec }
`;
    expect(againstAnchor(source, "testdata.kubebuilder.io_immutabletypes.yaml").differences).toEqual([]);
  });
});
