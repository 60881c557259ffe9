/**
 * Parity with Istio's AuthorizationPolicy CRD (corpus/crds/istio/security.istio.io_authorizationpolicies.yaml,
 * written by Istio's protoc-gen-crd from protobuf, not by controller-gen):
 * fixtures/istio-authorizationpolicy/ ports both versions, each a root of its own file with one
 * type name (v1.ts, v1beta1.ts), re-exported by types.ts as namespaces. What it covers that the
 * other ports do not: versions with one schema and only the storage flag apart, a root with no
 * description, a status that keeps unknown fields beside its properties
 * (`x-kubernetes-preserve-unknown-fields` with `properties`), protobuf's int64 as int-or-string,
 * CEL rules on a map's keys (`self.all(key, ...)`) and on its values through a tagged alias, a
 * rule wrapped over two lines, CRD labels and a Helm annotation, and printer columns with long
 * descriptions.
 *
 * Whatever differs is listed with its reason and asserted exactly: a new difference fails with its
 * path, and a fixed one fails until it is removed from the list.
 */
import { describe, expect, test } from "vitest";
import { istioRootDifferences, istioStatusDifferences } from "./istio.js";
import { descriptions, portTests, type KnownDifference } from "./parity.js";

const VERSIONS = ["v1", "v1beta1"];

const KNOWN_DIFFERENCES: KnownDifference[] = [
  ...VERSIONS.flatMap((v): KnownDifference[] => [
    {
      path: `${v}:spec#oneOf[0]#not#anyOf[0]#required[provider]`,
      expected: "true",
      reason:
        "protoc-gen-crd writes each protobuf oneof as `oneOf: [{not: {anyOf: stubs}}, ...stubs]` (none or one); for " +
        "the oneof of one field (`action_detail { provider }`) it constrains nothing: a field is set or not. The " +
        "TypeScript port, `provider?: ExtensionProvider`, says the same. crdgen writes no such oneOf even for a group of " +
        "two (`{ a?: never; b?: never } | { a: A; b?: never } | ...` loses the group): see the report",
    },
    { path: `${v}:spec#oneOf[1]#required[provider]`, expected: "true", reason: "as oneOf[0]" },
  ]),
  ...VERSIONS.flatMap((v) => [...istioRootDifferences(v), ...istioStatusDifferences(v)]),
];

describe("Istio's AuthorizationPolicy, ported from its protobuf API", () => {
  const { generated, expected } = portTests({
    fixture: "istio-authorizationpolicy",
    original: "istio/security.istio.io_authorizationpolicies.yaml",
    owner: "Istio's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 300,
  });

  test.each(VERSIONS)("%s: every description is Istio's, word for word", (version) => {
    const want = descriptions(expected(), version);
    const got = descriptions(generated().crd, version);
    // crdgen's apiVersion and kind carry Kubernetes' descriptions; Istio's root has neither.
    expect([...got.keys()].filter((at) => !want.has(at)).sort()).toEqual(["apiVersion", "kind"]);
    for (const [at, description] of want) expect(got.get(at), at).toBe(description);
  });
});
