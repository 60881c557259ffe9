/**
 * Parity with Strimzi's KafkaTopic CRD (corpus/crds/strimzi/kafka.strimzi.io_kafkatopics.yaml, written
 * by Strimzi's own Java crd-generator, not controller-gen): fixtures/strimzi-kafkatopic/types.ts ports
 * the whole CRD from its Java model. What it covers that the controller-gen ports do not: a root with
 * no description, CRD labels (one of them the string "true"), a category, a printer column whose name
 * has a space, one whose path escapes a dot in a label key (`strimzi\.io/cluster`) and one with a
 * JSONPath filter in single quotes, and a `Map<String, Object>` kept as an object of any fields
 * (`@preserveUnknownFields` on `Record<string, unknown>`).
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests } from "./parity.js";

describe("Strimzi's KafkaTopic, ported from its Java model", () => {
  const { generated, expected } = portTests({
    fixture: "strimzi-kafkatopic",
    original: "strimzi/kafka.strimzi.io_kafkatopics.yaml",
    owner: "Strimzi's",
    differences: [
      {
        path: "spec.conversion.strategy",
        expected: '"None"',
        reason:
          "Strimzi writes the API server's default; crdgen, as controller-gen, leaves `conversion` out (no tag sets a webhook: README)",
      },
    ],
    minPaths: 50,
  });

  test("every description is Strimzi's, word for word", () => {
    const want = descriptions(expected(), "v1");
    const got = descriptions(generated().crd, "v1");
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    // apiVersion and kind: Kubernetes' ObjectMeta doc, which crdgen breaks into lines as Go's comment does.
    for (const [at, description] of want)
      if (at !== "apiVersion" && at !== "kind") expect(got.get(at), at).toBe(description);
  });
});
