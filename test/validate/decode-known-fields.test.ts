/**
 * An unknown-field error of the strict decoder keeps the fields its Go type has, for the
 * did-you-mean of `crdgen check`; the error itself stays Kubernetes' own.
 */
import { describe, expect, it } from "vitest";
import { knownFieldsOf } from "../../src/validate/decode/decoder.js";
import { formatFieldError, validateCrd } from "../../src/validate/index.js";

function crd(version: Record<string, unknown>, schema: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "as.b.io" },
    spec: {
      group: "b.io",
      names: { plural: "as", kind: "A" },
      scope: "Namespaced",
      versions: [
        { name: "v1", served: true, storage: true, schema: { openAPIV3Schema: schema }, ...version },
      ],
    },
  };
}

describe("knownFieldsOf", () => {
  const errors = validateCrd(crd({ schemas: {} }, { type: "object", properites: {}, minimum: "1" }));
  const byField = (field: string) => errors.find((e) => e.field === field)!;

  it("gives a version's fields for an unknown field of a version", () => {
    const e = byField("spec.versions[0].schemas");
    expect(formatFieldError(e)).toBe(
      'spec.versions[0].schemas: Forbidden: strict decoding error: unknown field "schemas"',
    );
    expect(knownFieldsOf(e)).toEqual(expect.arrayContaining(["name", "served", "storage", "schema"]));
    expect(knownFieldsOf(e)).not.toContain("openAPIV3Schema");
  });

  it("gives JSONSchemaProps' fields for an unknown field of a schema", () => {
    const known = knownFieldsOf(byField("spec.versions[0].schema.openAPIV3Schema.properites"));
    expect(known).toEqual(
      expect.arrayContaining(["properties", "x-kubernetes-preserve-unknown-fields", "$ref"]),
    );
    expect(known).not.toContain("const");
  });

  it("gives nothing for other errors", () => {
    expect(knownFieldsOf(byField("spec.versions[0].schema.openAPIV3Schema.minimum"))).toBeUndefined();
  });
});
