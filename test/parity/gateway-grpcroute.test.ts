/**
 * Parity with Gateway API's GRPCRoute CRD (corpus/crds/gateway-api/gateway.networking.k8s.io_grpcroutes.yaml,
 * experimental channel): fixtures/gateway-grpcroute/types.ts ports the whole CRD (one version, v1)
 * from the Go types, importing the types GRPCRoute shares with HTTPRoute from the HTTPRoute port,
 * as grpcroute_types.go uses them from its package (whose two `@crd` roots, HTTPRoute v1 and
 * v1beta1, an import does not make CRDs of: crdgen warns of each, CRD1021, as it should). What it covers that the HTTPRoute port does not: CEL rules matching with raw strings
 * that hold `\.` (`r"""^(?i)\.?[a-z_]..."""`), written over two comment lines with the message
 * below the rule, a rule over list items guarded by `has(self[0].matches)`, a filter type enum in
 * another order than HTTPRoute's, a header match whose value has no pattern, list-map keys on
 * match headers, and a root whose spec is required.
 *
 * Whatever differs is listed with its reason and asserted exactly: nothing does.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, words } from "./parity.js";

/**
 * Descriptions the fixture ports word for word (those of the types imported from the HTTPRoute
 * port are cut there, or left out). They exercise doc-comment reading: fenced blocks indented
 * by two spaces, lists of `-` and `*` with continued lines, two spaces between sentences.
 */
const VERBATIM = [
  "(root)",
  "spec",
  "spec.rules",
  "spec.rules[]",
  "spec.rules[].backendRefs",
  "spec.rules[].backendRefs[]",
  "spec.rules[].backendRefs[].filters",
  "spec.rules[].filters",
  "spec.rules[].filters[]",
  "spec.rules[].filters[].type",
  "spec.rules[].matches",
  "spec.rules[].matches[]",
  "spec.rules[].matches[].headers",
  "spec.rules[].matches[].headers[]",
  "spec.rules[].matches[].headers[].type",
  "spec.rules[].matches[].headers[].value",
  "spec.rules[].matches[].method",
  "spec.rules[].matches[].method.method",
  "spec.rules[].matches[].method.service",
  "spec.rules[].matches[].method.type",
  "status",
  "status.parents[].controllerName",
];

/** metav1.Condition's fields: Kubernetes' OpenAPI data joins the Go doc comment's lines. */
const CONDITION_FIELDS = ["lastTransitionTime", "message", "observedGeneration", "reason"].map(
  (field) => `status.parents[].conditions[].${field}`,
);

describe("Gateway API's GRPCRoute, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "gateway-grpcroute",
    original: "gateway-api/gateway.networking.k8s.io_grpcroutes.yaml",
    owner: "Gateway API's",
    differences: [],
    minPaths: 500,
    warnings: ["CRD1021", "CRD1021"],
  });

  test("the descriptions ported word for word are Gateway API's", () => {
    const want = descriptions(expected(), "v1");
    const got = descriptions(generated().crd, "v1");
    for (const at of VERBATIM) {
      expect(want.get(at), at).toBeDefined();
      expect(got.get(at), at).toBe(want.get(at));
    }
    for (const at of CONDITION_FIELDS) expect(words(got.get(at) ?? ""), at).toBe(words(want.get(at) ?? "-"));
  });
});
