// @ts-check
/** What the numbers were measured on, for the results header. */
import { readFileSync } from "node:fs";
import os from "node:os";

export function environment() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    node: process.version,
    cpu: `${cpus[0]?.model.trim() ?? "unknown"} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: loadAverage(),
    cpuAtStart: readCpuTimes(),
    freshMemory: freshMemoryCost(),
  };
}

/** Bytes between the writes of the probe below: one per page of the usual size. */
const TOUCH_STEP = 4096;

/**
 * Microseconds per 4 KiB of fresh memory written for the first time (the median of `probes`
 * probes of 64 MiB each, a byte every 4 KiB). The kernel maps and zeroes each page on its first
 * touch; on some virtual machines that costs ten times what it does on bare metal, and every
 * tool here pays it for each page of its peak memory, so it explains much of how fast a machine
 * runs them (bench/README.md, "A fifth of every run").
 */
export function freshMemoryCost(probes = 3, bytes = 64 * 1024 * 1024) {
  /** @type {number[]} */
  const times = [];
  for (let p = 0; p < probes; p++) {
    // Larger than glibc's largest mmap threshold (32 MiB): always fresh pages from the kernel.
    const buffer = Buffer.allocUnsafeSlow(bytes);
    const start = performance.now();
    for (let i = 0; i < bytes; i += TOUCH_STEP) buffer[i] = 1;
    times.push(((performance.now() - start) * 1000) / (bytes / TOUCH_STEP));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * The 1-minute load average: other work on the machine slows every tool, and this says how much
 * there was (interleaving keeps the ratios fair, not the absolute times).
 */
export function loadAverage() {
  return os.loadavg()[0]?.toFixed(2) ?? "n/a";
}

/**
 * @typedef {object} CpuTimes  the machine's CPU time counters (all CPUs, in clock ticks)
 * @property {number} total   every state: user, nice, system, idle, iowait, irq, softirq, steal
 * @property {number} steal   time a virtual machine's CPUs waited while the host ran something else
 */

/** The counters of `/proc/stat`'s `cpu` line (Linux); undefined elsewhere. */
export function readCpuTimes() {
  try {
    return parseCpuTimes(readFileSync("/proc/stat", "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * @param {string} procStat  the text of /proc/stat
 * @returns {CpuTimes | undefined}
 */
export function parseCpuTimes(procStat) {
  const line = procStat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return undefined;
  // guest and guest_nice (after steal) are already counted in user and nice.
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 4 || fields.some((n) => !Number.isFinite(n))) return undefined;
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/**
 * The share of the machine's CPU time between two readings that the hypervisor gave to other
 * guests ("steal"): on a shared virtual machine it slows the tools while they run, so it belongs
 * beside the load average in the results. Undefined without readings.
 * @param {CpuTimes | undefined} start
 * @param {CpuTimes | undefined} end
 */
export function stealShare(start, end) {
  if (!start || !end || end.total <= start.total) return undefined;
  return (end.steal - start.steal) / (end.total - start.total);
}
