/**
 * The bench's verdicts: each target of the issue judged from one run's numbers, at its limit
 * and just past it, and SKIP only when the run did not measure what the target needs.
 */
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../bench/lib/check-bench.mjs";
import { summarizeSamples, type Sample, type ToolResult } from "../../bench/lib/compare.mjs";
import { summarize } from "../../bench/lib/stats.mjs";
import {
  judge,
  pairedRatios,
  profileSize,
  ratioOf,
  type SizedResults,
  type Verdict,
} from "../../bench/lib/targets.mjs";
import type { WatchResult } from "../../bench/lib/watch-bench.mjs";

/** A tool's result from its runs in rounds 1, 2, ...: each `wall` ms, using `rss` KiB. */
function runs(id: string, walls: readonly (number | null)[], rss = 100_000): ToolResult {
  const samples: Sample[] = [];
  walls.forEach((wall, i) => {
    if (wall !== null) samples.push({ round: i + 1, wall, rss, cpu: wall });
  });
  return {
    tool: { id, label: id, version: "1", command: () => ({ command: id, args: [] }) },
    ...summarizeSamples(samples),
    samples,
    failure: null,
  };
}

/** A tool's result of one run. */
function tool(id: string, wall: number, rss = 100_000): ToolResult {
  return runs(id, [wall], rss);
}

/** crdgen against the peers at one size: times in ms, memory in KiB. */
function size(
  n: number,
  t: { crdgen: number; tsc6: number; tsjsg?: number; crdgenRss?: number; tscRss?: number },
): SizedResults {
  const results = [tool("crdgen", t.crdgen, t.crdgenRss), tool("tsc6", t.tsc6, t.tscRss)];
  if (t.tsjsg !== undefined) results.push(tool("tsjsg", t.tsjsg));
  return { size: n, results };
}

const CHECK_OK: CheckResult[] = [
  {
    id: "check-corpus",
    label: "check",
    wall: summarize([1000]),
    rss: null,
    cpu: null,
    exitCode: 0,
    skipped: null,
    note: "",
    args: [],
  },
];
const WATCH_OK: WatchResult = { available: true, size: 1000, rebuild: summarize([90]), failure: null };

/** Sizes where every target holds: 1.2x tsc, half tsjsg's time, linear, RSS 1.1x. */
const GOOD = [
  size(1000, { crdgen: 1200, tsc6: 1000, tsjsg: 2400, crdgenRss: 110, tscRss: 100 }),
  size(5000, { crdgen: 6000, tsc6: 5000, tsjsg: 12000, crdgenRss: 110, tscRss: 100 }),
];

/** Positions of the targets in judge's result (the order). */
const COLD = 0;
const TSJSG = 1;
const LINEAR = 2;
const WATCH = 3;
const CHECK = 4;
const MEMORY = 5;

function verdict(
  at: number,
  synthetic: SizedResults[],
  check: CheckResult[] = CHECK_OK,
  watch: WatchResult = WATCH_OK,
): Verdict {
  return judge({ synthetic, check, watch })[at]!;
}

describe("summarize", () => {
  it("takes the middle value, or the mean of the two middle ones, whatever the order", () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(summarize([])).toBeNull();
  });
});

describe("judge", () => {
  it("passes every target on numbers that meet them, in the issue's order", () => {
    const all = judge({ synthetic: GOOD, check: CHECK_OK, watch: WATCH_OK });
    expect(all.map((v) => v.status)).toEqual(["PASS", "PASS", "PASS", "PASS", "PASS", "PASS"]);
    expect(all.map((v) => v.area)).toEqual([
      "generation",
      "generation",
      "generation",
      "watch",
      "check",
      "generation",
    ]);
    expect(all[0]!.detail).toBe("1000: 1.20x, 5000: 1.20x");
  });

  it.each([
    [1300, "PASS"],
    [1301, "MISS"],
  ] as const)(
    "cold run at %d ms against tsc's 1000 at one size: %s (the limit is 1.3x, inclusive)",
    (ms, status) => {
      const sizes = [size(1000, { crdgen: ms, tsc6: 1000, tsjsg: 5000 }), GOOD[1]!];
      expect(verdict(COLD, sizes).status).toBe(status);
    },
  );

  it("misses the tsjsg target when crdgen is as slow as it at any one size", () => {
    const sizes = [GOOD[0]!, size(5000, { crdgen: 6000, tsc6: 5000, tsjsg: 6000 })];
    expect(verdict(COLD, sizes).status).toBe("PASS");
    const tsjsg = verdict(TSJSG, sizes);
    expect(tsjsg.status).toBe("MISS");
    expect(tsjsg.detail).toBe("1000: 0.50x its time, 5000: 1.00x its time");
  });

  it("misses a per-size target when a size has no numbers for a tool it compares", () => {
    const sizes = [GOOD[0]!, size(5000, { crdgen: 6000, tsc6: 5000 })];
    expect(verdict(TSJSG, sizes)).toMatchObject({
      status: "MISS",
      detail: "1000: 0.50x its time, 5000: no numbers",
    });
  });

  it("judges growth from time per type at 5,000 against 1,000 (limit 1.5x)", () => {
    const linear = (ms5000: number) =>
      verdict(LINEAR, [size(1000, { crdgen: 1000, tsc6: 1000 }), size(5000, { crdgen: ms5000, tsc6: 5000 })]);
    expect(linear(7500).status).toBe("PASS");
    expect(linear(7501).status).toBe("MISS");
    expect(linear(5000).detail).toBe("1000 us/type at 1,000, 1000 us/type at 5,000: 1.00x");
  });

  it("skips growth when 1,000 or 5,000 was not run, and every per-size target when no size was", () => {
    expect(verdict(LINEAR, [GOOD[0]!]).status).toBe("SKIP");
    expect(verdict(COLD, [GOOD[0]!]).status).toBe("PASS");
    const none = judge({ synthetic: [], check: CHECK_OK, watch: WATCH_OK });
    expect(none.filter((v) => v.area === "generation").map((v) => v.status)).toEqual([
      "SKIP",
      "SKIP",
      "SKIP",
      "SKIP",
    ]);
  });

  it("judges memory as its own target, from peak RSS", () => {
    const rss = (crdgenRss: number) =>
      verdict(MEMORY, [size(1000, { crdgen: 1000, tsc6: 1000, tsjsg: 2000, crdgenRss, tscRss: 100 })]);
    expect(rss(130)).toMatchObject({ status: "PASS", detail: "1000: 1.30x" });
    expect(rss(131).status).toBe("MISS");
  });

  it("misses watch when it is slow, unavailable or failed, and skips it only when the run was told to", () => {
    const watch = (w: WatchResult) => verdict(WATCH, GOOD, CHECK_OK, w);
    expect(watch({ ...WATCH_OK, rebuild: summarize([149]) }).status).toBe("PASS");
    expect(watch({ ...WATCH_OK, rebuild: summarize([150]) }).status).toBe("MISS");
    expect(watch({ available: false, reason: "watch mode: not available yet" })).toMatchObject({
      status: "MISS",
      detail: "watch mode: not available yet",
    });
    expect(watch({ available: true, size: 1000, rebuild: null, failure: "no output" }).detail).toBe(
      "no output",
    );
  });

  it("skips check when it was not run, and misses it when it ran without numbers or too slowly", () => {
    const check = (c: CheckResult[]) => verdict(CHECK, GOOD, c);
    expect(check([]).status).toBe("SKIP");
    expect(check([{ ...CHECK_OK[0]!, wall: summarize([1999]) }]).status).toBe("PASS");
    expect(check([{ ...CHECK_OK[0]!, wall: summarize([2000]) }]).status).toBe("MISS");
    expect(check([{ ...CHECK_OK[0]!, wall: null, skipped: "corpus not found" }])).toMatchObject({
      status: "MISS",
      detail: "not measured: corpus not found",
    });
  });
});

describe("profileSize", () => {
  it("names the sizes a per-size target missed at, and profiles the largest of all targets' misses", () => {
    const sizes = [
      size(10, { crdgen: 100, tsc6: 100, tsjsg: 500 }),
      size(1000, { crdgen: 1400, tsc6: 1000, tsjsg: 5000 }),
      size(5000, { crdgen: 2000, tsc6: 1000, tsjsg: 1500 }),
    ];
    const verdicts = judge({ synthetic: sizes, check: CHECK_OK, watch: WATCH_OK });
    expect(verdicts[COLD]).toMatchObject({ status: "MISS", missedSizes: [1000, 5000] });
    expect(verdicts[TSJSG]).toMatchObject({ status: "MISS", missedSizes: [5000] });
    expect(verdicts[MEMORY]).toMatchObject({ status: "PASS" });
    expect(verdicts[MEMORY]).not.toHaveProperty("missedSizes");
    expect(profileSize(verdicts, [10, 1000, 5000])).toBe(5000);
    const onlySmall = judge({ synthetic: [sizes[0]!, sizes[1]!], check: CHECK_OK, watch: WATCH_OK });
    expect(profileSize(onlySmall, [10, 1000])).toBe(1000);
  });

  it("profiles 1,000 types without a per-size miss, or the largest size a run without 1,000 had", () => {
    const good = judge({ synthetic: GOOD, check: CHECK_OK, watch: WATCH_OK });
    expect(profileSize(good, [1000, 5000])).toBe(1000);
    expect(profileSize(good, [10, 100])).toBe(100);
    expect(profileSize(good, [])).toBeUndefined();
  });
});

describe("ratioOf", () => {
  it("is the median of the ratios of runs in the same round, not the ratio of the medians", () => {
    // The machine slowed down in round 2 and sped up in round 3; each pair ran under one load.
    const results = [runs("crdgen", [1000, 1500, 2000]), runs("tsc6", [900, 1200, 1900])];
    // Pairs: 1000/900 = 1.11, 1500/1200 = 1.25, 2000/1900 = 1.05.
    expect(ratioOf(results, "crdgen", "tsc6", "wall")).toBeCloseTo(1000 / 900, 12);
    expect(ratioOf(results, "tsc6", "crdgen", "wall")).toBeCloseTo(900 / 1000, 12);
    // The medians alone would say 1500 / 1200 = 1.25.
  });

  it("pairs only the rounds in which both tools ran", () => {
    const results = [runs("crdgen", [1300, null, 2600]), runs("tsc6", [1000, 500, 2000])];
    expect(ratioOf(results, "crdgen", "tsc6", "wall")).toBeCloseTo(1.3, 12);
    expect(
      ratioOf([runs("crdgen", [1000, null]), runs("tsc6", [null, 1000])], "crdgen", "tsc6", "wall"),
    ).toBeNull();
  });

  it("gives the pairs' range beside their median, which the cold-run verdict prints", () => {
    const results = [runs("crdgen", [1200, 1400, 1300]), runs("tsc6", [1000, 1000, 1000])];
    expect(pairedRatios(results, "crdgen", "tsc6", "wall")).toEqual({
      median: 1.3,
      min: 1.2,
      max: 1.4,
      n: 3,
    });
    expect(verdict(COLD, [{ size: 1000, results }])).toMatchObject({
      status: "PASS",
      detail: "1000: 1.30x (pairs 1.20–1.40)",
    });
    const slower = [runs("crdgen", [1250, 1400, 1350]), runs("tsc6", [1000, 1000, 1000])];
    expect(verdict(COLD, [{ size: 1000, results: slower }]).detail).toBe("1000: 1.35x (pairs 1.25–1.40)");
  });

  it("has no ratio without both tools or against zero", () => {
    const results = [tool("crdgen", 1500), tool("tsc6", 1000), tool("zero", 0)];
    expect(ratioOf(results, "crdgen", "tsc6", "wall")).toBe(1.5);
    expect(ratioOf(results, "crdgen", "tsc6", "rss")).toBe(1);
    expect(ratioOf(results, "crdgen", "tsjsg", "wall")).toBeNull();
    expect(ratioOf(results, "crdgen", "zero", "wall")).toBeNull();
  });
});
