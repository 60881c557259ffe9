/**
 * Parity with Cluster API's Cluster CRD as kopium's test data keeps it
 * (corpus/crds/kopium/cluster.x-k8s.io_clusters.yaml, written by an older controller-gen, which
 * joined a doc comment's lines): fixtures/cluster-api-cluster/ ports all three versions, each a
 * root named `Cluster` in a file of its own (v1alpha3.ts, v1alpha4.ts, v1beta1.ts), re-exported by
 * types.ts as namespaces. What it covers that the other ports do not: versions whose schemas
 * differ (a field only the oldest has, a subtree only the newer two have, a field required only
 * in the stored version), per-version printer columns in their own order, served and storage
 * flags on three versions, a map of objects holding a map (`failureDomains`), and
 * corev1.ObjectReference from `@kubernetes/client-node`.
 *
 * Whatever differs is listed with its reason and asserted exactly: a new difference fails with its
 * path, and a fixed one fails until it is removed from the list.
 */
import { describe, expect, test } from "vitest";
import { descriptions, words, portTests, type KnownDifference } from "./parity.js";

const VERSIONS = ["v1beta1", "v1alpha4", "v1alpha3"];

const CONVERSION_REASON =
  "the conversion webhook is no part of the Go types: kubebuilder adds it to controller-gen's CRD with a kustomize " +
  "patch (config/crd/patches/webhook_in_clusters.yaml), and crdgen, like controller-gen, has no tag for it: the same " +
  "patch applies to crdgen's CRD";

const KNOWN_DIFFERENCES: KnownDifference[] = [
  { path: "spec.conversion.strategy", expected: '"Webhook"', reason: CONVERSION_REASON },
  ...[
    ["caBundle", '""'],
    ["service.name", '"capi-webhook-service"'],
    ["service.namespace", '"capi-system"'],
    ["service.path", '"/convert"'],
    ["service.port", "443"],
  ].map(([field, value]): KnownDifference => ({
    path: `spec.conversion.webhook.clientConfig.${field!}`,
    expected: value!,
    reason: CONVERSION_REASON,
  })),
  {
    path: "spec.conversion.webhook.conversionReviewVersions",
    expected: '["v1","v1beta1"]',
    reason: CONVERSION_REASON,
  },
  {
    path: "spec.versions(order)",
    expected: '["v1alpha3","v1alpha4","v1beta1"]',
    actual: '["v1beta1","v1alpha4","v1alpha3"]',
    reason:
      "crdgen lists versions by Kubernetes' version priority (src/emit/versions.ts), controller-gen by name; the " +
      "API server orders versions by priority itself, and no tag chooses the order",
  },
  ...VERSIONS.flatMap((v) =>
    ["controlPlaneRef", "infrastructureRef"].map((field): KnownDifference => ({
      path: `${v}:spec.${field}#x-kubernetes-map-type`,
      actual: '"atomic"',
      reason:
        "crdgen takes corev1.ObjectReference's schema from Kubernetes 1.36, where the type is `+structType=atomic`; " +
        "the Kubernetes this CRD was generated against predates the marker",
    })),
  ),
];

/**
 * corev1.ObjectReference's descriptions: crdgen takes them from Kubernetes 1.36's OpenAPI data,
 * whose wording has changed since this CRD was generated.
 */
const OBJECT_REFERENCE = ["controlPlaneRef", "infrastructureRef"].flatMap((field) =>
  ["apiVersion", "fieldPath", "kind", "name", "namespace", "resourceVersion", "uid"].map(
    (member) => `spec.${field}.${member}`,
  ),
);

/**
 * The older controller-gen joined a paragraph's lines with spaces (apiVersion's and kind's
 * descriptions, which crdgen writes as controller-gen does now, line by line) and wrote a
 * paragraph break as `. \n `, where crdgen writes the doc comment's blank line as `\n\n`.
 */
const JOINED = ["apiVersion", "kind", "spec.topology.controlPlane.metadata"];

describe("Cluster API's Cluster, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "cluster-api-cluster",
    original: "kopium/cluster.x-k8s.io_clusters.yaml",
    owner: "Cluster API's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 200,
  });

  test.each(VERSIONS)("%s: every description is Cluster API's, word for word", (version) => {
    const want = descriptions(expected(), version);
    const got = descriptions(generated().crd, version);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) {
      if (OBJECT_REFERENCE.includes(at)) continue;
      if (JOINED.includes(at)) {
        expect(words(got.get(at) ?? ""), at).toBe(words(description));
        expect(got.get(at), at).not.toBe(description);
        continue;
      }
      expect(got.get(at), at).toBe(description);
    }
  });
});
