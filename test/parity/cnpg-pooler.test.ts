/**
 * Parity with CloudNativePG's Pooler CRD (corpus/crds/cloudnative-pg/postgresql.cnpg.io_poolers.yaml,
 * written by controller-gen v0.21.0): fixtures/cnpg-pooler/types.ts ports the whole CRD from its Go
 * types. What it covers that the other ports do not: a whole corev1.PodSpec and corev1.ServiceSpec
 * (2,000 leaves of Kubernetes' own schema: list-maps, Quantity maps, int-or-string ports, atomic
 * structs) and appsv1.DeploymentStrategy from `@kubernetes/client-node` under types of the
 * project's own (`template`, `serviceTemplate`), an interface extending a Kubernetes type with a
 * member of its own and `@structType atomic` (ImageCatalogRef on corev1.TypedLocalObjectReference),
 * `self == oldSelf` rules with messages of their own, a scale subresource without a label selector,
 * printer columns on spec and status, and a root whose `metadata` is required.
 *
 * The CRD is too large for client-side `kubectl apply`, as the original is (`crdgen check` says
 * CRD2007 of both): that warning is the port's only diagnostic.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, words, type KnownDifference } from "./parity.js";

/** None: `metadata: ObjectMeta` without `?` is required, as Go's `json:"metadata"` is to controller-gen. */
const KNOWN_DIFFERENCES: KnownDifference[] = [];

/** Kubernetes' own types in the port, whose descriptions crdgen takes from Kubernetes' OpenAPI data. */
const KUBERNETES = [
  "spec.template.spec",
  "spec.serviceTemplate.spec",
  "spec.deploymentStrategy.",
  "spec.pgbouncer.imageCatalogRef.apiGroup",
];

/**
 * The items of Kubernetes' lists of a named string type (corev1.Capability, corev1.IPFamily):
 * controller-gen describes them with the type's doc comment, Kubernetes' OpenAPI data has no
 * description there.
 */
const UNDESCRIBED_ITEMS = [
  "spec.serviceTemplate.spec.ipFamilies[]",
  ...["containers", "ephemeralContainers", "initContainers"].flatMap((list) =>
    ["add", "drop"].map((op) => `spec.template.spec.${list}[].securityContext.capabilities.${op}[]`),
  ),
];

describe("CloudNativePG's Pooler, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "cnpg-pooler",
    original: "cloudnative-pg/postgresql.cnpg.io_poolers.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 2000,
    // Too large for client-side `kubectl apply`, as the original is (`crdgen check` says so of both).
    warnings: ["CRD2007"],
  });

  test("every description is controller-gen's, word for word", () => {
    const want = descriptions(expected(), "v1");
    const got = descriptions(generated().crd, "v1");
    expect(want.size).toBe(1281);
    expect([...got.keys()].sort()).toEqual(
      [...want.keys()].filter((at) => !UNDESCRIBED_ITEMS.includes(at)).sort(),
    );
    let joined = 0;
    for (const [at, description] of want) {
      if (UNDESCRIBED_ITEMS.includes(at) || got.get(at) === description) continue;
      expect(
        KUBERNETES.some((prefix) => at.startsWith(prefix)),
        at,
      ).toBe(true);
      expect(words(got.get(at) ?? ""), at).toBe(words(description));
      joined++;
    }
    expect(joined).toBe(774);
  });
});
