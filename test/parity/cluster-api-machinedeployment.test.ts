/**
 * Parity with Cluster API's MachineDeployment CRD
 * (corpus/crds/cluster-api/cluster.x-k8s.io_machinedeployments.yaml, written by controller-gen
 * 0.21): fixtures/cluster-api-machinedeployment/ ports the whole envelope of both versions and a
 * subset of each schema (SUBSETS below; most of the original's leaves are the machine template,
 * shapes the cluster-api-cluster port covers). The original is cut to that subset, and the two
 * CRDs are then compared leaf by leaf as portTests compares whole ports. What it covers that the
 * other ports do not: the scale subresource with a label selector path on two versions, a served
 * version deprecated without a warning text, two printer columns of one name (`Available`: a
 * condition's status and a count), int-or-string fields (maxSurge, maxUnavailable, maxInFlight),
 * `@minProperties` on objects, a list map keyed by `version`, `@deprecated` fields giving Go's
 * `Deprecated:` paragraph, and a path into a nested object (`.spec.template.spec.version`).
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { diffLeaves, flattenCrd, isObject } from "../controller-gen/crd-compare.js";
import {
  corpusCrd,
  descriptions,
  generateFixture,
  withoutReason,
  words,
  type Generated,
  type KnownDifference,
} from "./parity.js";

/** What the port covers: `true` keeps a property's whole schema, an object keeps only the properties it names. */
interface Subset {
  [property: string]: true | Subset;
}

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

/** `schema` cut to `subset`: the properties left out go, and so do their names in `required`. */
function cut(schema: unknown, subset: Subset): unknown {
  if (!isObject(schema) || !isObject(schema.properties)) throw new Error("the subset names no object");
  const properties: Record<string, unknown> = {};
  for (const [name, keep] of Object.entries(subset)) {
    const property = schema.properties[name];
    if (property === undefined) throw new Error(`the original has no property ${name}`);
    properties[name] = keep === true ? property : cut(property, keep);
  }
  const required = Array.isArray(schema.required) ? schema.required.filter((n) => n in subset) : [];
  const { required: _all, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

/** The original CRD with each version's schema cut to its subset. */
function originalSubset(): unknown {
  const crd = structuredClone(corpusCrd("cluster-api/cluster.x-k8s.io_machinedeployments.yaml")) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] };
  };
  for (const version of crd.spec.versions)
    version.schema.openAPIV3Schema = cut(version.schema.openAPIV3Schema, SUBSETS[version.name]!);
  return crd;
}

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
  let generated: Generated;
  let expected: unknown;
  beforeAll(() => {
    generated = generateFixture("cluster-api-machinedeployment");
    expected = originalSubset();
  });

  test("generates one CRD without a diagnostic", () => {
    expect(generated.result.diagnostics).toEqual([]);
    expect(generated.crd).toBeDefined();
  });

  test("the whole envelope and the subset equal Cluster API's, apart from the known differences", () => {
    const comparison = diffLeaves(flattenCrd(expected), flattenCrd(generated.crd));
    expect(comparison.differences).toEqual(KNOWN_DIFFERENCES.map(withoutReason));
    expect(comparison.paths).toBeGreaterThan(150);
  });

  test.each(VERSIONS)("%s: the subset is a meaningful one, 60 to 120 schema leaves", (version) => {
    const leaves = [...flattenCrd(expected).keys()].filter((path) => path.startsWith(`${version}:`));
    expect(leaves.length).toBeGreaterThanOrEqual(60);
    expect(leaves.length).toBeLessThanOrEqual(120);
  });

  test("two printer columns of one name are both kept, in their order", () => {
    const crd = generated.crd as {
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
    const want = descriptions(expected, version);
    const got = descriptions(generated.crd, version);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) {
      if (KUBERNETES_TYPES.some((prefix) => at.startsWith(prefix)))
        expect(words(got.get(at) ?? ""), at).toBe(words(description));
      else expect(got.get(at), at).toBe(description);
    }
  });
});
