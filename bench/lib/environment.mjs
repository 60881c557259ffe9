// @ts-check
/** What the numbers were measured on, for the results header. */
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
  };
}

/**
 * The 1-minute load average: other work on the machine slows every tool, and this says how much
 * there was (interleaving keeps the ratios fair, not the absolute times).
 */
export function loadAverage() {
  return os.loadavg()[0]?.toFixed(2) ?? "n/a";
}
