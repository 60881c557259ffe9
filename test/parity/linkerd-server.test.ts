/**
 * Parity with Linkerd's Server CRD (corpus/crds/kopium/policy.linkerd.io_servers.yaml, from kube-rs'
 * kopium tests; Linkerd's Rust types, not controller-gen): fixtures/linkerd-server/types.ts ports both
 * versions. What it covers that the controller-gen ports do not: two versions from two roots in one
 * file, printer columns on one of them only, a label selector that is exactly one of two fields
 * (a TypeScript union of `?: never` members, Linkerd's `oneOf` of `required` stubs), an object of any
 * fields (`matchLabels`, `@preserveUnknownFields` on `Record<string, unknown>`), a required
 * int-or-string port, and a string `@default` inside an enum that holds `/`.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, type KnownDifference } from "./parity.js";

/** What differs in each version's schema: kube-rs conventions crdgen does not copy. */
function schemaDifferences(version: string): KnownDifference[] {
  const envelope =
    "crdgen, as controller-gen, lists apiVersion, kind and metadata at the root (README); Linkerd's schema does not, and the API server treats them the same either way";
  const intOrString =
    "crdgen's IntOrString is controller-gen's (and Kubernetes' OpenAPI) spelling, with an anyOf of integer and string; kube-rs writes x-kubernetes-int-or-string alone, which admits the same values";
  return [
    { path: `${version}:apiVersion#type`, actual: '"string"', reason: envelope },
    { path: `${version}:kind#type`, actual: '"string"', reason: envelope },
    { path: `${version}:metadata#type`, actual: '"object"', reason: envelope },
    { path: `${version}:spec.port#anyOf[0]#type`, actual: '"integer"', reason: intOrString },
    { path: `${version}:spec.port#anyOf[1]#type`, actual: '"string"', reason: intOrString },
  ];
}

describe("Linkerd's Server, ported from its Rust types", () => {
  const { generated, expected } = portTests({
    fixture: "linkerd-server",
    original: "kopium/policy.linkerd.io_servers.yaml",
    owner: "Linkerd's",
    differences: [
      {
        path: "spec.conversion.strategy",
        expected: '"None"',
        reason:
          "Linkerd writes the API server's default; crdgen, as controller-gen, leaves `conversion` out (no tag sets a webhook: README)",
      },
      {
        path: "spec.versions(order)",
        expected: '["v1alpha1","v1beta1"]',
        actual: '["v1beta1","v1alpha1"]',
        reason:
          "crdgen orders versions as Kubernetes sorts them (README), whatever order the roots are declared in; the order means nothing to the API server",
      },
      ...schemaDifferences("v1beta1"),
      ...schemaDifferences("v1alpha1"),
    ],
    minPaths: 70,
  });

  test("every description is Linkerd's, word for word, in both versions", () => {
    for (const version of ["v1alpha1", "v1beta1"]) {
      const want = descriptions(expected(), version);
      const got = descriptions(generated().crd, version);
      // crdgen describes the envelope it adds (apiVersion, kind), as controller-gen does.
      expect([...got.keys()].sort()).toEqual([...want.keys(), "apiVersion", "kind"].sort());
      for (const [at, description] of want) expect(got.get(at), `${version} ${at}`).toBe(description);
    }
  });
});
