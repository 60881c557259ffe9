/**
 * The package's types, as a user's project sees them: the README's snippets compile as written
 * under each module resolution a project uses (nodenext, bundler, and node10 for older
 * tsconfigs, through `typesVersions`), and no `any` leaks out of the API.
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readmeSnippets } from "./readme-snippets.js";
import { scratchProject, type ScratchProject } from "./scratch-project.js";

/** Packages the snippets import beside crdgen (the bundlers), and Node's types. */
const LINKED = ["vite", "rollup", "esbuild", "webpack", "@types/node"];

const BASE: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  esModuleInterop: true,
  // The API's own declarations are checked too: a broken .d.ts would pass with skipLibCheck.
  skipLibCheck: false,
  types: ["node"],
};

const MODES: Record<string, ts.CompilerOptions> = {
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

/** TypeScript's errors for `files` of `project`, as tsc prints them ("" when there are none). */
function typeErrors(project: ScratchProject, files: string[], options: ts.CompilerOptions): string {
  const all = { ...BASE, ...options };
  // The project's folder is the current one: its node_modules/@types, not the repository's.
  const host = ts.createCompilerHost(all);
  host.getCurrentDirectory = () => project.dir;
  const program = ts.createProgram({
    rootNames: files.map((file) => path.join(project.dir, file)),
    options: all,
    host,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => project.dir,
    getNewLine: () => "\n",
  });
}

/**
 * Every value the API exports whose type, return type (awaited) or a parameter is `any`: as a
 * required property of the object assigned, so an error names each one.
 */
const NO_ANY = `
import * as api from "crdgen";
type IsAny<T> = 0 extends 1 & T ? true : false;
type AnyIn<T> = T extends (...args: infer P) => infer R
  ? IsAny<R> | IsAny<Awaited<R>> | { [K in keyof P]: IsAny<P[K]> }[number]
  : IsAny<T>;
type Leaks = { [K in keyof typeof api]: true extends AnyIn<(typeof api)[K]> ? K : never }[keyof typeof api];
export const leaks: { [K in Leaks]: K } = {};
`;

describe("the package's types in a user's project", () => {
  const snippets = readmeSnippets();

  it("finds the README's snippets", () => {
    // Declaring a CRD, the programmatic API, and the four bundler configurations.
    expect(snippets.map((s) => s.file)).toEqual(
      expect.arrayContaining(["vite.config.ts", "rollup.config.mjs", "build.mjs", "webpack.config.mjs"]),
    );
    expect(snippets.length).toBeGreaterThanOrEqual(6);
  });

  it.each(Object.keys(MODES))("compile as written under moduleResolution %s", (mode) => {
    const project = scratchProject("module", LINKED);
    for (const s of snippets) project.write(s.file, s.code);
    project.write("no-any.ts", NO_ANY);
    const files = [...snippets.map((s) => s.file), "no-any.ts"];
    expect(typeErrors(project, files, MODES[mode]!)).toBe("");
  });

  it("name every type the API's results and options are made of", () => {
    const project = scratchProject("module", LINKED);
    // A tool's own helpers over the API: each names a type rather than spelling it out.
    project.write(
      "helpers.ts",
      `import { formatDiagnostics, validateInstance, type ChangeKind, type CrdChange, type CustomResourceDefinition,
  type Diagnostic, type DocumentLocation, type FieldErrorType, type FormatOptions, type GenerateResult,
  type InstanceValidationResult, type OutputFile, type Severity } from "crdgen";
export const paths = (files: readonly OutputFile[]): string[] => files.map((f) => f.path);
export const contents = (r: GenerateResult): OutputFile[] => r.files;
export const print = (ds: Diagnostic[], options: FormatOptions): string => formatDiagnostics(ds, options);
export const errorsOnly = (s: Severity): boolean => s === "error";
export const check = (crd: CustomResourceDefinition, o: unknown): InstanceValidationResult => validateInstance(crd, o);
export const required = (t: FieldErrorType): boolean => t === "FieldValueRequired";
export const where = (c: CrdChange): DocumentLocation | undefined => c.location;
export const removal = (k: ChangeKind): boolean => k.endsWith("-removed");
`,
    );
    expect(typeErrors(project, ["helpers.ts"], MODES["nodenext"]!)).toBe("");
  });

  it("narrow a result on ok: only a successful one can be written", () => {
    const project = scratchProject("module", LINKED);
    project.write(
      "narrow.ts",
      `import { generate, writeOutput, type FailedGeneration, type GeneratedCrds } from "crdgen";
const result = generate({ entries: ["types.ts"] });
// @ts-expect-error: the result may have failed
await writeOutput(result);
if (result.ok) {
  const done: GeneratedCrds = result;
  await writeOutput(done);
} else {
  const failed: FailedGeneration = result;
  const none: 0 = failed.crds.length;
  console.log(none, failed.diagnostics);
}
`,
    );
    expect(typeErrors(project, ["narrow.ts"], MODES["nodenext"]!)).toBe("");
  });

  // Not crdgen/vite: vite's own types need nodenext or bundler.
  it("resolve each entry point under moduleResolution node10 (typesVersions)", () => {
    const project = scratchProject("commonjs", LINKED);
    project.write(
      "entries.ts",
      `import type { int32, GenerateResult } from "crdgen";
import type { IntOrString } from "crdgen/types";
import rollup from "crdgen/rollup";
import esbuild from "crdgen/esbuild";
import webpack from "crdgen/webpack";
export const n: int32 = 1;
export const port: IntOrString = "http";
export type Crds = GenerateResult["crds"];
export const plugins = [rollup, esbuild, webpack].map((plugin) => plugin({ entries: ["types.ts"] }));
`,
    );
    const node10: ts.CompilerOptions = {
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      // TypeScript 6 deprecates node10; TypeScript 5 projects, which use it most, do not need this.
      ignoreDeprecations: "6.0",
    };
    expect(typeErrors(project, ["entries.ts"], node10)).toBe("");
  });
});
