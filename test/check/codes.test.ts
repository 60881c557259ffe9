/** The codes `crdgen check` prints come from the project's single registry of diagnostic codes. */
import { describe, expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";
import { check, crdYaml, tempDir } from "./harness.js";

describe("diagnostic codes of crdgen check", () => {
  it("are registered once each, with their published numbers", () => {
    const values = Object.values(codes);
    expect(new Set(values).size).toBe(values.length);
    expect(codes).toMatchObject({
      invalidCrd: "CRD2001",
      yaml11Ambiguity: "CRD2002",
      invalidInstance: "CRD2003",
      instanceWarning: "CRD2004",
      noMatchingCrd: "CRD2005",
      yamlSyntax: "CRD2006",
      tooLargeForClientSideApply: "CRD2007",
      tooLargeToStore: "CRD2008",
      fileNotFound: "CRD4001",
    });
  });

  it("are the ones findings carry", async () => {
    const instance =
      "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 0\n  extra: 1\n";
    const unknown = "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n";
    const dir = tempDir({
      "crd.yaml": crdYaml(),
      "w.yaml": instance,
      "g.yaml": unknown,
      "bad.yaml": "a: [\n",
    });
    const run = await check(["crd.yaml", "bad.yaml", "--instances", "w.yaml", "--instances", "g.yaml"], dir);
    const found = [...run.stdout.matchAll(/ - (?:error|warning) (CRD\d{4}):/g)].map((m) => m[1]).sort();
    expect(found).toEqual(
      [codes.invalidInstance, codes.instanceWarning, codes.noMatchingCrd, codes.yamlSyntax].sort(),
    );
  });
});
