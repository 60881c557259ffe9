// @ts-check
/**
 * Watch-mode rebuild time: from writing a one-field change into one type file to crdgen's output
 * file changing, at 1,000 types. Measured only when `crdgen --help` lists `--watch`.
 *
 * Assumed interface: `crdgen <root> --watch --out-dir <dir>` builds once, then rewrites the
 * output files (atomically) after each change. We toggle an optional field on the last type, which
 * is a leaf, so every rebuild really changes the output.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { summarize } from "./stats.mjs";
import { writeSynthetic } from "./synth.mjs";

/** @typedef {import("./stats.mjs").Summary} Summary */

/**
 * @typedef {{ available: false, reason: string, skipped?: boolean }
 *   | { available: true, size: number, rebuild: Summary | null, failure: string | null }} WatchResult
 * `skipped`: not measured because the run was asked not to (`--no-watch`), not because it can't be.
 */

export const WATCH_SIZE = 1000;
const SETTLE_MS = 400;
const TIMEOUT_MS = 120_000;

/**
 * @param {string} crdgenBin
 * @returns {string | null} why watch mode cannot be measured, or null when it can
 */
export function watchUnavailable(crdgenBin) {
  const help = spawnSync(process.execPath, [crdgenBin, "--help"], { encoding: "utf8" });
  return /--watch\b/.test(`${help.stdout}${help.stderr}`) ? null : "watch mode: not available yet";
}

/**
 * @param {{ crdgenBin: string, work: string, runs: number, cwd: string, log: (s: string) => void,
 *   cpuProfDir?: string }} o  cpuProfDir: profile the watcher (stopped with SIGINT so that Node
 *   writes the profile); the result then says from when on the samples are rebuilds
 * @returns {Promise<WatchResult & { rebuildsFromUs?: number }>}
 */
export async function benchWatch(o) {
  const unavailable = watchUnavailable(o.crdgenBin);
  if (unavailable) return { available: false, reason: unavailable };

  const dir = path.join(o.work, "watch", `n${WATCH_SIZE}`);
  const s = writeSynthetic(dir, WATCH_SIZE);
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  // Outside the watched source folder, so writing output cannot itself look like a change.
  const outDir = path.join(o.work, "watch", "out");
  rmSync(outDir, { recursive: true, force: true });
  const leafFile = /** @type {string} */ (s.files.filter((f) => /types-\d+\.ts$/.test(f)).at(-1));
  const original = readFileSync(leafFile, "utf8");

  const profiling = o.cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", o.cpuProfDir] : [];
  const child = spawn(process.execPath, [...profiling, o.crdgenBin, s.root, "--watch", "--out-dir", outDir], {
    cwd: o.cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4096)));
  /** @type {number[]} */
  const times = [];
  /** @param {string | null} failure */
  const result = (failure) => ({
    available: /** @type {const} */ (true),
    size: WATCH_SIZE,
    rebuild: summarize(times),
    failure,
  });
  let rebuildsFromUs;
  try {
    let before = await settledOutput(outDir, "");
    if (before === null) return result(`no initial output: ${stderr.trim()}`);
    rebuildsFromUs = Number(process.hrtime.bigint() / 1000n);
    for (let i = 0; i <= o.runs; i++) {
      const edited = i % 2 === 0 ? withExtraField(original, i) : original;
      const start = process.hrtime.bigint();
      writeFileSync(leafFile, edited);
      const after = await changedOutput(outDir, before);
      if (after === null) return result(`output did not change within ${TIMEOUT_MS} ms`);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      o.log(`  watch ${i === 0 ? "warm-up" : `run ${i}/${o.runs}`}: ${Math.round(ms)}ms`);
      if (i > 0) times.push(ms);
      before = (await settledOutput(outDir, after)) ?? after;
    }
    return { ...result(null), rebuildsFromUs };
  } finally {
    // SIGINT is crdgen's own "stop watching", after which it exits normally (and writes a profile).
    child.kill(o.cpuProfDir ? "SIGINT" : "SIGTERM");
    const late = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(late);
    writeFileSync(leafFile, original);
  }
}

/**
 * Adds an optional field to the last interface in the file.
 * @param {string} text
 * @param {number} n
 */
function withExtraField(text, n) {
  const at = text.lastIndexOf("\n}");
  return `${text.slice(0, at)}\n  benchExtra${n}?: string;${text.slice(at)}`;
}

/** @param {string} dir */
function outputFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** @param {string} dir */
function readOutput(dir) {
  return outputFiles(dir)
    .map((f) => {
      try {
        return readFileSync(f, "utf8");
      } catch {
        return "";
      }
    })
    .join("\n---\n");
}

/**
 * Cheap fingerprint (inode, size, mtime) so polling does not re-read megabytes of YAML every few
 * milliseconds while crdgen competes for the same two cores.
 * @param {string} dir
 */
function fingerprint(dir) {
  return outputFiles(dir)
    .map((f) => {
      try {
        const st = statSync(f);
        return `${f}:${st.ino}:${st.size}:${st.mtimeMs}`;
      } catch {
        return f;
      }
    })
    .join("|");
}

/**
 * Polls until the output differs from `previous`; returns it, or null on timeout. Polls every 2 ms
 * so the measurement's resolution is well under the 150 ms target.
 * @param {string} dir
 * @param {string} previous
 */
async function changedOutput(dir, previous) {
  const deadline = Date.now() + TIMEOUT_MS;
  let seen = "";
  while (Date.now() < deadline) {
    const fp = fingerprint(dir);
    if (fp && fp !== seen) {
      seen = fp;
      const now = readOutput(dir);
      if (now && now !== previous) return now;
    }
    await sleep(2);
  }
  return null;
}

/**
 * Waits for output to appear/change and then stay put for SETTLE_MS (a build may write in steps).
 * @param {string} dir
 * @param {string} previous
 */
async function settledOutput(dir, previous) {
  let current = previous || (await changedOutput(dir, ""));
  if (current === null) return null;
  for (;;) {
    await sleep(SETTLE_MS);
    const again = readOutput(dir);
    if (again === current) return current;
    current = again;
  }
}
