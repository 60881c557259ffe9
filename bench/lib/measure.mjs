// @ts-check
/**
 * Runs one command and reports its wall time and peak resident set size.
 *
 * Wall time is taken in this process around spawn → exit, so it includes process start-up, which
 * is part of what a user waits for. Peak RSS comes from the kernel, by the first method that works:
 *
 * - `gnu-time`: GNU `/usr/bin/time -f "%U %S %M"`, which prints the `ru_maxrss` that wait4()
 *   returns for the child: exact, whole-process (all threads), and independent of how briefly the
 *   peak lasted. It also gives the child's CPU time (user + system, 10 ms resolution), which other
 *   load on the machine disturbs far less than wall time.
 * - `proc`: polling `/proc/<pid>/status` VmHWM (the kernel's own high-water mark) every 5 ms.
 *   A lower bound: growth in the last interval before exit can be missed.
 * - `none`: no RSS (e.g. macOS without GNU time); times are still measured.
 *
 * Commands are run directly (never through a shell or npx) so the measured process is the tool
 * itself and not a wrapper around it.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** @typedef {"gnu-time" | "proc" | "none"} RssMethod */

/**
 * @typedef {object} Measurement
 * @property {number} wallMs
 * @property {number | null} peakRssKiB
 * @property {number | null} cpuMs     user + system CPU time (gnu-time only)
 * @property {number | null} code      exit code (null when killed by a signal)
 * @property {string} stderrTail      last few KB of stderr, for error reports
 * @property {string} stdoutTail      last few KB of stdout when asked for (`keepStdout`), else ""
 */

const GNU_TIME = "/usr/bin/time";
const FORMAT = "%U %S %M";
const STDERR_KEEP = 8192; // bytes of stderr/stdout kept
const scratch = mkdtempSync(path.join(tmpdir(), "crdgen-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/** @returns {RssMethod} */
export function detectRssMethod() {
  const out = path.join(scratch, "probe");
  const r = spawnSync(GNU_TIME, ["-f", FORMAT, "-o", out, process.execPath, "-e", ""], { stdio: "ignore" });
  if (r.status === 0 && parseTimeOutput(safeRead(out))) return "gnu-time";
  if (safeRead(`/proc/${process.pid}/status`).includes("VmHWM")) return "proc";
  return "none";
}

/** @param {RssMethod} method */
export function describeRssMethod(method) {
  if (method === "gnu-time")
    return "peak RSS = ru_maxrss and CPU time = user + system of the child, via GNU `/usr/bin/time -f '%U %S %M'`";
  if (method === "proc") return "peak RSS = /proc/<pid>/status VmHWM polled every 5 ms (a lower bound)";
  return "peak RSS not measured (neither GNU time nor /proc available)";
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, rss: RssMethod, env?: NodeJS.ProcessEnv, keepStdout?: boolean }} options  keepStdout:
 *   pipe stdout and keep its tail (for commands whose output is small, like `crdgen check`)
 * @returns {Promise<Measurement>}
 */
export function measure(command, args, options) {
  const timeOut = path.join(scratch, `time-${process.hrtime.bigint()}`);
  const [cmd, argv] =
    options.rss === "gnu-time"
      ? [GNU_TIME, ["-f", FORMAT, "-o", timeOut, command, ...args]]
      : [command, args];

  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // stdout normally goes to /dev/null (`> /dev/null`): writing output costs the tool what it
    // costs in real use, and nothing is buffered here.
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", options.keepStdout ? "pipe" : "ignore", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk) => {
      stdout = (stdout + chunk).slice(-STDERR_KEEP);
    });
    let hwm = 0;
    const poll =
      options.rss === "proc" && child.pid !== undefined
        ? setInterval(() => (hwm = Math.max(hwm, vmHwm(/** @type {number} */ (child.pid)))), 5)
        : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll) clearInterval(poll);
      let peakRssKiB = null;
      let cpuMs = null;
      if (options.rss === "gnu-time") {
        const t = parseTimeOutput(safeRead(timeOut));
        peakRssKiB = t?.rssKiB ?? null;
        cpuMs = t?.cpuMs ?? null;
        rmSync(timeOut, { force: true });
      } else if (options.rss === "proc") {
        peakRssKiB = hwm || null;
      }
      resolve({ wallMs, peakRssKiB, cpuMs, code, stderrTail: stderr, stdoutTail: stdout });
    });
  });
}

/**
 * With -o, GNU time writes any "Command exited with non-zero status" line first; our format is last.
 * @param {string} text
 */
function parseTimeOutput(text) {
  const m = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/.exec(text.trim().split("\n").pop() ?? "");
  return m ? { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssKiB: Number(m[3]) } : null;
}

/** @param {number} pid */
function vmHwm(pid) {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(safeRead(`/proc/${pid}/status`));
  return m ? Number(m[1]) : 0;
}

/** @param {string} file */
function safeRead(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
