/**
 * Parity with Istio's VirtualService CRD (corpus/crds/istio/networking.istio.io_virtualservices.yaml,
 * written by Istio's protoc-gen-crd from protobuf): fixtures/istio-virtualservice/ ports the whole
 * envelope of its three versions and a subset of the schema (SUBSET below). The original is cut to
 * that subset, and the two CRDs are then compared leaf by leaf by portTests (its `subset`). What it
 * covers that the other ports do not: three versions of one schema, a protobuf oneof whose
 * members are plain fields (`StringMatch`) used alone and as the values of maps, oneofs beside
 * common fields (a redirect's port, a fault's delay and abort), `bytes` as `format: byte`, uint32
 * bounds, `double` numbers, and durations carrying a CEL rule from a tagged alias.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { flattenCrd } from "../controller-gen/crd-compare.js";
import { descriptions, portTests, type KnownDifference, type Subset } from "./parity.js";

const SUBSET: Subset = {
  spec: {
    hosts: true,
    gateways: true,
    exportTo: true,
    http: {
      name: true,
      match: {
        name: true,
        uri: true,
        headers: true,
        queryParams: true,
        ignoreUriCase: true,
        port: true,
        sourceLabels: true,
      },
      route: true,
      redirect: true,
      directResponse: true,
      timeout: true,
      retries: true,
      fault: true,
      mirrorPercent: true,
      mirror_percent: true,
    },
  },
  status: true,
};
const VERSIONS = ["v1", "v1alpha3", "v1beta1"];

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.versions(order)",
    expected: '["v1","v1alpha3","v1beta1"]',
    actual: '["v1","v1beta1","v1alpha3"]',
    reason:
      "crdgen lists versions by Kubernetes' version priority (src/emit/versions.ts), protoc-gen-crd as the proto " +
      "options list them; the API server orders versions by priority itself, and no tag chooses the order",
  },
  ...["v1", "v1beta1", "v1alpha3"].flatMap((v): KnownDifference[] => [
    {
      path: `${v}:apiVersion#type`,
      actual: '"string"',
      reason:
        "crdgen adds apiVersion, kind and metadata to every root schema, as controller-gen does; protoc-gen-crd " +
        "leaves them out (the API server validates them anyway), and no tag leaves them out",
    },
    { path: `${v}:kind#type`, actual: '"string"', reason: "as apiVersion" },
    { path: `${v}:metadata#type`, actual: '"object"', reason: "as apiVersion" },
    {
      path: `${v}:status.conditions[].observedGeneration#nullable`,
      actual: "true",
      reason:
        "crdgen makes every optional int-or-string property nullable on purpose (transforms/nullable-int-or-string.ts, " +
        "kube-rs #1885); no tag turns that off",
    },
    {
      path: `${v}:status.observedGeneration#nullable`,
      actual: "true",
      reason: "as conditions[].observedGeneration",
    },
  ]),
];

describe("Istio's VirtualService, a subset ported from its protobuf API", () => {
  const { generated, expected } = portTests({
    fixture: "istio-virtualservice",
    original: "istio/networking.istio.io_virtualservices.yaml",
    owner: "Istio's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 500,
    subset: () => SUBSET,
  });

  test.each(VERSIONS)("%s: the subset is a meaningful one, 100 to 200 schema leaves", (version) => {
    const leaves = [...flattenCrd(expected()).keys()].filter((path) => path.startsWith(`${version}:`));
    expect(leaves.length).toBeGreaterThanOrEqual(100);
    expect(leaves.length).toBeLessThanOrEqual(200);
  });

  test.each(VERSIONS)("%s: every description of the subset is Istio's, exactly", (version) => {
    const want = descriptions(expected(), version);
    const got = descriptions(generated().crd, version);
    // crdgen's apiVersion and kind carry Kubernetes' descriptions; Istio's root has neither.
    expect([...got.keys()].filter((at) => !want.has(at)).sort()).toEqual(["apiVersion", "kind"]);
    for (const [at, description] of want) expect(got.get(at), at).toBe(description);
  });
});
