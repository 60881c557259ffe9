/**
 * The API server refuses a request body over 3 MiB, and etcd by default a write over 1.5 MiB:
 * checked at the byte where each limit is passed, against JSON.stringify's length (Go writes plain
 * ASCII the same), and on the real corpus.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ETCD_DEFAULT_MAX_REQUEST_BYTES,
  MAX_REQUEST_BODY_BYTES,
  requestSize,
  storageSizeProblem,
} from "../../src/validate/request-size.js";
import { corpusCrds } from "./corpus.js";
import { crdOfSize } from "./described-crd.js";

describe("storageSizeProblem", () => {
  it("says nothing up to 1.5 MiB, may-not-fit past it, refused past 3 MiB, at the exact bytes", () => {
    const at = (bytes: number) => storageSizeProblem(requestSize(crdOfSize(bytes)));
    expect(at(ETCD_DEFAULT_MAX_REQUEST_BYTES)).toBeUndefined();
    expect(at(ETCD_DEFAULT_MAX_REQUEST_BYTES + 1)).toEqual({
      refused: false,
      message: expect.stringContaining(
        "1.50 MiB as JSON, more than the 1.5 MiB etcd stores by default",
      ) as unknown,
    });
    expect(at(MAX_REQUEST_BODY_BYTES)?.refused).toBe(false);
    expect(at(MAX_REQUEST_BODY_BYTES)?.message).toMatch(/^3\.00 MiB as JSON/);
    expect(at(MAX_REQUEST_BODY_BYTES + 1)).toEqual({
      refused: true,
      message: expect.stringContaining('"Request entity too large: limit is 3145728"') as unknown,
    });
  });

  it("classifies every size as JSON.stringify measures it", () =>
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: MAX_REQUEST_BODY_BYTES + 100_000 }), (bytes) => {
        const object = crdOfSize(bytes);
        const json = JSON.stringify(object).length;
        expect(json).toBe(bytes);
        const problem = storageSizeProblem(requestSize(object));
        if (json <= ETCD_DEFAULT_MAX_REQUEST_BYTES) expect(problem).toBeUndefined();
        else expect(problem?.refused).toBe(json > MAX_REQUEST_BODY_BYTES);
      }),
      { numRuns: 40 },
    ));

  it("stops counting soon after 3 MiB, however large the object", () => {
    const huge = crdOfSize(20 * 1024 * 1024);
    const counted = requestSize(huge);
    expect(counted).toBeGreaterThan(MAX_REQUEST_BODY_BYTES);
    expect(storageSizeProblem(counted)?.refused).toBe(true);
  });
});

describe("the corpus", () => {
  it("has no CRD near either limit (the largest is under 1 MiB of JSON)", () => {
    const sizes = corpusCrds("crds").map(({ crd }) => requestSize(crd));
    expect(sizes).toHaveLength(215);
    expect(sizes.filter((size) => storageSizeProblem(size) !== undefined)).toEqual([]);
    expect(Math.max(...sizes)).toBeLessThan(1024 * 1024);
  });
});
