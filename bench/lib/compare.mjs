// @ts-check
/**
 * Times every tool on one case, interleaved: round r runs A, B, C, ... once each, so drift in the
 * machine's state (thermal, page cache, other load) spreads over all tools instead of landing on
 * whichever happened to run last. Round 0 is a warm-up (page cache, V8 code cache) and is dropped.
 *
 * A tool that fails its warm-up (non-zero exit) is dropped from the case with its error, so one
 * broken tool cannot hide the others' numbers.
 */
import { measure } from "./measure.mjs";
import { summarize } from "./stats.mjs";

/** @typedef {import("./tools.mjs").Tool} Tool */
/** @typedef {import("./tools.mjs").BenchCase} BenchCase */
/** @typedef {import("./measure.mjs").RssMethod} RssMethod */
/** @typedef {import("./stats.mjs").Summary} Summary */

/**
 * One timed run of a tool.
 * @typedef {object} Sample
 * @property {number} round          which round it ran in (1..runs), to pair it with other tools' runs
 * @property {number} wall           milliseconds
 * @property {number | null} rss     KiB
 * @property {number | null} cpu     milliseconds of user + system CPU time
 */

/** @typedef {{ samples: Sample[], failure: string | null }} Slot */

/**
 * @typedef {object} ToolResult
 * @property {Tool} tool
 * @property {Summary | null} wall     milliseconds
 * @property {Summary | null} rss      KiB
 * @property {Summary | null} cpu      milliseconds of user + system CPU time
 * @property {Sample[]} samples        the timed runs the summaries are made from
 * @property {string | null} failure  why the tool has no numbers
 */

/**
 * @param {BenchCase} c
 * @param {Tool[]} tools
 * @param {{ runs: number, rss: RssMethod, cwd: string, log: (s: string) => void }} options
 * @returns {Promise<ToolResult[]>}
 */
export async function compareTools(c, tools, options) {
  /** @type {Map<string, Slot>} */
  const acc = new Map(tools.map((t) => [t.id, { samples: [], failure: null }]));
  for (let round = 0; round <= options.runs; round++) {
    const parts = [];
    for (const tool of tools) {
      const slot = /** @type {Slot} */ (acc.get(tool.id));
      if (slot.failure) continue;
      const { command, args } = tool.command(c);
      const m = await measure(command, args, { cwd: options.cwd, rss: options.rss });
      if (m.code !== 0) {
        slot.failure = `exit ${m.code ?? "signal"}: ${firstLines(m.stderrTail)}`;
        parts.push(`${tool.id} FAILED`);
        continue;
      }
      parts.push(`${tool.id} ${Math.round(m.wallMs)}ms`);
      if (round === 0) continue;
      slot.samples.push({ round, wall: m.wallMs, rss: m.peakRssKiB, cpu: m.cpuMs });
    }
    options.log(`  ${c.id} ${round === 0 ? "warm-up" : `run ${round}/${options.runs}`}: ${parts.join(", ")}`);
  }
  return tools.map((tool) => {
    const slot = /** @type {Slot} */ (acc.get(tool.id));
    return { tool, ...summarizeSamples(slot.samples), samples: slot.samples, failure: slot.failure };
  });
}

/**
 * @param {Sample[]} samples
 * @returns {{ wall: Summary | null, rss: Summary | null, cpu: Summary | null }}
 */
export function summarizeSamples(samples) {
  const known = (/** @type {(number | null)[]} */ values) =>
    values.filter(/** @returns {v is number} */ (v) => v !== null);
  return {
    wall: summarize(samples.map((s) => s.wall)),
    rss: summarize(known(samples.map((s) => s.rss))),
    cpu: summarize(known(samples.map((s) => s.cpu))),
  };
}

/** @param {string} text */
export function firstLines(text, n = 3) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, n)
    .join(" | ")
    .slice(0, 400);
}
