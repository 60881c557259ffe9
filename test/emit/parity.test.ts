/**
 * Kubernetes feature parity: every CRD-level and field-level tag of the parity issue with
 * its exact output, and every error it can raise.
 */
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { describe, expect, test } from "vitest";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { ENTRY, errorsOf, generateFrom, type Sources } from "../helpers/generate.js";

function root(tags: string, body = "spec: Spec; status?: Status", extra = ""): string {
  return `type int32 = number;
export interface Spec {
  replicas?: int32;
  schedule: string;
  paused?: boolean;
  selector?: string;
  tags?: string[];
  nested?: { deep?: string };
}
export interface Status {
  replicas?: int32;
  selector?: string;
  ready?: boolean;
}
${extra}
/**
 * @crd
 * @group example.com
 * @version v1
${tags
  .trim()
  .split("\n")
  .map((l) => ` * ${l.trim()}`)
  .join("\n")}
 */
export interface Job { ${body} }
`;
}

function crdOf(source: string | Sources): CustomResourceDefinition {
  const result = generateFrom(source);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.crds[0]!;
}

describe("CRD-level tags", () => {
  test("@subresource status and scale", () => {
    const crd = crdOf(
      root(`@subresource status
        @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas labelSelectorPath=.status.selector`),
    );
    expect(crd.spec.versions[0]!.subresources).toEqual({
      status: {},
      scale: {
        specReplicasPath: ".spec.replicas",
        statusReplicasPath: ".status.replicas",
        labelSelectorPath: ".status.selector",
      },
    });
  });

  test("@printColumn (repeatable, all options)", () => {
    const crd = crdOf(
      root(`@printColumn name=Schedule type=string jsonPath=.spec.schedule description="The cron schedule"
        @printColumn name=Replicas type=integer jsonPath=.status.replicas format=int32 priority=1
        @printColumn name=Age type=date jsonPath=.metadata.creationTimestamp`),
    );
    expect(crd.spec.versions[0]!.additionalPrinterColumns).toEqual([
      { name: "Schedule", type: "string", jsonPath: ".spec.schedule", description: "The cron schedule" },
      { name: "Replicas", type: "integer", jsonPath: ".status.replicas", format: "int32", priority: 1 },
      { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
    ]);
  });

  test("@selectableField (repeatable)", () => {
    const crd = crdOf(root("@selectableField .spec.schedule\n@selectableField .spec.paused"));
    expect(crd.spec.versions[0]!.selectableFields).toEqual([
      { jsonPath: ".spec.schedule" },
      { jsonPath: ".spec.paused" },
    ]);
  });

  test("@served false and @deprecated with a warning", () => {
    const crd = crdOf(root('@served false\n@deprecated "use v2, v1 goes away in 2027"'));
    expect(crd.spec.versions[0]).toMatchObject({
      served: false,
      deprecated: true,
      deprecationWarning: "use v2, v1 goes away in 2027",
    });
    expect(crd.spec.versions[0]!.schema!.openAPIV3Schema!.description).toBeUndefined();
  });

  test("@annotation and @label on the CRD's metadata", () => {
    const crd = crdOf(
      root(
        '@annotation api-approved.kubernetes.io=https://github.com/acme/api/pull/1\n@label app.kubernetes.io/part-of=acme\n@annotation note="two words"',
      ),
    );
    expect(crd.metadata).toEqual({
      name: "jobs.example.com",
      annotations: { "api-approved.kubernetes.io": "https://github.com/acme/api/pull/1", note: "two words" },
      labels: { "app.kubernetes.io/part-of": "acme" },
    });
  });

  test("keys named like Object's own members are plain keys", () => {
    const crd = crdOf(root("@annotation constructor=yes\n@label toString=no"));
    expect(crd.metadata.annotations).toEqual({ constructor: "yes" });
    expect(crd.metadata.labels).toEqual({ toString: "no" });
  });

  test("@validation on the root, a type and a property; field rules before type rules", () => {
    const crd = crdOf(`
/**
 * @validation rule="self.min <= self.max" message="min must not exceed max"
 */
export interface Range { min: number; max: number }
export interface Spec {
  /**
   * @validation rule="self.max <= 100" reason=FieldValueForbidden fieldPath=.max
   */
  range: Range;
  /** @validation self.size() > 0 */
  name: string;
  /** @validation rule="!oldSelf.hasValue() || self == oldSelf.value()" message="immutable" optionalOldSelf */
  frozen?: string;
}
/**
 * @crd
 * @group example.com
 * @version v1
 * @validation rule="has(self.spec)" messageExpression="'spec is required'"
 */
export interface Job { spec: Spec }`);
    const schema = crd.spec.versions[0]!.schema!.openAPIV3Schema!;
    expect(schema["x-kubernetes-validations"]).toEqual([
      { rule: "has(self.spec)", messageExpression: "'spec is required'" },
    ]);
    const spec = schema.properties!.spec!;
    expect(spec.properties!.range!["x-kubernetes-validations"]).toEqual([
      { rule: "self.max <= 100", reason: "FieldValueForbidden", fieldPath: ".max" },
      { rule: "self.min <= self.max", message: "min must not exceed max" },
    ]);
    expect(spec.properties!.name!["x-kubernetes-validations"]).toEqual([{ rule: "self.size() > 0" }]);
    expect(spec.properties!.frozen!["x-kubernetes-validations"]).toEqual([
      { rule: "!oldSelf.hasValue() || self == oldSelf.value()", message: "immutable", optionalOldSelf: true },
    ]);
  });
});

describe("field and type tags", () => {
  test("@listType, @listMapKey, @mapType, @structType, @embeddedResource, @preserveUnknownFields, @schemaless", () => {
    const crd = crdOf(`
export interface Port { name: string; port: number; protocol?: string }
/** @structType atomic */
export interface Ref { name: string }
export interface Spec {
  /**
   * @listType map
   * @listMapKey name
   * @listMapKey port
   */
  ports: Port[];
  /** @listType atomic */
  args?: string[];
  /** @mapType atomic */
  labels?: Record<string, string>;
  ref?: Ref;
  /** @embeddedResource */
  template?: { apiVersion?: string; kind?: string; metadata?: Record<string, unknown> };
  /**
   * @embeddedResource
   * @preserveUnknownFields
   */
  raw?: unknown;
  /**
   * @schemaless
   * @preserveUnknownFields
   */
  anything?: { typed: string };
}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Job { spec: Spec }`);
    const props = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!;
    expect(props.ports).toMatchObject({
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name", "port"],
    });
    expect(props.args).toMatchObject({ "x-kubernetes-list-type": "atomic" });
    expect(props.labels).toMatchObject({ "x-kubernetes-map-type": "atomic" });
    expect(props.ref).toMatchObject({ "x-kubernetes-map-type": "atomic" });
    expect(props.template).toMatchObject({ type: "object", "x-kubernetes-embedded-resource": true });
    expect(props.raw).toEqual({
      type: "object",
      "x-kubernetes-embedded-resource": true,
      "x-kubernetes-preserve-unknown-fields": true,
    });
    expect(props.anything).toEqual({ "x-kubernetes-preserve-unknown-fields": true });
  });

  test("known types: IntOrString, Quantity, Time, Duration, ObjectMeta, RawExtension from crdgen", () => {
    const crd = crdOf({
      "/project/types.ts": `import type { IntOrString, Quantity, Time, MicroTime, Duration, ObjectMeta, RawExtension } from "./known.js";
export interface Spec {
  port: IntOrString;
  memory?: Quantity;
  at?: Time;
  micro?: MicroTime;
  timeout?: Duration;
  podMetadata?: ObjectMeta;
  config?: RawExtension;
}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Job { spec: Spec }`,
      // The published declarations of crdgen's known types, as a user's node_modules holds them.
      "/project/known.ts":
        'export type { IntOrString, Quantity, Time, MicroTime, Duration, ObjectMeta, RawExtension } from "crdgen";',
      "/project/node_modules/crdgen/package.json": JSON.stringify({
        name: "crdgen",
        types: "dist/src/known-types.d.ts",
      }),
      "/project/node_modules/crdgen/dist/src/known-types.d.ts": `export type IntOrString = number | string;
export type Quantity = number | string;
export type Time = string;
export type MicroTime = string;
export type Duration = string;
export interface ObjectMeta { name?: string; [key: string]: unknown }
export type RawExtension = Record<string, unknown>;`,
    });
    const props = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!;
    const ios = { anyOf: [{ type: "integer" }, { type: "string" }], "x-kubernetes-int-or-string": true };
    expect(props).toEqual({
      port: ios,
      memory: { ...ios, nullable: true, pattern: expect.stringMatching(/^\^\(\\\+\|-\)\?/) },
      at: { type: "string", format: "date-time" },
      micro: { type: "string", format: "date-time" },
      timeout: { type: "string" },
      podMetadata: { type: "object" },
      config: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    });
  });
});

describe("Condition from crdgen", () => {
  const conditions = (known: string) =>
    crdOf({
      "/project/types.ts": `import type { Condition } from "${known}";
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Job {
  spec: { a?: string };
  status?: {
    /** @listType map @listMapKey type */
    conditions?: Condition[];
  };
}`,
      "/project/own.ts": "export interface Condition { type: string; status: string }",
      "/project/node_modules/crdgen/package.json": JSON.stringify({
        name: "crdgen",
        types: "dist/src/known-types.d.ts",
      }),
      "/project/node_modules/crdgen/dist/src/known-types.d.ts": `export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}`,
    }).spec.versions[0]!.schema!.openAPIV3Schema!.properties!.status!.properties!.conditions!;

  test("is Kubernetes' metav1.Condition, as controller-gen writes it, in a list keyed by type", () => {
    const list = conditions("crdgen");
    expect(list).toMatchObject({
      type: "array",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["type"],
    });
    const item = list.items as JSONSchemaProps;
    expect(item.required).toEqual(["lastTransitionTime", "message", "reason", "status", "type"]);
    expect(item.properties!.status!.enum).toEqual(["True", "False", "Unknown"]);
    expect(item.properties!.lastTransitionTime).toMatchObject({ type: "string", format: "date-time" });
    expect(item.properties!.observedGeneration).toMatchObject({
      type: "integer",
      format: "int64",
      minimum: 0,
    });
    expect(item.properties!.type).toMatchObject({
      maxLength: 316,
      pattern: expect.stringContaining("[A-Za-z0-9]"),
    });
    expect(item.properties!.reason).toMatchObject({ minLength: 1, maxLength: 1024 });
  });

  test("a project's own Condition stays its own", () => {
    const item = conditions("./own.js").items as JSONSchemaProps;
    expect(item).toEqual({
      type: "object",
      properties: { type: { type: "string" }, status: { type: "string" } },
      required: ["status", "type"],
    });
  });
});

describe("import type expressions", () => {
  test("name the same known types, tagged aliases and interfaces as imports do", () => {
    // Declaration files emitted by tsc write references to other files this way.
    const crd = crdOf({
      "/project/types.ts": `export interface Spec {
  port: import("crdgen").IntOrString;
  replicas?: import("crdgen").int32;
  slug: import("./scalars.js").Slug;
  inner: import("./scalars.js").Inner;
  limit?: import("./scalars.js").Limits.Max;
}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Job { spec: Spec }`,
      "/project/scalars.ts": `/** @pattern ^[a-z]+$ */
export type Slug = string;
export interface Inner { x: string }
export namespace Limits {
  /** @maximum 10 */
  export type Max = number;
}`,
      "/project/node_modules/crdgen/package.json": JSON.stringify({
        name: "crdgen",
        types: "dist/src/known-types.d.ts",
      }),
      "/project/node_modules/crdgen/dist/src/known-types.d.ts": `export type IntOrString = number | string;
export type int32 = number;`,
    });
    const props = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!;
    expect(props).toEqual({
      port: { anyOf: [{ type: "integer" }, { type: "string" }], "x-kubernetes-int-or-string": true },
      replicas: { type: "integer", format: "int32" },
      slug: { type: "string", pattern: "^[a-z]+$" },
      inner: { type: "object", properties: { x: { type: "string" } }, required: ["x"] },
      limit: { type: "number", maximum: 10 },
    });
  });
});

describe("--max-description-length (controller-gen's maxDescLen)", () => {
  test("cuts at the last whitespace before the limit and appends ...", () => {
    const result = generateFrom(
      "/**\n * Widget long description that goes on and on.\n * @crd\n * @group a.io\n * @version v1\n */\nexport interface W { spec: { a?: string } }",
      { maxDescriptionLength: 30 },
    );
    const schema = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
    expect(schema.description).toBe("Widget long description that...");
    expect(schema.properties!.apiVersion!.description).toBe("APIVersion defines the...");
  });

  test("controller-gen's own cases (maxDescLen 50)", async () => {
    const { truncate } = await import("../../transforms/truncate-descriptions.js");
    expect(truncate("This tests that defaulted fields are stripped for v1beta1,\nbut not for v1", 50)).toBe(
      "This tests that defaulted fields are stripped for...",
    );
    expect(truncate("Spec comments SHOULD appear in the CRD spec", 50)).toBe(
      "Spec comments SHOULD appear in the CRD spec",
    );
  });
});

describe("errors", () => {
  const cases: [string, string, RegExp][] = [
    [
      "printer column path that does not exist",
      "@printColumn name=X type=string jsonPath=.spec.nope",
      /Printer column "X" path \.spec\.nope does not exist in Job's schema \(no field at \.spec\.nope\)/,
    ],
    [
      "printer column path through a name Object has (.spec.constructor)",
      "@printColumn name=X type=string jsonPath=.spec.constructor",
      /Printer column "X" path \.spec\.constructor does not exist in Job's schema/,
    ],
    [
      "printer column path through a name Object has (.metadata.toString)",
      "@printColumn name=Y type=string jsonPath=.metadata.toString",
      /Printer column "Y" path \.metadata\.toString does not exist/,
    ],
    [
      "printer column of the wrong type",
      "@printColumn name=X type=integer jsonPath=.spec.schedule",
      /Printer column "X" has type integer but \.spec\.schedule is string/,
    ],
    [
      "scale without status",
      "@subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas",
      /has @subresource scale but not @subresource status/,
    ],
    [
      "scale replicas not an integer",
      "@subresource status\n@subresource scale specReplicasPath=.spec.schedule statusReplicasPath=.status.replicas",
      /specReplicasPath \.spec\.schedule must point to an integer field, but it is string/,
    ],
    [
      "scale path outside spec",
      "@subresource status\n@subresource scale specReplicasPath=.status.replicas statusReplicasPath=.status.replicas",
      /specReplicasPath: Invalid value: "\.status\.replicas": should be a json path under \.spec/,
    ],
    [
      "selectable field that is not scalar",
      "@selectableField .spec.tags",
      /Selectable field \.spec\.tags must be a string, boolean or integer, but it is array/,
    ],
    [
      "bad printer column type",
      "@printColumn name=X type=float jsonPath=.spec.schedule",
      /type: Invalid value: "float": must be one of boolean,date,integer,number,string/,
    ],
    [
      "printer column missing jsonPath",
      "@printColumn name=X type=string",
      /needs name=, type= and jsonPath=/,
    ],
    [
      "bad validation reason",
      '@validation rule="true" reason=Oops',
      /reason must be one of FieldValueInvalid/,
    ],
    ["bad subresource", "@subresource spin", /expects status or scale/],
  ];
  test.each(cases)("%s", (_name, tags, message) => {
    const source = root(tags);
    const errors = errorsOf(source);
    expect(errors.map((e) => e.message).join("\n")).toMatch(message);
    const tagLine = source.split("\n").findIndex((l) => l.includes(tags.split("\n").at(-1)!.trim())) + 1;
    expect(errors.find((e) => message.test(e.message))!.location).toMatchObject({
      file: ENTRY,
      line: tagLine,
    });
  });

  test("a default that does not validate against its own schema is located at its @default tag", () => {
    // No step acts on this schema: emit/direct.ts built it, and the stage runs only to place the error.
    const source =
      'export interface Spec {\n  /** @default "three" */\n  count?: number;\n}\n/**\n * @crd\n * @group a.io\n * @version v1\n */\nexport interface Job { spec: Spec }';
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ code: "CRD2001", location: { file: ENTRY, line: 2, column: 7 } });
    expect(error!.message).toContain("properties[count].default");
  });

  test("an error in a node a transform rewrote is located at the tag it came from", () => {
    // optional-enum replaces the emitted `anyOf: [enum, null]` with one nullable enum.
    const source =
      'export interface Spec {\n  size?: number;\n  /** @default "c" */\n  mode?: "a" | "b" | null;\n}\n/**\n * @crd\n * @group a.io\n * @version v1\n */\nexport interface Job { spec: Spec }';
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ code: "CRD2001", location: { file: ENTRY, line: 3, column: 7 } });
    expect(error!.message).toContain("properties[mode].default");
  });

  test("an invalid list-map (key neither required nor defaulted) is located at the key's @listMapKey", () => {
    const source =
      "export interface P { name?: string }\nexport interface Spec {\n  /**\n   * @listType map\n   * @listMapKey name\n   */\n  ports?: P[];\n}\n/**\n * @crd\n * @group a.io\n * @version v1\n */\nexport interface Job { spec: Spec }";
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ code: "CRD2001", location: { line: 5, column: 6 } });
    expect(error!.message).toContain("must have a default or be a required property");
  });

  test("two versions that disagree on an annotation", () => {
    const source = `/** @crd @group a.io @version v1 @kind T @storageVersion @annotation x=1 */\nexport interface A { spec: { a?: string } }\n/** @crd @group a.io @version v2 @kind T @annotation x=2 */\nexport interface B { spec: { a?: string } }`;
    const [error] = errorsOf(source);
    expect(error).toMatchObject({
      code: "CRD1012",
      message: 'Versions of T.a.io disagree on the annotation x: v2 (B) has "2", but v1 (A, line 1) has "1".',
      location: { file: ENTRY, line: 3 },
      hint: expect.stringContaining("give x the same value on every root that writes it"),
    });
  });

  test("two versions of one type name, in files of their own, that disagree on a label", () => {
    // As a port of Tekton's Pipeline writes them: the versions, not the type names, tell them apart,
    // and the error is at the @label that differs.
    const [error] = errorsOf({
      "/project/index.ts": 'export * as v1 from "./v1.js";\nexport * as v1beta1 from "./v1beta1.js";\n',
      "/project/v1.ts":
        "/**\n * @crd\n * @group a.io\n * @version v1\n * @storageVersion\n * @label version=devel\n */\nexport interface Pipeline { spec?: { a?: string } }\n",
      "/project/v1beta1.ts":
        "/**\n * @crd\n * @group a.io\n * @version v1beta1\n * @label extra=x\n * @label version=other\n */\nexport interface Pipeline { spec?: { a?: string } }\n",
    });
    expect(error).toMatchObject({
      code: "CRD1012",
      message:
        'Versions of Pipeline.a.io disagree on the label version: v1beta1 (Pipeline) has "other", but v1 (Pipeline, v1.ts:6) has "devel".',
      location: { file: "/project/v1beta1.ts", line: 6, column: 4 },
    });
  });
});
