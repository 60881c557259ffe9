/**
 * What every port of an Istio CRD (written by Istio's protoc-gen-crd) shares: the differences its
 * root and status draw from crdgen's output for the same reasons, and the check that every
 * description of the ported part is Istio's.
 */
import { expect, test } from "vitest";
import { descriptions, type Generated, type KnownDifference } from "./parity.js";

/** apiVersion, kind and metadata at the root: crdgen lists them, protoc-gen-crd does not. */
export function istioRootDifferences(version: string): KnownDifference[] {
  return [
    {
      path: `${version}:apiVersion#type`,
      actual: '"string"',
      reason:
        "crdgen adds apiVersion, kind and metadata to every root schema, as controller-gen does; protoc-gen-crd " +
        "leaves them out (the API server validates them anyway), and no tag leaves them out",
    },
    { path: `${version}:kind#type`, actual: '"string"', reason: "as apiVersion" },
    { path: `${version}:metadata#type`, actual: '"object"', reason: "as apiVersion" },
  ];
}

/** meta/v1alpha1's IstioStatus: its int64 observedGeneration is an optional int-or-string. */
export function istioStatusDifferences(version: string): KnownDifference[] {
  return [
    {
      path: `${version}:status.conditions[].observedGeneration#nullable`,
      actual: "true",
      reason:
        "crdgen makes every optional int-or-string property nullable on purpose (transforms/nullable-int-or-string.ts, " +
        "kube-rs #1885); no tag turns that off",
    },
    {
      path: `${version}:status.observedGeneration#nullable`,
      actual: "true",
      reason: "as conditions[].observedGeneration",
    },
  ];
}

/** Each version's descriptions are Istio's, exactly; crdgen's apiVersion and kind carry Kubernetes' besides. */
export function istioDescriptionTests(
  versions: readonly string[],
  generated: () => Generated,
  expected: () => unknown,
): void {
  test.each(versions)("%s: every description of the subset is Istio's, exactly", (version) => {
    const want = descriptions(expected(), version);
    const got = descriptions(generated().crd, version);
    // Istio's root has neither apiVersion nor kind.
    expect([...got.keys()].filter((at) => !want.has(at)).sort()).toEqual(["apiVersion", "kind"]);
    for (const [at, description] of want) expect(got.get(at), at).toBe(description);
  });
}
