/**
 * Parity with Argo CD's Application CRD (corpus/crds/argo-cd/argoproj.io_applications.yaml, written
 * by controller-gen): fixtures/argocd-application/types.ts ports the whole envelope and a subset of
 * the schema (SUBSET below; the original's 1,980 schema leaves are mostly its sources and history,
 * shapes the other ports cover). The original is cut to that subset, and the two CRDs are then
 * compared leaf by leaf as portTests compares whole ports. What it covers that the other ports do
 * not: printer columns whose names hold a space (`name="Sync Status"`) and with `priority=10`,
 * two short names, a top-level `operation` beside `spec` and `status`, `@deprecated` on a field
 * giving Go's `Deprecated:` paragraph, a list of a named string type (`ApplicationSourceType[]`,
 * whose items take the type's description), and lists without any `x-kubernetes-list-type`, as
 * Argo CD's Go types have no list markers.
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
  type Generated,
  type KnownDifference,
} from "./parity.js";

/** What the port covers: `true` keeps a property's whole schema, an object keeps only the properties it names. */
interface Subset {
  [property: string]: true | Subset;
}

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

/** The original CRD with its one version's schema cut to SUBSET. */
function originalSubset(): unknown {
  const crd = structuredClone(corpusCrd("argo-cd/argoproj.io_applications.yaml")) as {
    spec: { versions: { schema: { openAPIV3Schema: unknown } }[] };
  };
  for (const version of crd.spec.versions)
    version.schema.openAPIV3Schema = cut(version.schema.openAPIV3Schema, SUBSET);
  return crd;
}

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
  let generated: Generated;
  let expected: unknown;
  beforeAll(() => {
    generated = generateFixture("argocd-application");
    expected = originalSubset();
  });

  test("generates one CRD without a diagnostic", () => {
    expect(generated.result.diagnostics).toEqual([]);
    expect(generated.crd).toBeDefined();
  });

  test("the whole envelope and the subset equal Argo CD's, apart from the known differences", () => {
    const comparison = diffLeaves(flattenCrd(expected), flattenCrd(generated.crd));
    expect(comparison.differences).toEqual(KNOWN_DIFFERENCES.map(withoutReason));
    expect(comparison.paths).toBeGreaterThan(100);
  });

  test("the subset is a meaningful one: 60 to 120 schema leaves, and the whole envelope", () => {
    const leaves = [...flattenCrd(expected).keys()];
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
    const want = descriptions(expected, "v1alpha1");
    expect(want.size).toBeGreaterThan(60);
    expect(Object.fromEntries(descriptions(generated.crd, "v1alpha1"))).toEqual(Object.fromEntries(want));
  });
});
