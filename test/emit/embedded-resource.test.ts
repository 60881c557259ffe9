/**
 * `@embeddedResource` on the types a port of Go's `*runtime.RawExtension` (with
 * `+kubebuilder:validation:EmbeddedResource`) writes: `unknown`, and `Record<string, unknown>`,
 * which README offers for "an object of any fields".
 */
import { describe, expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

const EMBEDDED_ANY = {
  type: "object",
  "x-kubernetes-embedded-resource": true,
  "x-kubernetes-preserve-unknown-fields": true,
};

describe("@embeddedResource on an object of any fields", () => {
  // crdgen's RawExtension gives the same (test/parity/crossplane-composition.test.ts).
  test("unknown: an embedded resource kept as written", () => {
    const spec = specSchema(withRoot("{\n  /** @embeddedResource */\n  input?: unknown;\n}"));
    expect(spec.properties!.input).toEqual(EMBEDDED_ANY);
  });

  // additional-properties-cleanup reads the anything-map as preserve-unknown-fields, as beside
  // properties: Kubernetes forbids additionalProperties beside x-kubernetes-embedded-resource.
  test("Record<string, unknown>: the same, not a map the API server refuses", () => {
    const spec = specSchema(withRoot("{\n  /** @embeddedResource */\n  input?: Record<string, unknown>;\n}"));
    expect(spec.properties!.input).toEqual(EMBEDDED_ANY);
  });
});
