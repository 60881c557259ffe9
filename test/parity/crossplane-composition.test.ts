/**
 * Parity with Crossplane's Composition CRD (corpus/crds/crossplane/apiextensions.crossplane.io_compositions.yaml,
 * written by controller-gen v0.20.1): fixtures/crossplane-composition/types.ts ports the whole CRD
 * from its Go types. What it covers that the other ports do not: an embedded Kubernetes resource
 * kept as written (Go's `*runtime.RawExtension` with `+kubebuilder:validation:EmbeddedResource`:
 * `type: object`, `x-kubernetes-embedded-resource` and `x-kubernetes-preserve-unknown-fields`), a
 * one-value enum with a default (`mode`), CEL rules with messages on a spec, on list items and on
 * an immutable field (`self == oldSelf` with Crossplane's own message, not `@immutable`'s), list-maps
 * nested two lists deep with `@minItems`/`@maxItems`, a cluster-scoped root with a category, a
 * short name and three printer columns, and every description, word for word.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, type KnownDifference } from "./parity.js";

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.versions[v1].subresources",
    expected: "{}",
    reason:
      "Crossplane's CRD has an empty `subresources` map (Composition has no status), which enables nothing: crdgen " +
      "writes no `subresources` without `@subresource`, and no tag writes an empty one",
  },
];

describe("Crossplane's Composition, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "crossplane-composition",
    original: "crossplane/apiextensions.crossplane.io_compositions.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 85,
  });

  test("every description is controller-gen's, exactly", () => {
    const want = descriptions(expected(), "v1");
    expect(want.size).toBeGreaterThan(30);
    expect(Object.fromEntries(descriptions(generated().crd, "v1"))).toEqual(Object.fromEntries(want));
  });

  test("the function input is an embedded resource kept as written", () => {
    type Node = { properties: Record<string, Node>; items: Node };
    const crd = generated().crd as { spec: { versions: { schema: { openAPIV3Schema: Node } }[] } };
    const step = crd.spec.versions[0]!.schema.openAPIV3Schema.properties.spec!.properties.pipeline!.items;
    expect(step.properties.input).toEqual({
      description: expect.stringMatching(/^Input is an optional, arbitrary Kubernetes resource/) as unknown,
      type: "object",
      "x-kubernetes-embedded-resource": true,
      "x-kubernetes-preserve-unknown-fields": true,
    });
  });
});
