import { describe, expect, it } from "vitest";
import { collectGarbageAbove } from "../../src/runtime/collect-garbage.js";

/** Allocates ~30 MB that is unreachable once this returns; the heap size while it was alive. */
function allocateGarbage(): number {
  const junk = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `item ${i}` }));
  return process.memoryUsage().heapUsed + junk.length * 0;
}

describe("collectGarbageAbove", () => {
  it("frees unreachable memory when the heap is above the threshold", () => {
    const before = allocateGarbage();
    collectGarbageAbove(0);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 1024 * 1024);
  });

  it("does nothing below the threshold", () => {
    const before = allocateGarbage();
    collectGarbageAbove(Number.MAX_SAFE_INTEGER);
    // Without a collection the dropped array is (almost all) still on the heap.
    expect(process.memoryUsage().heapUsed).toBeGreaterThan(before - 10 * 1024 * 1024);
  });
});
