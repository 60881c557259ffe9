// @ts-check
/**
 * Writes a synthetic TypeScript API surface of N interfaces that every benchmarked tool accepts.
 *
 * Shape: the root's spec references the first ten types, and every other type hangs under exactly
 * one parent (a 3-ary tree), so the spec reaches all N types and each is referenced once. A tree and
 * not a DAG on purpose: CRD schemas allow no `$ref`, so a type used twice is inlined twice and a
 * shared type would make output (and time) grow faster than the number of types we are measuring.
 *
 * Each interface has ten fields mixing scalars, optional fields, literal unions, tagged fields,
 * arrays, records, an inline nested object and up to three references to its children (as an
 * array, a nested object and a record). Types are split 100 to a file, with type-only imports
 * between files, as a real API spread over modules would be.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Direct children of the spec; everything else is reached through them. */
const TOP = 10;
const FAN_OUT = 3;
const PER_FILE = 100;

export const ROOT_TYPE = "BenchApp";
export const ROOT_FILE = "root.ts";

/**
 * @typedef {object} SyntheticCase
 * @property {string} dir       folder holding the generated files
 * @property {string} root      the entry file (imports all the others)
 * @property {string} tsconfig  a tsconfig.json listing only the entry file
 * @property {string} rootType  the exported root interface
 * @property {string[]} files   every generated .ts file
 */

/**
 * @param {string} dir  emptied and refilled
 * @param {number} count number of interfaces besides the root and its spec/status
 * @returns {SyntheticCase}
 */
export function writeSynthetic(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  /** @type {string[]} */
  const files = [];
  const emit = (/** @type {string} */ name, /** @type {string} */ text) => {
    writeFileSync(path.join(dir, name), text);
    files.push(path.join(dir, name));
  };

  // A local int32 alias: crdgen reads the name, the JSON-schema tools just see a number.
  emit("scalars.ts", "/** A 32-bit integer. */\nexport type int32 = number;\n");
  for (let first = 0; first < count; first += PER_FILE) {
    emit(fileOf(first), typesFile(first, Math.min(first + PER_FILE, count), count));
  }
  emit(ROOT_FILE, rootFile(count));
  const tsconfig = path.join(dir, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify(tsconfigFor([ROOT_FILE]), null, 2) + "\n");
  return { dir, root: path.join(dir, ROOT_FILE), tsconfig, rootType: ROOT_TYPE, files };
}

/**
 * The options crdgen would default to, minus ambient `@types` so that every tool loads the same
 * files: the generated types plus the standard library.
 * @param {string[]} files
 */
export function tsconfigFor(files) {
  return {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    files,
  };
}

/** @param {number} i */
const typeName = (i) => `Type${String(i).padStart(5, "0")}`;
/** @param {number} i */
const fileOf = (i) => `types-${String(Math.floor(i / PER_FILE)).padStart(3, "0")}.ts`;

/**
 * @param {number} i
 * @param {number} count
 */
function childrenOf(i, count) {
  const out = [];
  for (let c = TOP + FAN_OUT * i; c < TOP + FAN_OUT * (i + 1) && c < count; c++) out.push(c);
  return out;
}

/**
 * @param {number} first
 * @param {number} end
 * @param {number} count
 */
function typesFile(first, end, count) {
  const ownFile = fileOf(first);
  /** @type {Map<string, string[]>} */
  const imports = new Map();
  const bodies = [];
  for (let i = first; i < end; i++) {
    const children = childrenOf(i, count);
    for (const c of children) {
      const f = fileOf(c);
      if (f !== ownFile) imports.set(f, [...(imports.get(f) ?? []), typeName(c)]);
    }
    bodies.push(interfaceText(i, children));
  }
  const head = [`import type { int32 } from "./scalars.js";`];
  for (const [f, names] of imports)
    head.push(`import type { ${names.join(", ")} } from "./${f.replace(/\.ts$/, ".js")}";`);
  return head.join("\n") + "\n\n" + bodies.join("\n");
}

/** Scalar fields, used until an interface has ten fields; varied so every tool sees a realistic mix. */
const SCALARS = [
  "/** Name of the thing. @maxLength 63 */\n  name: string;",
  "/** How many copies to run. @minimum 0 */\n  replicas?: int32;",
  '/** How it is driven. */\n  mode: "Auto" | "Manual" | "Off";',
  "enabled?: boolean;",
  "tags?: string[];",
  "labels?: Record<string, string>;",
  "/** A time window. */\n  window?: { start: string; end?: string; days?: number[] };",
  "ratio: number;",
  '/** @default "Info" */\n  level?: "Debug" | "Info" | "Warn";',
  "weights?: Record<string, number>;",
];

/**
 * @param {number} i
 * @param {number[]} children
 */
function interfaceText(i, children) {
  const refs = children.map((c, k) => {
    const n = typeName(c);
    if (k === 0) return `/** Items of ${n}. @maxItems 100 */\n  items${k}?: ${n}[];`;
    if (k === 1) return `/** The nested ${n}. */\n  child${k}: ${n};`;
    return `byName${k}?: Record<string, ${n}>;`;
  });
  const fields = [...SCALARS.slice(0, 10 - refs.length), ...refs];
  return `/** ${typeName(i)} is synthetic API type number ${i}. */\nexport interface ${typeName(i)} {\n  ${fields.join("\n  ")}\n}\n`;
}

/** @param {number} count */
function rootFile(count) {
  const top = [];
  for (let i = 0; i < Math.min(TOP, count); i++) top.push(i);
  /** @type {Map<string, string[]>} */
  const imports = new Map();
  for (const i of top) imports.set(fileOf(i), [...(imports.get(fileOf(i)) ?? []), typeName(i)]);
  const lines = [`import type { int32 } from "./scalars.js";`];
  for (const [f, names] of imports)
    lines.push(`import type { ${names.join(", ")} } from "./${f.replace(/\.ts$/, ".js")}";`);
  const specFields = top.map((i) => `  part${i}?: ${typeName(i)};`);
  return `${lines.join("\n")}

/**
 * A synthetic API whose spec reaches all ${count} types.
 * @crd
 * @group bench.example.com
 * @version v1
 */
export interface ${ROOT_TYPE} {
  spec: ${ROOT_TYPE}Spec;
  status?: ${ROOT_TYPE}Status;
}

export interface ${ROOT_TYPE}Spec {
${specFields.join("\n")}
}

export interface ${ROOT_TYPE}Status {
  phase?: "Pending" | "Ready" | "Failed";
  observedGeneration?: int32;
}
`;
}
