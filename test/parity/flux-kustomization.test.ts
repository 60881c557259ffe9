/**
 * Parity with Flux's Kustomization CRD
 * (corpus/crds/flux-kustomize-controller/kustomize.toolkit.fluxcd.io_kustomizations.yaml, written by
 * controller-gen v0.21.0): fixtures/flux-kustomization/types.ts ports the whole CRD from its Go
 * types. What it covers that the other ports do not: an object `@default` on the status field
 * (`{"observedGeneration":-1}`), a duration format written once as a tagged alias of `Duration`
 * (`@pattern` on `type FluxDuration = Duration`) beside a plain `Duration`, crdgen's own
 * `Condition` (metav1.Condition) compared with controller-gen's, a CRD annotation whose key has a
 * dotted prefix, three categories, boolean `@default false`, an enum as the only value a required
 * field takes (`provider: "sops"`), and two CEL rules with one message on a type.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, words, type KnownDifference } from "./parity.js";

const KNOWN_DIFFERENCES: KnownDifference[] = [];

describe("Flux's Kustomization, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "flux-kustomization",
    original: "flux-kustomize-controller/kustomize.toolkit.fluxcd.io_kustomizations.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 150,
  });

  // crdgen's Condition takes its descriptions from Kubernetes' OpenAPI data, which joins the Go doc
  // comment's lines; controller-gen keeps them. The words are metav1.Condition's, field by field.
  test("crdgen's Condition is metav1.Condition as controller-gen describes it, word for word", () => {
    const want = [...descriptions(expected(), "v1")].filter(([at]) => at.startsWith("status.conditions"));
    const got = descriptions(generated().crd, "v1");
    expect(want.length).toBe(7);
    for (const [at, description] of want) expect(words(got.get(at) ?? ""), at).toBe(words(description));
  });
});
