/**
 * Parity with Tekton's Pipeline CRD (corpus/crds/tekton-pipeline/tekton.dev_pipelines.yaml, which
 * Tekton writes with a tool of its own and keeps by hand): fixtures/tekton-pipeline/ ports both
 * versions from their Go types, each in a file of its own re-exported by types.ts (as
 * `export * as v1 from "./v1.js"`). What it covers that the other ports do not: two versions of one
 * kind with different schemas (v1beta1's deprecated `resources` and `bundle`), a status subresource
 * on a root without a `status` property (Tekton enables it for `metadata.generation` alone), schemaless
 * preserve-unknown-fields values with no `type` (Go's custom-marshaled ParamValue, the embedded
 * `taskSpec`/`pipelineSpec`), `@listType atomic` on list aliases (`type Params = Param[]`), an
 * interface extending another as Go embeds one inline (`TaskRef extends ResolverRef`), properties
 * named as schema keywords (`properties`, `enum`, `default`, `type`, `description`), CRD labels,
 * and every description, word for word.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests, type KnownDifference } from "./parity.js";

const CONVERSION =
  "spec.conversion names a Service of Tekton's deployment: like controller-gen, crdgen has no tag for it (README, " +
  '"A conversion webhook (`spec.conversion`) has no tag"), and a patch adds it to the generated CRD';

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.preserveUnknownFields",
    expected: "false",
    reason:
      "Tekton writes apiextensions.k8s.io/v1's default, which the API server sets anyway (and v1 allows no other value)",
  },
  {
    path: "spec.versions(order)",
    expected: '["v1beta1","v1"]',
    actual: '["v1","v1beta1"]',
    reason:
      "crdgen orders versions as Kubernetes sorts them (README); the list's order means nothing to the API server, " +
      "which picks the stored version by `storage`",
  },
  { path: "spec.conversion.strategy", expected: '"Webhook"', reason: CONVERSION },
  {
    path: "spec.conversion.webhook.conversionReviewVersions",
    expected: '["v1beta1","v1"]',
    reason: CONVERSION,
  },
  {
    path: "spec.conversion.webhook.clientConfig.service.name",
    expected: '"tekton-pipelines-webhook"',
    reason: CONVERSION,
  },
  {
    path: "spec.conversion.webhook.clientConfig.service.namespace",
    expected: '"tekton-pipelines"',
    reason: CONVERSION,
  },
  {
    path: "spec.names.listKind",
    actual: '"PipelineList"',
    reason: "crdgen writes the list kind the API server would default (`<Kind>List`), as controller-gen does",
  },
];

describe("Tekton's Pipeline, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "tekton-pipeline",
    original: "tekton-pipeline/tekton.dev_pipelines.yaml",
    owner: "Tekton's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 350,
  });

  // Descriptions are left out of the leaf comparison; Tekton's are the doc comments as written (v1beta1's
  // cut to the field names), so the port's must be the same text, line breaks included.
  test.each(["v1", "v1beta1"])("every description of %s is Tekton's, exactly", (version) => {
    const want = descriptions(expected(), version);
    expect(want.size).toBeGreaterThan(100);
    expect(Object.fromEntries(descriptions(generated().crd, version))).toEqual(Object.fromEntries(want));
  });

  test("a status subresource without a status property, as Tekton enables it", () => {
    type Version = { subresources?: unknown; schema: { openAPIV3Schema: { properties: object } } };
    const crd = generated().crd as { spec: { versions: Version[] } };
    for (const version of crd.spec.versions) {
      expect(version.subresources).toEqual({ status: {} });
      expect(Object.keys(version.schema.openAPIV3Schema.properties)).toEqual([
        "apiVersion",
        "kind",
        "metadata",
        "spec",
      ]);
    }
  });
});
