/**
 * Parity with Kyverno's ClusterPolicy CRD (corpus/crds/kyverno/kyverno.io_clusterpolicies.yaml,
 * written by controller-gen): fixtures/kyverno-clusterpolicy/ ports the whole envelope and part of
 * each version's schema (SUBSET) from its Go types, its two versions each a root of its own file
 * around the types they share. What it covers that the other ports do not: a cluster-scoped CRD
 * with ten printer columns (names with spaces, `priority=1`, JSONPath filters with spaces and
 * quotes), apiextensions.JSON values (`@schemaless @preserveUnknownFields` on `unknown`) as a
 * whole field in one version and as list items' fields in the other, a map of lists of objects
 * (`Record<string, ImageExtractorConfig[]>`), an exactly-one-of union of five sources beside a
 * common required `name` (controller-gen's `oneOf` of required stubs), Go `int` as crdgen's
 * `integer` under printer columns of `type=integer`, and a four-value enum with a default.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe } from "vitest";
import { portTests, type KnownDifference, type Subset } from "./parity.js";

const SUBSET: Subset = {
  apiVersion: true,
  kind: true,
  metadata: true,
  spec: {
    admission: true,
    applyRules: true,
    background: true,
    emitWarning: true,
    failurePolicy: true,
    generateExisting: true,
    generateExistingOnPolicyUpdate: true,
    mutateExistingOnPolicyUpdate: true,
    schemaValidation: true,
    useServerSideApply: true,
    validationFailureAction: true,
    validationFailureActionOverrides: true,
    webhookConfiguration: true,
    webhookTimeoutSeconds: true,
    rules: {
      name: true,
      context: true,
      preconditions: true,
      celPreconditions: true,
      imageExtractors: true,
      reportProperties: true,
      skipBackgroundRequests: true,
    },
  },
  status: { conditions: true, ready: true, rulecount: true, validatingadmissionpolicy: true },
};

const KNOWN_DIFFERENCES: KnownDifference[] = [];

describe("Kyverno's ClusterPolicy, ported in part from its Go types", () => {
  portTests({
    fixture: "kyverno-clusterpolicy",
    original: "kyverno/kyverno.io_clusterpolicies.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 250,
    subset: () => SUBSET,
    subsetLeaves: { versions: ["v1", "v2beta1"], min: 100, max: 200 },
  });
});
