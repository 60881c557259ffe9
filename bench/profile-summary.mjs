#!/usr/bin/env node
// @ts-check
/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time,
 * and self time per package, as markdown.
 *
 *   node bench/profile-summary.mjs <file.cpuprofile> [--top N]
 *
 * A sample's weight is the time until the next sample (how DevTools and speedscope count it), so
 * uneven sampling intervals are not mistaken for hot code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} callFrame
 * @property {number[]} [children]
 */
/**
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} CpuProfile
 * Times are microseconds of the monotonic clock (the one `process.hrtime` reads, on Linux).
 */
/** @typedef {{ name: string, where: string, selfMs: number }} Row */

/**
 * @param {CpuProfile} profile
 * @param {number} [sinceUs]  count only samples from this time on (e.g. skip a watcher's start-up)
 * @returns {{ totalMs: number, functions: Row[], owners: { owner: string, selfMs: number }[], callers: Row[] }}
 */
export function selfTimes(profile, sinceUs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} microseconds of self time per node id */
  const self = new Map();
  const { samples, timeDeltas } = profile;
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    if (sinceUs !== undefined && at < sinceUs) continue;
    const weight = timeDeltas[i + 1] ?? 0;
    const id = /** @type {number} */ (samples[i]);
    self.set(id, (self.get(id) ?? 0) + weight);
  }
  /** @type {Map<string, Row>} */
  const functions = new Map();
  /** @type {Map<string, number>} */
  const owners = new Map();
  /** @type {Map<string, Row>} */
  const callers = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    const name = frame.functionName || (frame.url ? "(anonymous)" : "(native)");
    const script = shortUrl(frame.url);
    // Line numbers in profiles are 0-based.
    const where = frame.url ? `${script}:${frame.lineNumber + 1}` : "";
    const key = `${name} ${where}`;
    const row = functions.get(key) ?? { name, where, selfMs: 0 };
    row.selfMs += us / 1000;
    functions.set(key, row);
    const who = owner(script, name);
    owners.set(who, (owners.get(who) ?? 0) + us / 1000);
    // Time spent inside a dependency is charged to the crdgen function that called into it, which
    // is the place a fix would go.
    if (frame.url && !who.startsWith("crdgen")) {
      const caller = crdgenAncestor(id, parent, byId);
      if (caller) {
        const k = `${who} ${caller.name} ${caller.where}`;
        const row = callers.get(k) ?? { name: `${who} ← ${caller.name}`, where: caller.where, selfMs: 0 };
        row.selfMs += us / 1000;
        callers.set(k, row);
      }
    }
  }
  return {
    totalMs: total / 1000,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
    owners: [...owners].map(([owner, selfMs]) => ({ owner, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
    callers: [...callers.values()].sort((a, b) => b.selfMs - a.selfMs),
  };
}

/**
 * The nearest ancestor frame in crdgen's own code (dist/src or dist/transforms).
 * @param {number} id
 * @param {Map<number, number>} parent
 * @param {Map<number, ProfileNode>} byId
 */
function crdgenAncestor(id, parent, byId) {
  for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
    const f = byId.get(p)?.callFrame;
    const script = f ? shortUrl(f.url) : "";
    if (f && /^dist\/(src|transforms)\//.test(script)) {
      return { name: f.functionName || "(anonymous)", where: `${script}:${f.lineNumber + 1}` };
    }
  }
  return undefined;
}

/**
 * Package-relative names: `typescript/lib/typescript.js`, `dist/src/read/type-reader.js`.
 * @param {string} url
 */
function shortUrl(url) {
  if (!url || url.startsWith("node:")) return url;
  const p = url.startsWith("file://") ? fileURLToPath(url) : url;
  const nm = p.lastIndexOf("/node_modules/");
  if (nm >= 0) return p.slice(nm + "/node_modules/".length);
  const dist = p.lastIndexOf("/dist/");
  return dist >= 0 ? p.slice(dist + 1) : path.basename(p);
}

/**
 * Where time goes at a glance: a package (`yaml`, `@ts-morph/common`), one of crdgen's own
 * folders (`crdgen src/read`), Node's internals, or a VM pseudo-frame such as the GC.
 * @param {string} script  as returned by shortUrl
 * @param {string} name    the function name, for frames without a script
 */
function owner(script, name) {
  if (!script) return name;
  if (script.startsWith("node:")) return "node internals";
  const dist = /^dist\/((?:src|transforms)(?:\/[^/]+(?=\/))?)/.exec(script);
  if (dist) return `crdgen ${dist[1]}`;
  const parts = script.split("/");
  return (script.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/**
 * @param {CpuProfile} profile
 * @param {number} top
 * @param {number} [sinceUs]  see selfTimes; ignored when outside the profile's time span
 */
export function profileMarkdown(profile, top = 10, sinceUs) {
  const within = sinceUs !== undefined && sinceUs > profile.startTime && sinceUs < profile.endTime;
  const s = selfTimes(profile, within ? sinceUs : undefined);
  const pct = (/** @type {number} */ ms) => `${((100 * ms) / (s.totalMs || 1)).toFixed(1)}%`;
  const lines = [
    `Sampled ${Math.round(s.totalMs)} ms${within ? ` (the last ${Math.round((profile.endTime - (sinceUs ?? 0)) / 1000)} ms of the run)` : ""}. ` +
      `Top ${top} functions by self time:`,
    "",
    "| # | function | where | self ms | share |",
    "| ---: | --- | --- | ---: | ---: |",
    ...s.functions
      .slice(0, top)
      .map(
        (r, i) => `| ${i + 1} | \`${r.name}\` | ${r.where} | ${Math.round(r.selfMs)} | ${pct(r.selfMs)} |`,
      ),
    "",
    "Self time by package (crdgen by source folder):",
    "",
    "| package | self ms | share |",
    "| --- | ---: | ---: |",
    ...s.owners.slice(0, 10).map((r) => `| ${r.owner} | ${Math.round(r.selfMs)} | ${pct(r.selfMs)} |`),
    "",
    "Time inside dependencies, by the crdgen function that called in:",
    "",
    "| dependency ← crdgen function | where | self ms | share |",
    "| --- | --- | ---: | ---: |",
    ...s.callers
      .slice(0, 8)
      .map((r) => `| \`${r.name}\` | ${r.where} | ${Math.round(r.selfMs)} | ${pct(r.selfMs)} |`),
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [file, flag, n] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]\n");
    process.exit(2);
  }
  const top = flag === "--top" && n ? Number(n) : 10;
  process.stdout.write(profileMarkdown(JSON.parse(readFileSync(file, "utf8")), top) + "\n");
}
