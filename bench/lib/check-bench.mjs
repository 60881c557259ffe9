// @ts-check
/**
 * Times `crdgen check` on the shared CRD corpus, and `check --instances` on the instance oracle
 * (custom resources checked against their CRDs), when those commands exist.
 *
 * Exit code 1 means "findings" (the oracle is full of deliberately invalid instances), so it counts
 * as a completed run; 2 (usage) or an internal error means the command cannot do this yet, and the
 * section is skipped with the reason.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { firstLines } from "./compare.mjs";
import { measure } from "./measure.mjs";
import { summarize } from "./stats.mjs";

/** @typedef {import("./measure.mjs").RssMethod} RssMethod */
/** @typedef {import("./stats.mjs").Summary} Summary */

/**
 * @typedef {object} CheckResult
 * @property {string} id
 * @property {string} label
 * @property {Summary | null} wall
 * @property {Summary | null} rss
 * @property {Summary | null} cpu
 * @property {number | null} exitCode
 * @property {string | null} skipped   why there are no numbers
 * @property {string} note
 * @property {string[]} args         crdgen's arguments, to profile the same run
 */

/**
 * @param {{ crdgenBin: string, shared: string, runs: number, rss: RssMethod, cwd: string, log: (s: string) => void }} o
 * @returns {Promise<CheckResult[]>}
 */
export async function benchCheck(o) {
  const help = spawnSync(process.execPath, [o.crdgenBin, "check", "--help"], { encoding: "utf8" });
  const helpText = `${help.stdout}${help.stderr}`;
  const unavailable =
    help.status !== 0 ? `\`crdgen check --help\` exited ${help.status}: ${firstLines(helpText, 2)}` : null;

  const corpus = path.join(o.shared, "corpus", "crds");
  const crds = existsSync(corpus) ? yamlFilesUnder(corpus) : [];
  const corpusRun = {
    id: "check-corpus",
    label: `crdgen check, ${crds.length} corpus CRDs`,
    skip: unavailable ?? (crds.length ? null : `${corpus} not found`),
    args: ["check", ...crds],
  };

  const oracle = path.join(o.shared, "anchors", "k8s-validation", "instance-oracle");
  const cases = path.join(oracle, "CASES.tsv");
  const oracleCrds = existsSync(cases) ? crdsOfOracle(cases, path.join(o.shared, "corpus")) : [];
  const instances = existsSync(oracle) ? readdirSync(oracle).filter((f) => /^i\d+.*\.ya?ml$/.test(f)) : [];
  const instancesRun = {
    id: "check-instances",
    label: `crdgen check --instances, ${instances.length} instances of ${oracleCrds.length} CRDs`,
    skip:
      unavailable ??
      (!existsSync(cases)
        ? `${cases} not found`
        : /--instances/.test(helpText)
          ? null
          : "`crdgen check --help` does not list --instances"),
    // Assumed interface: CRDs as positionals, instances as a glob after --instances.
    args: ["check", ...oracleCrds, "--instances", path.join(oracle, "i*.yaml")],
  };

  /** @type {CheckResult[]} */
  const out = [];
  for (const r of [corpusRun, instancesRun]) {
    if (r.skip) {
      o.log(`  ${r.id}: skipped (${r.skip})`);
      out.push({
        id: r.id,
        label: r.label,
        wall: null,
        rss: null,
        cpu: null,
        exitCode: null,
        skipped: r.skip,
        note: "",
        args: r.args,
      });
      continue;
    }
    out.push(await timeCheck(r.id, r.label, r.args, o));
  }
  return out;
}

/**
 * @param {string} id
 * @param {string} label
 * @param {string[]} args
 * @param {{ crdgenBin: string, runs: number, rss: RssMethod, cwd: string, log: (s: string) => void }} o
 * @returns {Promise<CheckResult>}
 */
async function timeCheck(id, label, args, o) {
  /** @type {number[]} */
  const walls = [];
  /** @type {number[]} */
  const rss = [];
  /** @type {number[]} */
  const cpu = [];
  let exitCode = null;
  let note = "";
  for (let round = 0; round <= o.runs; round++) {
    const m = await measure(process.execPath, [o.crdgenBin, ...args], {
      cwd: o.cwd,
      rss: o.rss,
      keepStdout: true,
    });
    exitCode = m.code;
    if (m.code === null || m.code > 1 || /internal error/.test(m.stderrTail)) {
      const reason = `exit ${m.code ?? "signal"}: ${firstLines(m.stderrTail)}`;
      o.log(`  ${id}: failed (${reason})`);
      return { id, label, wall: null, rss: null, cpu: null, exitCode, skipped: reason, note: "", args };
    }
    // The last line is check's own summary ("N errors, M warnings in K files").
    note = lastLine(`${m.stdoutTail}\n${m.stderrTail}`);
    o.log(
      `  ${id} ${round === 0 ? "warm-up" : `run ${round}/${o.runs}`}: ${Math.round(m.wallMs)}ms exit ${m.code}`,
    );
    if (round === 0) continue;
    walls.push(m.wallMs);
    if (m.peakRssKiB !== null) rss.push(m.peakRssKiB);
    if (m.cpuMs !== null) cpu.push(m.cpuMs);
  }
  const summary = { wall: summarize(walls), rss: summarize(rss), cpu: summarize(cpu) };
  return { id, label, ...summary, exitCode, skipped: null, note, args };
}

/** @param {string} text */
function lastLine(text) {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? ""
  );
}

/** @param {string} dir */
function yamlFilesUnder(dir) {
  /** @type {string[]} */
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/**
 * CASES.tsv: instance, CRD path relative to the corpus, verdict, errors...; we need the CRDs.
 * @param {string} casesTsv
 * @param {string} corpus
 */
function crdsOfOracle(casesTsv, corpus) {
  const crds = new Set();
  for (const line of readFileSync(casesTsv, "utf8").split("\n")) {
    const crd = line.split("\t")[1];
    if (crd) crds.add(path.join(corpus, crd));
  }
  return [...crds].sort();
}
