/**
 * Parity with Cluster API's MachineDeployment CRD
 * (corpus/crds/cluster-api/cluster.x-k8s.io_machinedeployments.yaml, written by controller-gen
 * 0.21): fixtures/cluster-api-machinedeployment/ ports the whole envelope of both versions and a
 * subset of each schema (SUBSETS below; most of the original's leaves are the machine template,
 * shapes the cluster-api-cluster port covers). The original is cut to that subset, and the two
 * CRDs are then compared leaf by leaf by portTests (its `subset`). What it covers that the
 * other ports do not: the scale subresource with a label selector path on two versions, a served
 * version deprecated without a warning text, two printer columns of one name (`Available`: a
 * condition's status and a count), int-or-string fields (maxSurge, maxUnavailable, maxInFlight),
 * `@minProperties` on objects, a list map keyed by `version`, `@deprecated` fields giving Go's
 * `Deprecated:` paragraph, and a path into a nested object (`.spec.template.spec.version`).
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { isObject } from "../controller-gen/crd-compare.js";
import { descriptions, portTests, words, type KnownDifference, type Subset } from "./parity.js";

const TEMPLATE: Subset = { spec: { version: true } };
const ENVELOPE: Subset = { apiVersion: true, kind: true, metadata: true };

const SUBSETS: Record<string, Subset> = {
  v1beta1: {
    ...ENVELOPE,
    spec: {
      clusterName: true,
      replicas: true,
      rolloutAfter: true,
      selector: true,
      strategy: true,
      minReadySeconds: true,
      revisionHistoryLimit: true,
      paused: true,
      progressDeadlineSeconds: true,
      template: TEMPLATE,
    },
    status: {
      observedGeneration: true,
      selector: true,
      replicas: true,
      updatedReplicas: true,
      readyReplicas: true,
      availableReplicas: true,
      unavailableReplicas: true,
      phase: true,
    },
  },
  v1beta2: {
    ...ENVELOPE,
    spec: {
      clusterName: true,
      replicas: true,
      rollout: true,
      selector: true,
      machineNaming: true,
      deletion: true,
      paused: true,
      template: TEMPLATE,
    },
    status: {
      conditions: true,
      observedGeneration: true,
      selector: true,
      replicas: true,
      readyReplicas: true,
      availableReplicas: true,
      upToDateReplicas: true,
      phase: true,
      versions: true,
    },
  },
};
const VERSIONS = Object.keys(SUBSETS);

const NULLABLE_REASON =
  "crdgen makes every optional int-or-string property nullable on purpose (transforms/nullable-int-or-string.ts, " +
  "kube-rs #1885: server-side apply sends null for an unset one); no tag turns that off";

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.versions(order)",
    expected: '["v1beta1","v1beta2"]',
    actual: '["v1beta2","v1beta1"]',
    reason:
      "crdgen lists versions by Kubernetes' version priority (src/emit/versions.ts), controller-gen by name; the " +
      "API server orders versions by priority itself, and no tag chooses the order",
  },
  ...[
    "v1beta2:spec.rollout.strategy.rollingUpdate.maxUnavailable",
    "v1beta2:spec.rollout.strategy.rollingUpdate.maxSurge",
    "v1beta1:spec.strategy.rollingUpdate.maxUnavailable",
    "v1beta1:spec.strategy.rollingUpdate.maxSurge",
    "v1beta1:spec.strategy.remediation.maxInFlight",
  ].map((at): KnownDifference => ({ path: `${at}#nullable`, actual: "true", reason: NULLABLE_REASON })),
];

/**
 * Descriptions of Kubernetes' own types (metav1.LabelSelector from `@kubernetes/client-node`,
 * metav1.Condition from crdgen): crdgen takes them from Kubernetes 1.36's OpenAPI data, which
 * words Go's doc comments with other line breaks than controller-gen does; the words are the same.
 */
const KUBERNETES_TYPES = ["spec.selector.", "status.conditions[]."];

describe("Cluster API's MachineDeployment, a subset ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "cluster-api-machinedeployment",
    original: "cluster-api/cluster.x-k8s.io_machinedeployments.yaml",
    owner: "Cluster API's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 150,
    subset: (version) => SUBSETS[version]!,
    subsetLeaves: { versions: VERSIONS, min: 60, max: 120 },
  });

  test("two printer columns of one name are both kept, in their order", () => {
    const crd = generated().crd as {
      spec: { versions: { name: string; additionalPrinterColumns: unknown[] }[] };
    };
    const columns = crd.spec.versions.find((v) => v.name === "v1beta2")!.additionalPrinterColumns;
    expect(columns.filter((c) => isObject(c) && c.name === "Available")).toEqual([
      expect.objectContaining({
        type: "string",
        jsonPath: '.status.conditions[?(@.type=="Available")].status',
      }),
      expect.objectContaining({ type: "integer", jsonPath: ".status.availableReplicas" }),
    ]);
  });

  test.each(VERSIONS)("%s: every description of the subset is Cluster API's, exactly", (version) => {
    const want = descriptions(expected(), version);
    const got = descriptions(generated().crd, version);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) {
      if (KUBERNETES_TYPES.some((prefix) => at.startsWith(prefix)))
        expect(words(got.get(at) ?? ""), at).toBe(words(description));
      else expect(got.get(at), at).toBe(description);
    }
  });
});
