/**
 * Parity with Kyverno's CEL PolicyException CRD (corpus/crds/kyverno/policies.kyverno.io_policyexceptions.yaml,
 * written by controller-gen): fixtures/kyverno-policyexception/ ports the whole CRD from its Go
 * types, its three versions each a root of its own file with one type name (v1.ts, v1alpha1.ts,
 * v1beta1.ts) around a spec they share (common.ts), re-exported by types.ts as namespaces. What it
 * covers that the other ports do not: three versions with one schema whose storage version is
 * neither the first nor the newest (v1beta1 beside v1), a version deprecated without a warning
 * (`deprecated: true` alone, from a bare `@deprecated`), admissionregistration/v1's MatchCondition
 * from `@kubernetes/client-node` as list items, an optional `metav1.Time`, a string-to-string map
 * property named `properties`, and a two-value enum with a default.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, words, type KnownDifference } from "./parity.js";

const VERSIONS = ["v1", "v1alpha1", "v1beta1"];

/** Descriptions crdgen takes from Kubernetes' OpenAPI data, which joins the Go doc comment's lines. */
const JOINED_LINES = /^spec\.matchConditions\[\]\./;

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.versions(order)",
    expected: '["v1","v1alpha1","v1beta1"]',
    actual: '["v1","v1beta1","v1alpha1"]',
    reason:
      "controller-gen lists versions by name; crdgen orders them as Kubernetes sorts them (README); the list's order " +
      "means nothing to the API server, which picks the stored version by `storage`",
  },
];

describe("Kyverno's PolicyException, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "kyverno-policyexception",
    original: "kyverno/policies.kyverno.io_policyexceptions.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 105,
  });

  test.each(VERSIONS)(
    "%s: every description is controller-gen's (Kubernetes' own types' word for word)",
    (version) => {
      const want = descriptions(expected(), version);
      const got = descriptions(generated().crd, version);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [at, description] of want) {
        if (JOINED_LINES.test(at)) expect(words(got.get(at) ?? ""), at).toBe(words(description));
        else expect(got.get(at), at).toBe(description);
      }
    },
  );

  test("v1alpha1 is deprecated without a warning, v1beta1 is stored", () => {
    type Version = { name: string; storage: boolean; deprecated?: boolean; deprecationWarning?: string };
    const crd = generated().crd as { spec: { versions: Version[] } };
    expect(crd.spec.versions.map(({ name, storage, deprecated }) => ({ name, storage, deprecated }))).toEqual(
      [
        { name: "v1", storage: false, deprecated: undefined },
        { name: "v1beta1", storage: true, deprecated: undefined },
        { name: "v1alpha1", storage: false, deprecated: true },
      ],
    );
    expect(crd.spec.versions.some((v) => "deprecationWarning" in v)).toBe(false);
  });
});
