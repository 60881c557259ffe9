/**
 * Parity with external-secrets' SecretStore CRD
 * (corpus/crds/external-secrets/external-secrets.io_secretstores.yaml, written by controller-gen
 * v0.19.0): fixtures/externalsecrets-secretstore/ ports the whole envelope and both versions, each
 * a root of its own file (v1.ts, v1beta1.ts) sharing common.ts, with a subset of the schema
 * (SUBSET below: three of the 43 providers). The original is cut to that subset, and the two CRDs
 * are then compared leaf by leaf by portTests (its `subset`). What it covers that the other
 * ports do not: a field whose type differs between versions (`refreshInterval`, an int-or-string
 * in v1 and an integer in v1beta1), a field in one version only (`fake.validationResult`), a
 * one-of-these object (`@minProperties 1 @maxProperties 1`) whose members are objects shared by
 * both versions, a map of integers, a named integer type whose description goes on the field, and
 * printer columns and short names declared alike on a served and an unserved version.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { flattenCrd } from "../controller-gen/crd-compare.js";
import { descriptions, portTests, words, type KnownDifference, type Subset } from "./parity.js";

const SUBSET: Subset = {
  apiVersion: true,
  kind: true,
  metadata: true,
  spec: {
    controller: true,
    provider: { fake: true, fortanix: true, onepassword: true },
    retrySettings: true,
    refreshInterval: true,
    conditions: true,
  },
  status: true,
};

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "v1:spec.refreshInterval#nullable",
    actual: "true",
    reason:
      "crdgen makes an optional int-or-string nullable (README, TypeScript to schema; transforms/nullable-int-or-string.ts): " +
      "server-side apply sends null for an unset one (kube-rs #1885); controller-gen writes no nullable, and no tag leaves it out",
  },
];

/**
 * Descriptions crdgen takes from Kubernetes' OpenAPI data (metav1.LabelSelector), which joins the
 * Go doc comment's lines: compared word for word.
 */
const FROM_KUBERNETES = /^spec\.conditions\[\]\.namespaceSelector\./;

describe("external-secrets' SecretStore, a subset ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "externalsecrets-secretstore",
    original: "external-secrets/external-secrets.io_secretstores.yaml",
    owner: "external-secrets'",
    differences: KNOWN_DIFFERENCES,
    minPaths: 150,
    subset: () => SUBSET,
  });

  test("the subset is a meaningful one: 60 to 120 schema leaves a version, and the whole envelope", () => {
    const leaves = [...flattenCrd(expected()).keys()];
    for (const version of ["v1", "v1beta1"]) {
      const schema = leaves.filter((path) => path.startsWith(`${version}:`));
      expect(schema.length, version).toBeGreaterThanOrEqual(60);
      expect(schema.length, version).toBeLessThanOrEqual(120);
    }
    expect(leaves).toEqual(
      expect.arrayContaining([
        "metadata.labels.external-secrets.io/component",
        "spec.names.shortNames",
        "spec.versions[v1beta1].deprecated",
        "spec.versions[v1beta1].additionalPrinterColumns",
      ]),
    );
  });

  test("every description of the subset is external-secrets' (Kubernetes' own types' word for word), in both versions", () => {
    for (const version of ["v1", "v1beta1"]) {
      const want = descriptions(expected(), version);
      expect(want.size, version).toBeGreaterThan(40);
      const got = descriptions(generated().crd, version);
      expect([...got.keys()].sort(), version).toEqual([...want.keys()].sort());
      const joined: string[] = [];
      for (const [at, description] of want) {
        if (got.get(at) === description) continue;
        expect(FROM_KUBERNETES.test(at), `${version}:${at}`).toBe(true);
        expect(words(got.get(at) ?? ""), `${version}:${at}`).toBe(words(description));
        joined.push(at);
      }
      expect(joined, version).toHaveLength(4);
    }
  });
});
