/**
 * Parity with Gateway API's HTTPRoute CRD (corpus/crds/gateway-api/gateway.networking.k8s.io_httproutes.yaml,
 * experimental channel): fixtures/gateway-httproute/types.ts ports every field of both versions
 * (v1, stored, and v1beta1, the same schema) from the Go types. What it covers that the examples
 * do not: 60-odd CEL rules with messages (one with a CEL raw string `r"""..."""` holding both
 * quote kinds, and `__namespace__`, CEL's escape of a reserved word), list-map keys and sets of
 * strings and integers, defaults that are objects and lists of objects on nested lists, an integer
 * enum with a default (`statusCode`), maxItems everywhere, patterns with every ASCII punctuation
 * sign (`\x60`), tags on type aliases reused across the tree (a list alias carrying its own CEL
 * rules), metav1.Condition in a list keyed by `type`, and CRD annotations and categories.
 *
 * Whatever differs is listed with its reason and asserted exactly: a new difference fails with its
 * path, and a fixed one fails until it is removed from the list.
 */
import { describe, expect, test } from "vitest";
import { descriptions, words, portTests, type KnownDifference } from "./parity.js";

const VERSIONS = ["v1", "v1beta1"];

/**
 * In Go, HTTPBackendRef embeds BackendRef, which embeds BackendObjectReference, whose type carries
 * an XValidation rule ("Must have port for Service reference"); controller-gen writes the rule
 * on `backendRefs[]` too. The TypeScript is `interface HTTPBackendRef extends BackendRef` (and
 * `BackendRef extends BackendObjectReference`): the base's type-level tags are inherited
 * (read/inherited-tags.ts), so nothing differs.
 */
const KNOWN_DIFFERENCES: KnownDifference[] = [];

/**
 * Descriptions the fixture ports word for word (the others are cut to their first sentence, or
 * left out, to keep the fixture readable). They exercise doc-comment reading: blank lines and
 * double blank lines, lists indented by one space, a fenced block whose lines start with tabs.
 */
const VERBATIM = [
  "(root)",
  "apiVersion",
  "kind",
  "spec",
  "spec.parentRefs[]",
  "spec.parentRefs[].group",
  "spec.parentRefs[].kind",
  "spec.parentRefs[].namespace",
  "spec.parentRefs[].name",
  "spec.hostnames[]",
  "spec.rules",
  "spec.rules[]",
  "spec.rules[].matches[]",
  "spec.rules[].matches[].path",
  "spec.rules[].matches[].path.type",
  "spec.rules[].matches[].path.value",
  "spec.rules[].matches[].headers",
  "spec.rules[].matches[].headers[]",
  "spec.rules[].matches[].headers[].value",
  "spec.rules[].matches[].queryParams[]",
  "spec.rules[].matches[].queryParams[].value",
  "spec.rules[].matches[].method",
  "spec.rules[].filters[].requestHeaderModifier.set[]",
  "spec.rules[].backendRefs[].filters[].responseHeaderModifier.add[]",
  "spec.rules[].backendRefs[]",
  "spec.rules[].backendRefs[].filters",
  "spec.rules[].retry.codes",
  "spec.rules[].retry.codes[]",
  "spec.rules[].sessionPersistence.cookie.path",
  "status",
  "status.parents[]",
  "status.parents[].parentRef.namespace",
  "status.parents[].controllerName",
  "status.parents[].conditions[]",
  "status.parents[].conditions[].status",
  "status.parents[].conditions[].type",
];

/**
 * metav1.Condition's field descriptions: crdgen's `Condition` takes them from Kubernetes' OpenAPI
 * data, which joins the Go doc comment's lines; controller-gen keeps the line breaks.
 */
const CONDITION_FIELDS = ["lastTransitionTime", "message", "observedGeneration", "reason"].map(
  (field) => `status.parents[].conditions[].${field}`,
);

describe("Gateway API's HTTPRoute, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "gateway-httproute",
    original: "gateway-api/gateway.networking.k8s.io_httproutes.yaml",
    owner: "Gateway API's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 1600,
  });

  test.each(VERSIONS)("%s: the descriptions ported word for word are Gateway API's", (version) => {
    const want = descriptions(expected(), version);
    const got = descriptions(generated().crd, version);
    for (const at of VERBATIM) {
      expect(want.get(at), at).toBeDefined();
      expect(got.get(at), at).toBe(want.get(at));
    }
    for (const at of CONDITION_FIELDS) {
      expect(words(got.get(at) ?? ""), at).toBe(words(want.get(at) ?? "-"));
      expect(got.get(at), at).not.toBe(want.get(at));
    }
  });
});
