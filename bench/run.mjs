#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: crdgen against tsc --noEmit (TS 6 baseline, TS 7 floor) and two TypeScript →
 * JSON Schema generators on synthetic API surfaces and the repo's examples; `crdgen check` on the
 * shared corpus; watch-mode rebuild when it exists. Writes bench/RESULTS.md and prints it.
 * See bench/README.md for what is measured and how.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { exampleCases, syntheticCase } from "./lib/cases.mjs";
import { benchCheck } from "./lib/check-bench.mjs";
import { compareTools } from "./lib/compare.mjs";
import { environment, freshMemoryCost, loadAverage, readCpuTimes, stealShare } from "./lib/environment.mjs";
import { formatMarkdown } from "./lib/format.mjs";
import { detectRssMethod } from "./lib/measure.mjs";
import { renderReport } from "./lib/report.mjs";
import { judge, profileSize } from "./lib/targets.mjs";
import { profileCrdgen, profileWatch } from "./lib/profile.mjs";
import { loadTools } from "./lib/tools.mjs";
import { benchWatch } from "./lib/watch-bench.mjs";

const HELP = `Usage: npm run bench -- [options]

  --runs N          timed runs per input, after 1 warm-up (default 5)
  --sizes LIST      synthetic sizes, comma-separated (default 10,100,1000,5000)
  --crdgen PATH     the crdgen bin to measure (default: this repo's bin/crdgen.js)
  --shared DIR      the shared data folder with corpus/ and anchors/ (default: ../shared)
  --out FILE        where to write the markdown (default: bench/RESULTS.md)
  --no-examples     skip the repo's examples/
  --no-check        skip crdgen check
  --no-watch        skip watch mode
  --profile         always take CPU profiles (generation at the largest size a target missed
                    at, else 1,000 types; watch at 1,000 types; check)
                    (by default only of what misses a target)
  --no-profile      never take one
`;

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const work = path.join(here, ".work");

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    sizes: { type: "string", default: "10,100,1000,5000" },
    crdgen: { type: "string", default: path.join(repo, "bin", "crdgen.js") },
    shared: { type: "string", default: path.resolve(repo, "..", "shared") },
    out: { type: "string", default: path.join(here, "RESULTS.md") },
    "no-examples": { type: "boolean", default: false },
    "no-check": { type: "boolean", default: false },
    "no-watch": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "no-profile": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const runs = Number(values.runs);
const sizes = values.sizes.split(",").filter(Boolean).map(Number);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a positive integer, got "${values.runs}"`);
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  usage(`--sizes must be positive integers, got "${values.sizes}"`);
const crdgenBin = path.resolve(values.crdgen);
if (!existsSync(crdgenBin)) usage(`${crdgenBin} not found`);
if (
  crdgenBin === path.join(repo, "bin", "crdgen.js") &&
  !existsSync(path.join(repo, "dist", "src", "cli", "main.js"))
) {
  usage("dist/ is missing: run `npm run build` first");
}

/** @param {string} s */
const log = (s) => process.stderr.write(s + "\n");
mkdirSync(work, { recursive: true });
const env = environment();
const rss = detectRssMethod();
const { tools, skipped } = loadTools(repo, crdgenBin);
log(`bench: ${tools.map((t) => `${t.id} ${t.version}`).join(", ")}; ${runs} runs; rss via ${rss}`);

const cases = [];
if (!values["no-examples"]) {
  const ex = exampleCases(repo, work);
  skipped.push(...ex.skipped);
  for (const c of ex.cases)
    cases.push({ case: c, results: await compareTools(c, tools, { runs, rss, cwd: repo, log }) });
}
const synthetic = [];
for (const size of sizes) {
  const c = syntheticCase(work, size);
  const results = await compareTools(c, tools, { runs, rss, cwd: repo, log });
  cases.push({ case: c, results });
  synthetic.push({ size, results });
}

const check = values["no-check"]
  ? []
  : await benchCheck({ crdgenBin, shared: values.shared, runs, rss, cwd: repo, log });
const watch = values["no-watch"]
  ? /** @type {const} */ ({
      available: false,
      reason: "watch mode: not measured (--no-watch)",
      skipped: true,
    })
  : await benchWatch({ crdgenBin, work, runs, cwd: repo, log });
if (!watch.available) log(watch.reason);

const verdicts = judge({ synthetic, check, watch });
const profiles = [];
const missed = (/** @type {string} */ area) => verdicts.some((v) => v.status === "MISS" && v.area === area);
const wantProfile = (/** @type {string} */ area) => !values["no-profile"] && (values.profile || missed(area));
// At the largest size that missed: what a profile at a smaller one shows may not be what costs there.
const generationProfileSize = profileSize(
  verdicts,
  synthetic.map((s) => s.size),
);
if (wantProfile("generation") && generationProfileSize !== undefined) {
  const c = syntheticCase(work, generationProfileSize);
  log(`  profiling crdgen at ${c.label}`);
  const markdown = profileCrdgen({
    crdgenBin,
    args: [...c.entries, "--stdout"],
    dir: path.join(work, "profile", `generate-${generationProfileSize}`),
    cwd: repo,
    what: `crdgen <${c.label}> --stdout`,
  });
  profiles.push({ title: `crdgen at ${c.label}`, markdown });
}
if (watch.available && wantProfile("watch")) {
  log("  profiling watch-mode rebuilds at 1,000 types");
  profiles.push({
    title: "crdgen --watch rebuilds at 1,000 types",
    markdown: await profileWatch({ crdgenBin, work, cwd: repo, log }),
  });
}
const corpusCheck = check.find((c) => c.id === "check-corpus" && c.wall);
if (corpusCheck && wantProfile("check")) {
  log("  profiling crdgen check on the corpus");
  const markdown = profileCrdgen({
    crdgenBin,
    args: corpusCheck.args,
    dir: path.join(work, "profile", "check-corpus"),
    cwd: repo,
    what: "crdgen check <corpus CRDs>",
  });
  profiles.push({ title: "crdgen check on the corpus", markdown });
}

const report = await formatMarkdown(
  renderReport({
    env,
    loadAtEnd: loadAverage(),
    freshMemoryAtEnd: freshMemoryCost(),
    steal: stealShare(env.cpuAtStart, readCpuTimes()),
    tools,
    skipped,
    runs,
    rss,
    cases,
    check,
    watch,
    verdicts,
    profiles,
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, ""),
  }),
  values.out,
);
writeFileSync(values.out, report);
process.stdout.write(report);

/** @param {string} message */
function usage(message) {
  process.stderr.write(`bench: ${message}\n\n${HELP}`);
  process.exit(2);
}
