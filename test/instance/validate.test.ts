import { describe, expect, it } from "vitest";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";
import { formatFieldError } from "../../src/validate/format.js";
import { validateInstance } from "../../src/validate/instance/index.js";

function crd(
  schema: JSONSchemaProps,
  extra: { status?: boolean; scope?: string } = {},
): CustomResourceDefinition {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "widgets.example.com" },
    spec: {
      group: "example.com",
      names: { plural: "widgets", kind: "Widget" },
      scope: extra.scope ?? "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: { openAPIV3Schema: schema },
          ...(extra.status ? { subresources: { status: {} } } : {}),
        },
      ],
    },
  };
}

const SPEC: JSONSchemaProps = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      required: ["size"],
      properties: {
        size: { type: "integer", minimum: 1, default: 3 },
        mode: { type: "string", enum: ["a", "b"] },
        note: { type: "string", nullable: true },
        ports: {
          type: "array",
          "x-kubernetes-list-type": "map",
          "x-kubernetes-list-map-keys": ["name"],
          items: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
        },
      },
      "x-kubernetes-validations": [{ rule: "self.size < 10", message: "size must be below 10" }],
    },
    status: { type: "object", properties: { ready: { type: "boolean" } } },
  },
};

function widget(spec: unknown, metadata: unknown = { name: "w1" }): Record<string, unknown> {
  return { apiVersion: "example.com/v1", kind: "Widget", metadata, spec };
}

function messages(errors: ReturnType<typeof validateInstance>["errors"]): string[] {
  return errors.map(formatFieldError);
}

describe("validateInstance", () => {
  it("accepts a valid resource", () => {
    expect(validateInstance(crd(SPEC), widget({ size: 2, mode: "a" }))).toEqual({ errors: [], warnings: [] });
  });

  it("prunes unknown fields and unknown metadata fields with warnings, not errors", () => {
    const result = validateInstance(crd(SPEC), widget({ size: 2, extra: 1 }, { name: "w1", bogus: true }));
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.field).sort()).toEqual(["metadata.bogus", "spec.extra"]);
  });

  it("defaults absent fields and drops non-nullable nulls before validating", () => {
    expect(validateInstance(crd(SPEC), widget({})).errors).toEqual([]);
    expect(validateInstance(crd(SPEC), widget({ size: 2, mode: null, note: null })).errors).toEqual([]);
  });

  it("reports schema errors with kube-openapi's messages", () => {
    expect(messages(validateInstance(crd(SPEC), widget({ size: 0, mode: "c" })).errors)).toEqual([
      "spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1",
      'spec.mode: Unsupported value: "c": supported values: "a", "b"',
      "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
    ]);
  });

  it("runs CEL rules when nothing blocks them", () => {
    const errors = validateInstance(crd(SPEC), widget({ size: 12 })).errors;
    expect(errors).toEqual([{ type: "FieldValueInvalid", field: "spec", detail: "size must be below 10" }]);
  });

  it("rejects duplicate keys of map lists", () => {
    const errors = validateInstance(
      crd(SPEC),
      widget({ size: 2, ports: [{ name: "http" }, { name: "http" }] }),
    ).errors;
    expect(errors.map((e) => `${e.field} ${e.type}`)).toEqual(["spec.ports[1] FieldValueDuplicate"]);
  });

  it("checks apiVersion, kind and metadata", () => {
    expect(
      validateInstance(crd(SPEC), { ...widget({ size: 2 }), kind: "Gadget" }).errors.map((e) => e.field),
    ).toEqual(["kind"]);
    expect(
      validateInstance(crd(SPEC), { ...widget({ size: 2 }), apiVersion: "example.com/v9" }).errors.map(
        (e) => e.field,
      ),
    ).toEqual(["apiVersion"]);
    expect(
      validateInstance(crd(SPEC), widget({ size: 2 }, { name: "Not_Valid" })).errors.map((e) => e.field),
    ).toEqual(["metadata.name"]);
    expect(validateInstance(crd(SPEC), widget({ size: 2 }, { generateName: "w-" })).errors).toEqual([]);
  });

  it("cuts a long generateName as the API server does: only the generateName is an error", () => {
    const long = `${"g".repeat(260)}-`;
    expect(messages(validateInstance(crd(SPEC), widget({ size: 2 }, { generateName: long })).errors)).toEqual(
      [`metadata.generateName: Invalid value: "${long}": must be no more than 253 characters`],
    );
    // 100 characters: a valid prefix, and the generated name is cut to fit 63.
    expect(
      validateInstance(crd(SPEC), widget({ size: 2 }, { generateName: "g".repeat(100) })).errors,
    ).toEqual([]);
  });

  it("ignores status on create when the status subresource is enabled", () => {
    const withStatus = { ...widget({ size: 2 }), status: { ready: "yes" } };
    expect(validateInstance(crd(SPEC, { status: true }), withStatus).errors).toEqual([]);
    expect(validateInstance(crd(SPEC), withStatus).errors.map((e) => e.field)).toContain("status.ready");
  });

  it("does not throw on non-objects", () => {
    expect(validateInstance(crd(SPEC), "nope").errors).toHaveLength(1);
  });
});
