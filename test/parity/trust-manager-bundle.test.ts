/**
 * Parity with trust-manager's Bundle CRD (corpus/crds/trust-manager/trust.cert-manager.io_bundles.yaml,
 * written by controller-gen v0.21.0): fixtures/trust-manager-bundle/types.ts ports the whole CRD
 * from its Go types. What it covers that the other ports do not: a cluster-scoped root without a
 * description, one-of groups on a list's items and on nested objects (`@exactlyOneOf`,
 * `@atLeastOneOf`), `@structType atomic` on a list item and on types reached through it,
 * metav1.LabelSelector from `@kubernetes/client-node` (atomic, in three places), `@minProperties`
 * on types that extend a tagged base (`JKS extends KeySelector`), a `@minLength 0` with
 * `@default ""`, `@minItems 0` on a list-map of `Condition`, and printer columns with
 * descriptions, names holding a space and a JSONPath holding quotes and spaces.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { validateInstance } from "../../src/validate/instance/index.js";
import { descriptions, portTests, words, type KnownDifference } from "./parity.js";

const VERSION = "v1alpha1";

/**
 * controller-gen v0.21.0 wrote its one-of markers as a list filtered and counted; the
 * controller-tools crdgen follows (../shared/anchors/controller-gen, testdata.kubebuilder.io_oneofs.yaml)
 * writes them as a sum of `?1:0` (exactly/at most one) and a disjunction of `has` (at least one),
 * with the same messages. The rules say the same thing: the test below checks it on instances.
 */
const ONE_OF_TEXT = "controller-tools' current text for the one-of marker; same meaning, same message";

const oneOf = (path: string, names: string[], exactly: boolean): KnownDifference => {
  const listed = `[${names.join(" ")}]`;
  const has = names.map((n) => `has(self.${n})`);
  return {
    path: `${VERSION}:${path}#x-kubernetes-validations[0]`,
    expected: JSON.stringify(
      exactly
        ? {
            message: `exactly one of the fields in ${listed} must be set`,
            rule: `[${has.join(",")}].filter(x,x==true).size() == 1`,
          }
        : {
            message: `at least one of the fields in ${listed} must be set`,
            rule: `[${has.join(",")}].filter(x,x==true).size() >= 1`,
          },
    ),
    actual: JSON.stringify(
      exactly
        ? {
            message: `exactly one of the fields in ${listed} must be set`,
            rule: `${has.map((h) => `(${h}?1:0)`).join("+")} == 1`,
          }
        : { message: `at least one of the fields in ${listed} must be set`, rule: has.join("||") },
    ),
    reason: ONE_OF_TEXT,
  };
};

const KNOWN_DIFFERENCES: KnownDifference[] = [
  oneOf("spec.sources[].configMap", ["name", "selector"], true),
  oneOf("spec.sources[].secret", ["name", "selector"], true),
  oneOf("spec.sources[]", ["configMap", "secret", "inLine", "useDefaultCAs"], true),
  oneOf("spec.target.additionalFormats", ["jks", "pkcs12"], false),
  oneOf("spec.target", ["configMap", "secret"], false),
];

/** Descriptions crdgen takes from Kubernetes' OpenAPI data, which joins the Go doc comment's lines. */
const JOINED_LINES =
  /^(spec\.sources\[\]\.(configMap|secret)\.selector|spec\.target\.namespaceSelector)\.match|^status\.conditions\[\]\./;

const bundle = (spec: unknown) => ({
  apiVersion: `trust.cert-manager.io/${VERSION}`,
  kind: "Bundle",
  metadata: { name: "b" },
  spec,
});
const target = { configMap: { key: "ca.crt" } };

describe("trust-manager's Bundle, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "trust-manager-bundle",
    original: "trust-manager/trust.cert-manager.io_bundles.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 170,
  });

  test("every description is controller-gen's (Kubernetes' own types' word for word)", () => {
    const want = descriptions(expected(), VERSION);
    const got = descriptions(generated().crd, VERSION);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) {
      if (JOINED_LINES.test(at)) expect(words(got.get(at) ?? ""), at).toBe(words(description));
      else expect(got.get(at), at).toBe(description);
    }
  });

  // [has(a),has(b)].filter(x,x==true).size() == 1 and (has(a)?1:0)+(has(b)?1:0) == 1 must accept
  // and refuse the same Bundles, with the same message at the same field.
  test.each([
    ["one inline source", { sources: [{ inLine: "pem" }], target }, true],
    ["a source of two kinds", { sources: [{ inLine: "pem", useDefaultCAs: true }], target }, false],
    ["a source of no kind", { sources: [{}], target }, false],
    ["a ConfigMap by name", { sources: [{ configMap: { name: "a", key: "k" } }], target }, true],
    ["a ConfigMap by selector", { sources: [{ configMap: { selector: {}, key: "k" } }], target }, true],
    ["a Secret by name and selector", { sources: [{ secret: { name: "a", selector: {} } }], target }, false],
    ["a ConfigMap by neither", { sources: [{ configMap: { key: "k" } }], target }, false],
    ["no target kind", { sources: [{ inLine: "pem" }], target: {} }, false],
    [
      "both target kinds",
      { sources: [{ inLine: "pem" }], target: { ...target, secret: { key: "s" } } },
      true,
    ],
    [
      "no additional format",
      { sources: [{ inLine: "pem" }], target: { ...target, additionalFormats: {} } },
      false,
    ],
    [
      "both additional formats",
      {
        sources: [{ inLine: "pem" }],
        target: { ...target, additionalFormats: { jks: { key: "a" }, pkcs12: { key: "b" } } },
      },
      true,
    ],
  ])("%s: the same verdict from both CRDs' rules", (_name, spec, valid) => {
    const verdict = (crd: unknown) =>
      validateInstance(crd as CustomResourceDefinition, bundle(spec)).errors.map((e) => [
        e.type,
        e.field,
        e.detail,
      ]);
    const original = verdict(expected());
    expect(original.length === 0).toBe(valid);
    expect(verdict(generated().crd)).toEqual(original);
  });
});
