/**
 * Parity with Velero's Backup CRD (corpus/crds/velero/velero.io_backups.yaml, written by
 * controller-gen v0.16.5): fixtures/velero-backup/types.ts ports the whole CRD from its Go types.
 * What it covers that the other ports do not: a root with neither printer columns nor
 * subresources whose spec is optional, Go's `+nullable` on lists, maps, booleans, objects and
 * `*metav1.Time` (`T | null`), nullable metav1.LabelSelector from `@kubernetes/client-node`
 * alone and as list items, corev1.TypedLocalObjectReference, Go's `int` (`integer`, no format),
 * `metav1.Duration` fields, a string `enum` of thirteen phases, a spec property named `metadata`,
 * and hooks nested three lists deep with a required item field and `@minItems 1`.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, words } from "./parity.js";

/** Descriptions crdgen takes from Kubernetes' OpenAPI data, which joins the Go doc comment's lines. */
const JOINED_LINES =
  /^spec\.(hooks\.resources\[\]\.labelSelector\.|labelSelector\.|orLabelSelectors\[\]|resourcePolicy\.apiGroup$)/;

describe("Velero's Backup, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "velero-backup",
    original: "velero/velero.io_backups.yaml",
    owner: "controller-gen's",
    differences: [],
    minPaths: 190,
  });

  test("every description is controller-gen's (Kubernetes' own types' word for word)", () => {
    const want = descriptions(expected(), "v1");
    const got = descriptions(generated().crd, "v1");
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) {
      if (JOINED_LINES.test(at)) expect(words(got.get(at) ?? ""), at).toBe(words(description));
      else expect(got.get(at), at).toBe(description);
    }
  });
});
