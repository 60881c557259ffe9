/**
 * The bench reports how much CPU time the hypervisor took for other guests during a run
 * (`steal` in /proc/stat), since that slows the tools unevenly (parsed from fixed texts here),
 * and what a first touch of fresh memory costs on the machine.
 */
import { describe, expect, it } from "vitest";
import { freshMemoryCost, parseCpuTimes, stealShare } from "../../bench/lib/environment.mjs";

const STAT = (user: number, steal: number) =>
  `cpu  ${user} 0 500 1000 10 0 5 ${steal} 7 0\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 123\n`;

describe("steal share", () => {
  it("reads the all-CPU line, counting guest time only once (it is part of user time)", () => {
    expect(parseCpuTimes(STAT(2000, 40))).toEqual({ total: 2000 + 500 + 1000 + 10 + 5 + 40, steal: 40 });
  });

  it("is the stolen part of the CPU time between two readings", () => {
    const start = parseCpuTimes(STAT(2000, 40));
    const end = parseCpuTimes(STAT(2900, 140));
    expect(stealShare(start, end)).toBeCloseTo(100 / 1000);
  });

  it("is unknown without /proc/stat's cpu line, or without time passing", () => {
    expect(parseCpuTimes("intr 1\n")).toBeUndefined();
    expect(parseCpuTimes("cpu  a b c d\n")).toBeUndefined();
    const t = parseCpuTimes(STAT(1, 1));
    expect(stealShare(t, t)).toBeUndefined();
    expect(stealShare(undefined, t)).toBeUndefined();
  });

  it("reads an older kernel's line without a steal column as no steal", () => {
    expect(parseCpuTimes("cpu  10 0 5 100 1 0 0\n")).toEqual({ total: 116, steal: 0 });
  });
});

describe("fresh memory cost", () => {
  it("is the time of a first touch, dearer than writing to memory already mapped", () => {
    const bytes = 8 * 1024 * 1024;
    const fresh = freshMemoryCost(3, bytes);
    expect(Number.isFinite(fresh) && fresh > 0).toBe(true);
    const buffer = Buffer.allocUnsafeSlow(bytes).fill(0);
    let mapped = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      for (let i = 0; i < bytes; i += 4096) buffer[i] = round;
      mapped = Math.min(mapped, ((performance.now() - start) * 1000) / (bytes / 4096));
    }
    expect(fresh).toBeGreaterThan(mapped);
  });
});
