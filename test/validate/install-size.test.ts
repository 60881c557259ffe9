/** installSizeProblems: one count of the JSON answers both size limits on installing a CRD. */
import { describe, expect, it } from "vitest";
import { installSizeProblems } from "../../src/validate/install-size.js";
import { crdWith } from "./described-crd.js";

describe("installSizeProblems", () => {
  it("finds nothing wrong with a CRD of usual size", () => {
    expect(installSizeProblems(crdWith(10_000))).toEqual({});
  });

  it("gives both problems past etcd's default limit: server-side apply may still work", () => {
    const problems = installSizeProblems(crdWith(1_600_000));
    expect(problems.storage).toMatch(/^1\.5\d MiB as JSON/);
    expect(problems.clientSideApply).toMatch(/^too large for client-side `kubectl apply`/);
  });

  it("gives only the storage problem past 3 MiB, when no way of installing works", () => {
    expect(installSizeProblems(crdWith(3_200_000))).toEqual({
      storage: expect.stringContaining("larger than the API server takes") as unknown,
    });
  });
});
