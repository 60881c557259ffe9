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

/** @typedef {{ walls: number[], rss: number[], cpu: number[], failure: string | null }} Slot */

/**
 * @typedef {object} ToolResult
 * @property {Tool} tool
 * @property {Summary | null} wall     milliseconds
 * @property {Summary | null} rss      KiB
 * @property {Summary | null} cpu      milliseconds of user + system CPU time
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
  const acc = new Map(tools.map((t) => [t.id, { walls: [], rss: [], cpu: [], failure: null }]));
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
      slot.walls.push(m.wallMs);
      if (m.peakRssKiB !== null) slot.rss.push(m.peakRssKiB);
      if (m.cpuMs !== null) slot.cpu.push(m.cpuMs);
    }
    options.log(`  ${c.id} ${round === 0 ? "warm-up" : `run ${round}/${options.runs}`}: ${parts.join(", ")}`);
  }
  return tools.map((tool) => {
    const slot = /** @type {Slot} */ (acc.get(tool.id));
    return {
      tool,
      wall: summarize(slot.walls),
      rss: summarize(slot.rss),
      cpu: summarize(slot.cpu),
      failure: slot.failure,
    };
  });
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
