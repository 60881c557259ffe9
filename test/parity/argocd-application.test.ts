/**
 * Parity with Argo CD's Application CRD (corpus/crds/argo-cd/argoproj.io_applications.yaml, written
 * by controller-gen): fixtures/argocd-application/types.ts ports the whole envelope and a subset of
 * the schema (SUBSET below; the original's 1,980 schema leaves are mostly its sources and history,
 * shapes the other ports cover). The original is cut to that subset, and the two CRDs are then
 * compared leaf by leaf by portTests (its `subset`). What it covers that the other ports do
 * not: printer columns whose names hold a space (`name="Sync Status"`) and with `priority=10`,
 * two short names, a top-level `operation` beside `spec` and `status`, `@deprecated` on a field
 * giving Go's `Deprecated:` paragraph, a list of a named string type (`ApplicationSourceType[]`,
 * whose items take the type's description), and lists without any `x-kubernetes-list-type`, as
 * Argo CD's Go types have no list markers.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { flattenCrd } from "../controller-gen/crd-compare.js";
import { descriptions, portTests, type KnownDifference, type Subset } from "./parity.js";

const SUBSET: Subset = {
  apiVersion: true,
  kind: true,
  metadata: true,
  spec: {
    destination: true,
    project: true,
    syncPolicy: true,
    ignoreDifferences: true,
    info: true,
    revisionHistoryLimit: true,
  },
  status: {
    sync: { status: true, revision: true, revisions: true },
    health: true,
    conditions: true,
    reconciledAt: true,
    observedAt: true,
    sourceType: true,
    summary: true,
    resourceHealthSource: true,
    sourceTypes: true,
    controllerNamespace: true,
  },
  operation: { initiatedBy: true, info: true, retry: true },
};

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.versions[v1alpha1].subresources",
    expected: "{}",
    reason:
      "Argo CD's CRD has an empty `subresources` (its build removes the status subresource controller-gen wrote " +
      "and leaves the map), which enables nothing: crdgen writes no `subresources` without `@subresource`",
  },
];

describe("Argo CD's Application, a subset ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "argocd-application",
    original: "argo-cd/argoproj.io_applications.yaml",
    owner: "Argo CD's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 100,
    subset: () => SUBSET,
  });

  test("the subset is a meaningful one: 60 to 120 schema leaves, and the whole envelope", () => {
    const leaves = [...flattenCrd(expected()).keys()];
    const schema = leaves.filter((path) => path.startsWith("v1alpha1:"));
    expect(schema.length).toBeGreaterThanOrEqual(60);
    expect(schema.length).toBeLessThanOrEqual(120);
    expect(leaves).toEqual(
      expect.arrayContaining([
        "metadata.labels.app.kubernetes.io/part-of",
        "spec.names.shortNames",
        "spec.versions[v1alpha1].additionalPrinterColumns",
      ]),
    );
  });

  test("every description of the subset is Argo CD's, exactly", () => {
    const want = descriptions(expected(), "v1alpha1");
    expect(want.size).toBeGreaterThan(60);
    expect(Object.fromEntries(descriptions(generated().crd, "v1alpha1"))).toEqual(Object.fromEntries(want));
  });
});
