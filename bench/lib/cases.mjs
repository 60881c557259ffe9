// @ts-check
/**
 * The inputs benchmarked: synthetic API surfaces of the requested sizes, and the repo's examples.
 *
 * Examples keep crdgen's normal behaviour (nearest tsconfig, i.e. the repo's), while tsc and the
 * JSON-schema tools get a tsconfig in the work folder that extends the repo's and lists only the
 * example's entry files, so that all of them compile the same files with the same options rather
 * than tsc checking the whole repo.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeSynthetic } from "./synth.mjs";

/** @typedef {import("./tools.mjs").BenchCase} BenchCase */

/**
 * @param {string} work
 * @param {number} size
 * @returns {BenchCase}
 */
export function syntheticCase(work, size) {
  const dir = path.join(work, "synthetic", `n${size}`);
  const s = writeSynthetic(dir, size);
  // Pin ESM semantics whatever package.json sits above the work folder.
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  return {
    id: `synthetic-${size}`,
    label: `${size.toLocaleString("en-US")} types`,
    size,
    entries: [s.root],
    tsconfig: s.tsconfig,
    rootFile: s.root,
    rootType: s.rootType,
  };
}

/**
 * @param {string} repo
 * @param {string} work
 * @returns {{ cases: BenchCase[], skipped: string[] }}
 */
export function exampleCases(repo, work) {
  const examples = path.join(repo, "examples");
  /** @type {BenchCase[]} */
  const cases = [];
  /** @type {string[]} */
  const skipped = [];
  if (!existsSync(examples)) return { cases, skipped: ["examples/: not found"] };
  for (const name of readdirSync(examples).sort()) {
    const manifest = path.join(examples, name, "crdgen.json");
    if (!existsSync(manifest)) continue;
    /** @type {{ entries?: string[] }} */
    const { entries = [] } = JSON.parse(readFileSync(manifest, "utf8"));
    const files = entries.map((e) => path.join(examples, name, e));
    const root = files
      .map((f) => ({ file: f, type: firstRoot(readFileSync(f, "utf8")) }))
      .find((r) => r.type);
    if (!root?.type) {
      skipped.push(`example ${name}: no @crd root found in ${entries.join(", ")}`);
      continue;
    }
    const dir = path.join(work, "examples", name);
    mkdirSync(dir, { recursive: true });
    const tsconfig = path.join(dir, "tsconfig.json");
    const config = {
      extends: path.relative(dir, path.join(repo, "tsconfig.json")),
      compilerOptions: { noEmit: true },
      include: [],
      files: files.map((f) => path.relative(dir, f)),
    };
    writeFileSync(tsconfig, JSON.stringify(config, null, 2) + "\n");
    cases.push({
      id: `example-${name}`,
      label: `examples/${name}`,
      size: null,
      entries: files,
      tsconfig,
      rootFile: root.file,
      rootType: root.type,
    });
  }
  return { cases, skipped };
}

/**
 * The first exported type whose JSDoc carries `@crd`. The single-type tools get only this one,
 * so on an example with several roots they do less work than crdgen (a conservative comparison).
 * @param {string} text
 */
function firstRoot(text) {
  const m =
    /\/\*\*(?:(?!\*\/)[\s\S])*?@crd\b(?:(?!\*\/)[\s\S])*\*\/\s*export\s+(?:interface|type)\s+(\w+)/.exec(
      text,
    );
  return m?.[1];
}
