import { constants, PerformanceObserver } from "node:perf_hooks";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { collectGarbageIfGrown, collectYoungGarbageSoon } from "../../src/runtime/collect-garbage.js";

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

describe("collectYoungGarbageSoon", () => {
  /** Scavenges (minor collections) observed while `during` runs. */
  async function minorCollections(during: () => Promise<void>): Promise<number> {
    let seen = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)
          seen++;
    });
    observer.observe({ entryTypes: ["gc"] });
    try {
      await during();
      // GC entries are delivered asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.takeRecords();
    } finally {
      observer.disconnect();
    }
    return seen;
  }

  it("scavenges once the caller's work is done", async () => {
    const seen = await minorCollections(async () => {
      collectYoungGarbageSoon();
      collectYoungGarbageSoon(); // asked again before it ran: still one timer
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(seen).toBeGreaterThanOrEqual(1);
  });

  it("leaves --expose-gc unset, so code cached later is not stamped with it", () => {
    collectGarbageIfGrown(0, 0);
    expect(vm.runInNewContext("typeof gc")).toBe("undefined");
  });
});
