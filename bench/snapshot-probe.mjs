#!/usr/bin/env node
// @ts-check
/**
 * A probe, not part of `npm run bench`: how much of a cold run a V8 startup snapshot could save
 * if it held TypeScript with the lib files of the program already parsed and bound. tsc and
 * crdgen both spend most of a small run on those files, and a bound lib SourceFile can serve a
 * new program, as it does in TypeScript's language service.
 *
 * Builds the snapshot (`node --build-snapshot`), then type-checks a synthetic API in alternating
 * processes: one started from the snapshot, one that loads TypeScript and parses the lib files
 * on the way. Both run the same check (createProgram, then every file's semantic diagnostics)
 * and report how long after the process started the program was checked.
 *
 *   node bench/snapshot-probe.mjs [--types 1000] [--runs 5]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { summarize } from "./lib/stats.mjs";
import { ROOT_FILE, writeSynthetic } from "./lib/synth.mjs";

const { values } = parseArgs({
  options: { types: { type: "string", default: "1000" }, runs: { type: "string", default: "5" } },
});
const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, ".work", "snapshot-probe");
const api = path.join(work, `synthetic-${values.types}`);
const require = createRequire(import.meta.url);
const typescriptFile = path.join(path.dirname(require.resolve("@ts-morph/common")), "typescript.js");
/** @type {typeof import("typescript")} */
const ts = require(typescriptFile);

mkdirSync(work, { recursive: true });
writeSynthetic(api, Number(values.types));

// The program's compiler options, and the lib files it reads, written out where both runs read them.
const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};
const libDir = path.join(work, "lib");
mkdirSync(libDir, { recursive: true });
/** @type {{ getLibFiles(): { fileName: string, text: string }[] }} */
const common = require("@ts-morph/common");
for (const f of common.getLibFiles()) writeFileSync(path.join(libDir, f.fileName), f.text);
const defaultLib = path.join(libDir, ts.getDefaultLibFileName(options));
const libs = ts
  .createProgram({
    rootNames: [path.join(api, ROOT_FILE)],
    options,
    host: hostFor(ts.createCompilerHost(options)),
  })
  .getSourceFiles()
  .map((f) => f.fileName)
  .filter((f) => path.dirname(f) === libDir);

/** @param {import("typescript").CompilerHost} host */
function hostFor(host) {
  host.getDefaultLibFileName = () => defaultLib;
  host.getDefaultLibLocation = () => libDir;
  return host;
}

// What both runs do, as CommonJS text: a snapshot's builder may require only Node's own modules.
const check = `
function check(ts, options, root, libDir, defaultLib, ready) {
  const host = ts.createCompilerHost(options);
  host.getDefaultLibFileName = () => defaultLib;
  host.getDefaultLibLocation = () => libDir;
  const read = host.getSourceFile;
  host.getSourceFile = (name, ...rest) => ready.get(name) ?? read.call(host, name, ...rest);
  const program = ts.createProgram({ rootNames: [root], options, host });
  let errors = 0;
  for (const sf of program.getSourceFiles()) if (!sf.isDeclarationFile) errors += program.getSemanticDiagnostics(sf).length;
  return { files: program.getSourceFiles().length, errors, checkedAtMs: Math.round(process.uptime() * 1000) };
}`;
const settings = JSON.stringify({
  typescriptFile,
  options,
  libs,
  libDir,
  defaultLib,
  root: path.join(api, ROOT_FILE),
});

const entry = path.join(work, "snapshot-entry.cjs");
writeFileSync(
  entry,
  `const fs = require("fs");
const v8 = require("v8");
const s = ${settings};
const module_ = { exports: {} };
new Function("module", "exports", "require", "__filename", "__dirname", fs.readFileSync(s.typescriptFile, "utf8"))(
  module_, module_.exports, require, s.typescriptFile, require("path").dirname(s.typescriptFile));
const ts = module_.exports;
${check}
// Parsed as the program parses them (its target), then bound, as a program binds them.
const ready = new Map(s.libs.map((name) => [name, ts.createSourceFile(name, fs.readFileSync(name, "utf8"), { languageVersion: s.options.target }, false)]));
for (const f of ready.values()) ts.bindSourceFile(f, s.options);
v8.startupSnapshot.setDeserializeMainFunction(() => {
  console.log(JSON.stringify(check(ts, s.options, s.root, s.libDir, s.defaultLib, ready)));
});
`,
);
const plain = path.join(work, "plain.cjs");
writeFileSync(
  plain,
  `const s = ${settings};
const ts = require(s.typescriptFile);
${check}
console.log(JSON.stringify(check(ts, s.options, s.root, s.libDir, s.defaultLib, new Map())));
`,
);

const blob = path.join(work, "snapshot.blob");
const started = performance.now();
execFileSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", entry], { stdio: "ignore" });
console.log(
  `snapshot of TypeScript and ${libs.length} lib files built in ${Math.round(performance.now() - started)} ms`,
);

/** @param {string[]} args */
function run(args) {
  const out = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`${args.join(" ")} failed: ${out.stderr}`);
  return /** @type {{ files: number, errors: number, checkedAtMs: number }} */ (JSON.parse(out.stdout));
}

/** @type {number[]} */
const fromSnapshot = [];
/** @type {number[]} */
const plainly = [];
for (let i = 0; i < Number(values.runs) + 1; i++) {
  const a = run(["--snapshot-blob", blob]);
  const b = run([plain]);
  if (a.files !== b.files || a.errors !== b.errors)
    throw new Error("the two runs checked different programs");
  if (i === 0) continue; // warm-up: the disk cache
  fromSnapshot.push(a.checkedAtMs);
  plainly.push(b.checkedAtMs);
}
console.log(`${values.types} types checked, from process start (median of ${values.runs}, min-max):`);
/** @param {string} label @param {number[]} times */
const line = (label, times) => {
  const t = summarize(times);
  if (t) console.log(`  ${label} ${t.median} ms (${t.min}-${t.max})`);
};
line("from the snapshot:", fromSnapshot);
line("plainly:          ", plainly);
