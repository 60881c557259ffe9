/**
 * The bench reports how much CPU time the hypervisor took for other guests during a run
 * (`steal` in /proc/stat), since that slows the tools unevenly. Parsed from fixed texts here.
 */
import { describe, expect, it } from "vitest";
import { parseCpuTimes, stealShare } from "../../bench/lib/environment.mjs";

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
