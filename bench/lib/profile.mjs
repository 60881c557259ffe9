// @ts-check
/**
 * Takes a CPU profile of one crdgen run and summarises it, to explain a missed target. The raw
 * `.cpuprofile` is kept (in bench/.work/profile/<name>/) for DevTools or speedscope.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { profileMarkdown } from "../profile-summary.mjs";
import { benchWatch } from "./watch-bench.mjs";

/**
 * @param {{ crdgenBin: string, args: string[], dir: string, cwd: string, what: string }} o
 *   what: how the run is described in the report, e.g. "crdgen <1,000 types> --stdout"
 * @returns {string} markdown
 */
export function profileCrdgen(o) {
  rmSync(o.dir, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", o.dir, o.crdgenBin, ...o.args], {
    cwd: o.cwd,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const file = existsSync(o.dir) ? readdirSync(o.dir).find((f) => f.endsWith(".cpuprofile")) : undefined;
  if (!file)
    return `No profile written (crdgen exited ${r.status}: ${r.stderr.trim().split("\n")[0] ?? ""}).`;
  const raw = path.join(o.dir, file);
  const summary = profileMarkdown(JSON.parse(readFileSync(raw, "utf8")));
  return `\`node --cpu-prof\` of \`${o.what}\`; raw profile: \`${path.relative(o.cwd, raw)}\`.\n\n${summary}`;
}

/**
 * A CPU profile of watch-mode rebuilds at 1,000 types: the watcher runs under --cpu-prof, takes a
 * few edits, and only samples from the first edit on are summarised (not the initial build).
 * @param {{ crdgenBin: string, work: string, cwd: string, log: (s: string) => void }} o
 * @returns {Promise<string>} markdown
 */
export async function profileWatch(o) {
  const dir = path.join(o.work, "profile", "watch-1000");
  rmSync(dir, { recursive: true, force: true });
  const r = await benchWatch({ ...o, runs: 3, cpuProfDir: dir });
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".cpuprofile")) : undefined;
  if (!file)
    return `No profile written (${r.available ? (r.failure ?? "watcher did not exit cleanly") : r.reason}).`;
  const raw = path.join(dir, file);
  const summary = profileMarkdown(JSON.parse(readFileSync(raw, "utf8")), 10, r.rebuildsFromUs);
  return `\`node --cpu-prof\` of \`crdgen <1,000 types> --watch\` taking 4 one-field edits; raw profile: \`${path.relative(o.cwd, raw)}\`.\n\n${summary}`;
}
