/**
 * Parity with cert-manager's Certificate CRD (corpus/crds/cert-manager/cert-manager.io_certificates.yaml,
 * written by controller-gen v0.21.0): fixtures/cert-manager-certificate/types.ts ports the whole CRD
 * from its Go types. What it covers that the other ports do not: printer columns with `priority`
 * and a JSONPath filter holding double quotes and spaces, a column with a description wrapped over
 * lines, three selectable fields, a root whose spec is optional, `metav1.Duration` fields, Go's `int`
 * beside `int32` and `int64`, string enums of 23 values with spaces and a slash (`s/mime`),
 * a condition type of the project's own in a list keyed by `type`, maps of strings, and
 * a doc comment whose lines start with `*` and `|` (a cron diagram).
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe, expect, test } from "vitest";
import { descriptions, portTests } from "./parity.js";

describe("cert-manager's Certificate, ported from its Go types", () => {
  const { generated, expected } = portTests({
    fixture: "cert-manager-certificate",
    original: "cert-manager/cert-manager.io_certificates.yaml",
    owner: "cert-manager's",
    differences: [],
    minPaths: 200,
  });

  test("every description is cert-manager's, word for word", () => {
    const want = descriptions(expected(), "v1");
    const got = descriptions(generated().crd, "v1");
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [at, description] of want) expect(got.get(at), at).toBe(description);
  });
});
