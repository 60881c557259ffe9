/**
 * Real-world CRDs (../shared/corpus): all 215 that API servers accept must give no errors (and
 * stay as they were: the decoder keeps the input's unchanged schema nodes instead of copying
 * them); the one in nonstructural/ must fail with exactly the four structural errors
 * SOURCES.md names.
 */
import { describe, expect, it } from "vitest";
import { formatFieldError } from "../../src/validate/format.js";
import { validateCrd } from "../../src/validate/index.js";
import { jsonClone } from "../../src/validate/json.js";
import { corpusCrds } from "./corpus.js";

describe("corpus/crds: accepted by Kubernetes, so no errors", () => {
  const crds = corpusCrds("crds");
  it("has all 215 CRDs", () => expect(crds.length).toBe(215));
  for (const { file, crd } of crds) {
    it(file, () => {
      const before = jsonClone(crd);
      expect(validateCrd(crd).map(formatFieldError)).toEqual([]);
      expect(crd).toEqual(before);
    });
  }
});

describe("corpus/nonstructural: the four structural errors", () => {
  it("argoproj.io_clusterworkflowtemplates.yaml", () => {
    const [only] = corpusCrds("nonstructural");
    expect(only?.file).toBe("nonstructural/kopium/argoproj.io_clusterworkflowtemplates.yaml");
    const errs = validateCrd(only?.crd);
    const base = "spec.validation.openAPIV3Schema.properties[spec]";
    expect(errs.map((e) => [e.type, e.field, e.detail]).sort()).toEqual(
      [
        [
          "FieldValueRequired",
          `${base}.properties[templateDefaults].properties[dag].properties[tasks].items.properties[inline].type`,
          "must not be empty for specified object fields",
        ],
        [
          "FieldValueRequired",
          `${base}.properties[templateDefaults].properties[steps].items.items`,
          "must be specified",
        ],
        [
          "FieldValueRequired",
          `${base}.properties[templates].items.properties[dag].properties[tasks].items.properties[inline].type`,
          "must not be empty for specified object fields",
        ],
        [
          "FieldValueRequired",
          `${base}.properties[templates].items.properties[steps].items.items`,
          "must be specified",
        ],
      ].sort(),
    );
  });
});
