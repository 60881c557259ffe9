/**
 * kube-rs's derive tests (../shared/anchors/kube-rs/) rewritten as TypeScript, through the
 * whole pipeline. Each case names the anchor it mirrors. Where kube-rs panics or emits an
 * invalid CRD, we produce a valid CRD or a located error.
 */
import { describe, expect, test } from "vitest";
import { validateCrd } from "../../src/validate/index.js";
import { generateFrom, withRoot } from "../helpers/generate.js";

const UNIT_ENUM = `
/** A very simple enum with unit variants */
export enum UnitEnum { A = "A", B = "B", C = "C", D = "D" }
`;

function spec(body: string, prelude = UNIT_ENUM) {
  const result = generateFrom(withRoot(body, prelude));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const crd = result.crds[0]!;
  expect(validateCrd(crd)).toEqual([]);
  return crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
}

describe("crd_complex_enum_test", () => {
  test("normal_enum: a documented unit enum -> {type: string, enum} in declaration order, type doc as description", () => {
    expect(spec("{ foo: UnitEnum }")).toEqual({
      type: "object",
      properties: {
        foo: {
          type: "string",
          enum: ["A", "B", "C", "D"],
          description: "A very simple enum with unit variants",
        },
      },
      required: ["foo"],
    });
  });

  test("normal_enum_without_descriptions: no description at all", () => {
    const s = spec('{ foo: "A" | "B" | "C" | "D" }', "");
    expect(s.properties!.foo).toEqual({ type: "string", enum: ["A", "B", "C", "D"] });
  });

  test("optional_enum (Option<T> = T | null): flat enum + nullable, field doc wins over the type's (kube-rs #1853/#1908)", () => {
    const s = spec("{\n  /** Preferred gender */\n  foo?: UnitEnum | null;\n}");
    expect(s.properties!.foo).toEqual({
      type: "string",
      enum: ["A", "B", "C", "D", null],
      nullable: true,
      description: "Preferred gender",
    });
    expect(s.required).toBeUndefined();
  });

  test("complex_enum (externally tagged): one object, properties of all members, oneOf required stubs", () => {
    const s = spec(
      `{
  /** A complex enum with tuple and struct variants */
  foo: { Normal: UnitEnum } | { Hardcore: Hardcore };
}`,
      `${UNIT_ENUM}
/** Documentation on the Hardcore variant */
export interface Hardcore { hard: string; core: UnitEnum; without_description: "A" | "B" | "C" | "D" }`,
    );
    expect(s.properties!.foo).toEqual({
      type: "object",
      description: "A complex enum with tuple and struct variants",
      properties: {
        Normal: {
          type: "string",
          enum: ["A", "B", "C", "D"],
          description: "A very simple enum with unit variants",
        },
        Hardcore: {
          type: "object",
          description: "Documentation on the Hardcore variant",
          properties: {
            hard: { type: "string" },
            core: {
              type: "string",
              enum: ["A", "B", "C", "D"],
              description: "A very simple enum with unit variants",
            },
            without_description: { type: "string", enum: ["A", "B", "C", "D"] },
          },
          required: ["core", "hard", "without_description"],
        },
      },
      oneOf: [{ required: ["Normal"] }, { required: ["Hardcore"] }],
    });
  });

  test("optional_complex_enum: the lowered object is nullable, never anyOf [T, {enum: [null]}] (kube-rs #1934)", () => {
    const s = spec(
      "{\n  /** Optional complex enum field */\n  foo?: { Normal: UnitEnum } | { Hardcore: { hard: string } } | null;\n}",
    );
    expect(s.properties!.foo).toMatchObject({
      type: "object",
      nullable: true,
      description: "Optional complex enum field",
      oneOf: [{ required: ["Normal"] }, { required: ["Hardcore"] }],
    });
    expect(JSON.stringify(s)).not.toContain('"anyOf"');
  });

  test("flattened_untagged_enum: member docs do not leak; an empty member means no stubs (kube-rs #1941)", () => {
    const s = spec(`{
  /** Put an untagged union here */
  foo: { /** one doc */ one: string } | { two: UnitEnum; three: string } | Record<string, never>;
}`);
    expect(s.properties!.foo).toEqual({
      type: "object",
      description: "Put an untagged union here",
      properties: {
        one: { type: "string" },
        two: {
          type: "string",
          enum: ["A", "B", "C", "D"],
          description: "A very simple enum with unit variants",
        },
        three: { type: "string" },
      },
    });
  });
});

describe("crd_mixed_enum_test", () => {
  test("valid_enum_3: {A: string} | {B: int32}", () => {
    const s = spec("{ v: { A: string } | { B: int32 } }", "type int32 = number;");
    expect(s.properties!.v).toEqual({
      type: "object",
      properties: { A: { type: "string" }, B: { type: "integer", format: "int32" } },
      oneOf: [{ required: ["A"] }, { required: ["B"] }],
    });
  });

  test("valid_enum_4: newtype and struct members", () => {
    const s = spec("{ v: { A: string } | { B: { inner: int32 } } }", "type int32 = number;");
    expect(s.properties!.v!.oneOf).toEqual([{ required: ["A"] }, { required: ["B"] }]);
    expect(s.properties!.v!.properties!.B).toEqual({
      type: "object",
      properties: { inner: { type: "integer", format: "int32" } },
      required: ["inner"],
    });
  });

  test("valid_enum_6: shared identical field is required at the parent; no vacuous stub", () => {
    const s = spec(
      `{ v: Untagged }`,
      `
type int32 = number;
/** This union is valid, as the \`inner\` fields are the same. */
export type Untagged = { /** An additional field */ additional: string; inner: int32 } | { inner: int32 };`,
    );
    expect(s.properties!.v).toEqual({
      type: "object",
      description: "This union is valid, as the `inner` fields are the same.",
      properties: { additional: { type: "string" }, inner: { type: "integer", format: "int32" } },
      required: ["inner"],
    });
  });

  test("invalid_enum_1 (kube-rs panics): a scalar mixed with an object is a located error", () => {
    const result = generateFrom(withRoot('{\n  v: "A" | { B: number };\n}'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      code: "CRD1010",
      path: "Widget.spec.v",
      location: { line: 9 },
      hint: expect.stringContaining("@preserveUnknownFields"),
    });
  });

  test("invalid_enum_5 (kube-rs panics): a shared field with different types names both members", () => {
    const result = generateFrom(
      withRoot(
        "{\n  v: InnerString | InnerNumber;\n}",
        "export interface InnerString { inner: string }\nexport interface InnerNumber { inner: number }",
      ),
    );
    expect(result.diagnostics[0]).toMatchObject({
      code: "CRD3003",
      message: expect.stringContaining("Members InnerString and InnerNumber of the union both have `inner`"),
      path: "Widget.spec.v",
    });
  });

  test("invalid_enum_7 (kube-rs panics on differing docs): same type, different docs is fine", () => {
    const s = spec(
      "{ v: { /** doc one */ inner: number; a: string } | { /** doc two */ inner: number; b: string } }",
      "",
    );
    expect(s.properties!.v!.properties!.inner).toEqual({ type: "number" });
  });

  test("struct_with_enum_1: the error surfaces through nesting with the nested path", () => {
    const result = generateFrom(withRoot('{\n  outer: { inner: "A" | { B: number } };\n}'));
    expect(result.diagnostics[0]).toMatchObject({ code: "CRD1010", path: "Widget.spec.outer.inner" });
  });
});

describe("crd_schema_test assertions and rewrites", () => {
  test("test_optional_int_or_string_nullable: optional int-or-string is nullable, required is not (kube-rs #1885)", () => {
    const s = spec(
      "{ required_int_or_string: IntOrString; optional_int_or_string?: IntOrString }",
      "type IntOrString = number | string;",
    );
    expect(s.properties!.required_int_or_string).toEqual({
      anyOf: [{ type: "integer" }, { type: "string" }],
      "x-kubernetes-int-or-string": true,
    });
    expect(s.properties!.optional_int_or_string).toEqual({
      anyOf: [{ type: "integer" }, { type: "string" }],
      "x-kubernetes-int-or-string": true,
      nullable: true,
    });
  });

  test("flattening (a map of arbitrary JSON beside properties) -> preserve-unknown-fields, no additionalProperties", () => {
    const s = spec("{ foo: string; [key: string]: unknown }", "");
    expect(s).toMatchObject({
      properties: { foo: { type: "string" } },
      "x-kubernetes-preserve-unknown-fields": true,
    });
    expect(s.additionalProperties).toBeUndefined();
  });

  test("a typed index signature beside properties is a located error with a way out (kube-rs #1920)", () => {
    const result = generateFrom(withRoot("{\n  foo: string;\n  [key: string]: string;\n}"));
    expect(result.diagnostics[0]).toMatchObject({
      code: "CRD3001",
      hint: expect.stringContaining("nested property"),
    });
  });

  test("a set of strings (HashSet<String>) -> x-kubernetes-list-type: set, never uniqueItems", () => {
    const s = spec("{\n  set: Set<string>;\n  /** @uniqueItems */\n  tags?: string[];\n}", "");
    expect(s.properties!.set).toEqual({
      type: "array",
      items: { type: "string" },
      "x-kubernetes-list-type": "set",
    });
    expect(s.properties!.tags).toEqual({
      type: "array",
      items: { type: "string" },
      "x-kubernetes-list-type": "set",
    });
  });

  test("nullable and default combinations", () => {
    const s = spec(
      '{\n  /** @default "default_value" */\n  defaulted?: string;\n  nullable?: string | null;\n  /** @default "default_nullable" */\n  defaultedNullable?: string | null;\n}',
      "",
    );
    expect(s.properties).toEqual({
      defaulted: { type: "string", default: "default_value" },
      nullable: { type: "string", nullable: true },
      defaultedNullable: { type: "string", nullable: true, default: "default_nullable" },
    });
  });

  test("non-Kubernetes formats (schemars' uint32) are removed with a located warning, never passed through", () => {
    const result = generateFrom(withRoot("{\n  /** @format uint32 */\n  n: number;\n}"));
    expect(result.ok).toBe(true);
    expect(result.diagnostics[0]).toMatchObject({
      severity: "warning",
      code: "CRD3004",
      path: "Widget.spec.n",
    });
    expect(
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.n,
    ).toEqual({ type: "number" });
  });
});

describe("internally tagged enums (kube-rs #1279 panics): TypeScript discriminated unions", () => {
  test("three members, each with its own fields", () => {
    const s = spec(
      `{ source: Source }`,
      `
export interface Git { type: "git"; url: string; revision?: string }
export interface Oci { type: "oci"; image: string; tag: string }
export interface Inline { type: "inline"; content?: string }
/** Where the manifests come from. */
export type Source = Git | Oci | Inline;`,
    );
    expect(s.properties!.source).toEqual({
      type: "object",
      description: "Where the manifests come from.",
      properties: {
        type: { type: "string", enum: ["git", "oci", "inline"] },
        url: { type: "string" },
        revision: { type: "string" },
        image: { type: "string" },
        tag: { type: "string" },
        content: { type: "string" },
      },
      required: ["type"],
      "x-kubernetes-validations": [
        { rule: "self.type != 'git' || has(self.url)", message: "type git requires url" },
        {
          rule: "self.type != 'oci' || (has(self.image) && has(self.tag))",
          message: "type oci requires image, tag",
        },
      ],
    });
  });

  test("@noUnionRules opts out of the rules", () => {
    const s = spec(
      `{\n  /** @noUnionRules */\n  source: { kind: "a"; x: string } | { kind: "b"; y: string };\n}`,
      "",
    );
    expect(s.properties!.source!["x-kubernetes-validations"]).toBeUndefined();
    expect(s.properties!.source!.oneOf).toEqual([{ required: ["x"] }, { required: ["y"] }]);
  });

  test("stubs use anyOf when one member's instance could satisfy another's stub", () => {
    const s = spec(`{ u: { kind: "a"; x: string; y?: string } | { kind: "b"; y: string } }`, "");
    expect(s.properties!.u!.anyOf).toEqual([{ required: ["x"] }, { required: ["y"] }]);
    expect(s.properties!.u!.oneOf).toBeUndefined();
  });
});
