/**
 * Parity with KEDA's ScaledObject CRD (corpus/crds/keda/keda.sh_scaledobjects.yaml, written by
 * controller-gen v0.20.1): fixtures/keda-scaledobject/types.ts ports the whole CRD from its Go
 * types. What it covers that the examples do not: printer columns whose JSONPath filters a list
 * (`.status.conditions[?(@.type=="Ready")].status`), a Kubernetes type from
 * `@kubernetes/client-node` (autoscaling/v2's HorizontalPodAutoscalerBehavior, with its
 * quantity-shaped `tolerance`), maps of objects, a CEL rule on the spec, and a `Condition` of the
 * project's own that is not metav1.Condition.
 */
import { describe, expect, test } from "vitest";
import { descriptions, words, portTests } from "./parity.js";

const VERSION = "v1alpha1";

/**
 * The descriptions crdgen takes from its Kubernetes data for autoscaling/v2's
 * HorizontalPodAutoscalerBehavior: Kubernetes' OpenAPI text joins the Go doc comment's lines
 * (crdgen's source), controller-gen keeps them. Same words, other line breaks.
 */
const BEHAVIOR = "spec.advanced.horizontalPodAutoscalerConfig.behavior";
const JOINED_LINES = [
  BEHAVIOR,
  ...["scaleDown", "scaleUp"].flatMap((direction) =>
    [
      "",
      ".policies",
      ".policies[].periodSeconds",
      ".policies[].value",
      ".selectPolicy",
      ".stabilizationWindowSeconds",
      ".tolerance",
    ].map((field) => `${BEHAVIOR}.${direction}${field}`),
  ),
];

describe("KEDA's ScaledObject, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "keda-scaledobject",
    original: "keda/keda.sh_scaledobjects.yaml",
    owner: "controller-gen's",
    differences: [],
    minPaths: 160,
  });

  test("every description is controller-gen's, word for word", () => {
    const want = descriptions(expected(), VERSION);
    const got = descriptions(generated().crd, VERSION);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) {
      if (!JOINED_LINES.includes(at)) {
        expect(got.get(at), at).toBe(description);
        continue;
      }
      expect(words(got.get(at) ?? ""), at).toBe(words(description));
      // Listed only where the line breaks do differ.
      expect(got.get(at), at).not.toBe(description);
    }
  });
});
