/**
 * Kubernetes 1.26.15 conformance (../shared/anchors/k8s-validation): the older upstream tables
 * and the oracle samples, run against our 1.36 validator. Cases whose verdict changed in 1.36
 * are listed in CHANGED_IN_136 with the reason.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kubectlValues } from "../../src/yaml/kubectl-values.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { validateCrd, validateSchema } from "../../src/validate/index.js";
import type { ValidationOptions } from "../../src/validate/options.js";
import {
  ANCHORS_126,
  celAvailable,
  loadCases,
  mismatches,
  parsePrinted,
  type AnchorCase,
} from "./anchors.js";

const HAS_CEL = celAvailable();

/** 1.26 cases whose expectation no longer holds in 1.36. */
const CHANGED_IN_136: Record<string, string> = {
  // 1.36 runs it (renamed "... keywords are invalid field names before v1.30") pinned to CEL 1.30;
  // with the default 1.35 environment CEL keywords are valid field names, so the 1.26 errors no longer occur.
  "schema/0063-invalid-x-kubernetes-validations-for-escaping.yaml":
    "CEL keywords became valid field names in the v1.30 CEL environment",
};

/** Cases that need CEL (compiling rules, or evaluating them on defaults); skipped until src/validate/cel is real. */
const CEL_DEPENDENT = new Set<string>([
  "schema/0065-invalid-default-with-x-kubernetes-validations.yaml",
  "schema/0057-invalid-rule-in-x-kubernetes-validations.yaml",
  "schema/0069-forbid-transition-rule-on-element-of-list-of-type-atomic.yaml",
  "schema/0070-forbid-transition-rule-on-element-of-list-defaulting-to-type-atomic.yaml",
  "schema/0073-forbid-transition-rule-on-element-of-list-of-type-set.yaml",
  "schema/0078-forbid-transition-rule-on-element-of-map-of-unrecognized-type.yaml",
  "schema/0084-forbid-double-nested-rule-with-no-limit-set.yaml",
  "schema/0085-forbid-double-nested-rule-with-one-limit-set.yaml",
  "schema/0089-forbid-validation-rules-where-cost-total-exceeds-total-limit.yaml",
  "schema/0092-do-not-skip-when-openapiv3-schema-is-an-invalid-structural-schema-in-a-separate-.yaml",
  "schema/0093-do-not-skip-cel-expression-validation-when-openapiv3-schema-is-an-invalid-struct.yaml",
  "schema/0094-x-kubernetes-validations-rule-validated-for-escaped-property-name.yaml",
  "schema/0095-x-kubernetes-validations-rule-validated-under-array-items.yaml",
  "schema/0096-x-kubernetes-validations-rule-validated-under-array-items-parent-has-rule.yaml",
  "schema/0097-x-kubernetes-validations-rule-validated-under-additionalproperties.yaml",
  "schema/0098-x-kubernetes-validations-rule-validated-under-additionalproperties-parent-has-ru.yaml",
  "schema/0099-x-kubernetes-validations-rule-validated-under-unescaped-property-name.yaml",
  "schema/0100-x-kubernetes-validations-rule-validated-under-unescaped-property-name-parent-has.yaml",
  "schema/0101-x-kubernetes-validations-rule-validated-under-escaped-property-name.yaml",
  "schema/0102-x-kubernetes-validations-rule-validated-under-escaped-property-name-parent-has-r.yaml",
  "schema/0103-x-kubernetes-validations-rule-validated-under-unescapable-property-name.yaml",
  "schema/0104-x-kubernetes-validations-rule-validated-under-unescapable-property-name-parent-h.yaml",
]);

function verdictAndErrors(c: AnchorCase, errs: ReturnType<typeof validateCrd>): string[] {
  return [
    ...(c.valid === (errs.length === 0) ? [] : [`verdict: expected valid=${c.valid}`]),
    ...mismatches(c.expected_errors ?? [], errs),
  ];
}

function runTable(folder: string, check: (c: AnchorCase) => string[]) {
  const cases = loadCases(`${ANCHORS_126}${folder}/`);
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    const id = `${folder}/${c.file}`;
    if (CHANGED_IN_136[id]) continue;
    const skip = CEL_DEPENDENT.has(id) && !HAS_CEL;
    (skip ? it.skip : it)(`${c.file.slice(0, 4)} ${c.name}`, () => expect(check(c)).toEqual([]));
  }
}

describe("k8s 1.26 create", () =>
  runTable("create", (c) => {
    const errs = validateCrd(c.crd_v1);
    if (c.oracle_v1_roundtrip_matches_internal === false)
      return mismatches((c.oracle_v1_roundtrip_errors ?? []).map(parsePrinted), errs);
    return verdictAndErrors(c, errs);
  }));

describe("k8s 1.26 schema", () =>
  runTable("schema", (c) =>
    verdictAndErrors(
      c,
      validateSchema(
        c.openAPIV3Schema,
        (c.options ?? {}) as Partial<ValidationOptions>,
        "spec.validation.openAPIV3Schema",
        {
          statusSubresourceEnabled: c.status_subresource_enabled === true,
        },
      ),
    ),
  ));

describe("k8s 1.26 oracle samples (hand-written v1 CRDs)", () => {
  const dir = `${ANCHORS_126}oracle-samples/`;
  const expected = readFileSync(`${dir}EXPECTED-oracle-output.txt`, "utf8");
  const blocks = [
    ...expected.matchAll(/^oracle-samples\/(\S+): (VALID|INVALID)[^\n]*\n((?: {2}- [^\n]*\n?)*)/gm),
  ];
  it("has samples", () => expect(blocks.length).toBeGreaterThan(0));
  for (const [, file, verdict, body] of blocks) {
    it(`${file}`, () => {
      // The oracle read these files with kubectl, i.e. as YAML 1.1 (an unquoted key `y` is `true`).
      const path = `${dir}${file}`;
      const errs = kubectlValues(parseYamlDocuments(readFileSync(path, "utf8"), path)).flatMap((d) =>
        validateCrd(d),
      );
      const printed = (body ?? "")
        .split("\n")
        .filter((l) => l.startsWith("  - ") && !l.includes("STRICT-DECODE"))
        .map((l) => parsePrinted(l.slice(4)));
      expect(errs.length === 0).toBe(verdict === "VALID");
      expect(
        mismatches(
          printed,
          errs.filter((e) => !e.detail.startsWith("strict decoding error")),
        ),
      ).toEqual([]);
    });
  }
});
