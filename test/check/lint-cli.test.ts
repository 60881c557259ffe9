/** The lint (CRD2010) as `crdgen check` reports it: warnings at the key, exit code unchanged. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";
import { check, crdYaml, tempDir } from "./harness.js";

const misfit = crdYaml((t) => t.replace("minimum: 1", "minimum: 1\n                  maxLength: 3"));

describe("crdgen check's lint", () => {
  it("has its own code", () => {
    expect(codes.crdLint).toBe("CRD2010");
  });

  it("warns at the keyword's line and column, with a hint, and exits 0", async () => {
    const run = await check(["crd.yaml", "--format", "json"], tempDir({ "crd.yaml": misfit }));
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(findings).toEqual([
      expect.objectContaining({
        line: 25,
        column: 19,
        endColumn: 28,
        severity: "warning",
        code: "CRD2010",
        type: "keyword-type",
        path: "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[size].maxLength",
        hint: "did you mean maximum?",
      }),
    ]);
  });

  it("says nothing of a CRD Kubernetes refuses, whose errors come first", async () => {
    const refused = misfit.replace("scope: Namespaced", "scope: namespaced");
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": refused }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("CRD2001");
    expect(run.stdout).not.toContain("CRD2010");
  });

  it("says nothing of a CRD that does what it says", async () => {
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": crdYaml() }));
    expect(run.stdout).toContain("0 errors, 0 warnings");
  });

  it("finds nothing in the CRDs crdgen generates (the examples' reviewed snapshots)", async () => {
    const snapshots = fileURLToPath(new URL("../../snapshots", import.meta.url));
    const run = await check([snapshots, "--format", "json"], tempDir({}));
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as { code: string }[];
    expect(findings.filter((f) => f.code === codes.crdLint)).toEqual([]);
    // The folder was read: two of its CRDs are too large for client-side apply (CRD2007).
    expect(findings.length).toBeGreaterThan(0);
  });
});
