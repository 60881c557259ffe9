/**
 * Parity with prometheus-operator's ServiceMonitor CRD
 * (corpus/crds/prometheus-operator/monitoring.coreos.com_servicemonitors.yaml, written by
 * controller-gen v0.21.0): fixtures/prometheus-servicemonitor/types.ts ports the whole CRD from its
 * Go types. What it covers that the other ports do not: Go's inline embedding as `extends` (the
 * proxy settings in an endpoint and in OAuth2, the safe TLS settings in the TLS config), a local
 * alias named like crdgen's own `Duration` that carries a pattern, corev1's SecretKeySelector and
 * ConfigMapKeySelector (`name` defaulting to "", atomic) from `@kubernetes/client-node`, a map of
 * lists of them tagged `@mapType atomic`, a `@listType set` of enum strings, a list-map with four
 * keys, `@default` on a property whose type is an alias of 22 literals, an optional `Quantity`,
 * and a CRD annotation of the project's own.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, words, type KnownDifference } from "./parity.js";

const NULLABLE_INT_OR_STRING =
  "crdgen makes an optional int-or-string nullable (README, TypeScript to schema; transforms/nullable-int-or-string.ts): " +
  "server-side apply sends null for an unset one, which the API server refuses without it (kube-rs #1885); " +
  "controller-gen writes no nullable, and no tag leaves it out";

const KNOWN_DIFFERENCES: KnownDifference[] = [
  { path: "v1:spec.endpoints[].targetPort#nullable", actual: "true", reason: NULLABLE_INT_OR_STRING },
  // Quantity is an int-or-string too.
  { path: "v1:spec.nativeHistogramMinBucketFactor#nullable", actual: "true", reason: NULLABLE_INT_OR_STRING },
];

/**
 * Descriptions crdgen takes from Kubernetes' OpenAPI data (metav1.LabelSelector,
 * corev1.SecretKeySelector's and ConfigMapKeySelector's `name`), which joins the Go doc comment's
 * lines where controller-gen keeps them: the same words, other line breaks.
 */
function fromKubernetes(at: string): boolean {
  return at.startsWith("spec.selector.") || at.endsWith(".name");
}

describe("prometheus-operator's ServiceMonitor, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "prometheus-servicemonitor",
    original: "prometheus-operator/monitoring.coreos.com_servicemonitors.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 350,
  });

  test("every description is controller-gen's, word for word", () => {
    const want = descriptions(expected(), "v1");
    const got = descriptions(generated().crd, "v1");
    expect(want.size).toBe(197);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    const joined: string[] = [];
    for (const [at, description] of want) {
      if (got.get(at) === description) continue;
      expect(words(got.get(at) ?? ""), at).toBe(words(description));
      joined.push(at);
    }
    expect(joined.every(fromKubernetes), joined.join("\n")).toBe(true);
    expect(joined).toHaveLength(23);
  });
});
