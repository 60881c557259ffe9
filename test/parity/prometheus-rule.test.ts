/**
 * Parity with prometheus-operator's PrometheusRule CRD
 * (corpus/crds/prometheus-operator/monitoring.coreos.com_prometheusrules.yaml, written by
 * controller-gen v0.21.0): fixtures/prometheus-rule/types.ts ports the whole CRD from its Go types.
 * What it covers that the other ports do not: snake_case field names (`query_offset`,
 * `partial_response_strategy`, `keep_firing_for`), a field named `for` (a TypeScript keyword), a
 * required int-or-string (`expr`, no `nullable`), a case-insensitive RE2 pattern (`(?i)`), a
 * tagged alias of a tagged alias (`NonEmptyDuration`: its `@minLength` with `Duration`'s
 * `@pattern`), a list-map keyed by four fields, and single-literal string fields as one-value enums.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, type KnownDifference } from "./parity.js";

const KNOWN_DIFFERENCES: KnownDifference[] = [];

describe("prometheus-operator's PrometheusRule, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "prometheus-rule",
    original: "prometheus-operator/monitoring.coreos.com_prometheusrules.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 80,
  });

  test("every description is controller-gen's, exactly", () => {
    const want = descriptions(expected(), "v1");
    expect(want.size).toBeGreaterThan(30);
    expect(Object.fromEntries(descriptions(generated().crd, "v1"))).toEqual(Object.fromEntries(want));
  });
});
