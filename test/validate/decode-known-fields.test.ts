/**
 * An unknown-field error of the strict decoder keeps the fields its Go type has, for the
 * did-you-mean of `crdgen check`; the error itself stays Kubernetes' own.
 */
import { describe, expect, it } from "vitest";
import { knownFieldsOf } from "../../src/validate/decode/decoder.js";
import type { CustomResourceDefinitionVersion } from "../../src/schema/types.js";
import { formatFieldError, validateCrd } from "../../src/validate/index.js";
import { crd, version } from "../helpers/crds.js";

/** A one-version CRD whose version and root schema hold misspelt keys, as a hand-written one may. */
function misspelt(extra: Record<string, unknown>, schema: Record<string, unknown>): unknown {
  const v1 = { ...version("v1"), schema: { openAPIV3Schema: schema }, ...extra };
  return crd({ versions: [v1 as CustomResourceDefinitionVersion] });
}

describe("knownFieldsOf", () => {
  const errors = validateCrd(misspelt({ schemas: {} }, { type: "object", properites: {}, minimum: "1" }));
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
