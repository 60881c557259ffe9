import { describe, expect, it } from "vitest";
import { collectGarbageIfGrown } from "../../src/runtime/collect-garbage.js";

/** Allocates ~30 MB that is unreachable once this returns; the heap size while it was alive. */
function allocateGarbage(): number {
  const junk = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `item ${i}` }));
  return process.memoryUsage().heapUsed + junk.length * 0;
}

describe("collectGarbageIfGrown", () => {
  it("frees unreachable memory when the heap grew by more than the threshold", () => {
    const before = allocateGarbage();
    collectGarbageIfGrown(0, 0);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 1024 * 1024);
  });

  it("does nothing when the heap grew less than the threshold", () => {
    const before = allocateGarbage();
    collectGarbageIfGrown(before, 1024 * 1024 * 1024);
    // Without a collection the dropped array is (almost all) still on the heap.
    expect(process.memoryUsage().heapUsed).toBeGreaterThan(before - 10 * 1024 * 1024);
  });
});
