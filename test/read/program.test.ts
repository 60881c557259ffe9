/**
 * Loading programs: the user's tsconfig (with `extends` and `paths`) decides how imports
 * resolve, config errors are located, the lib files come from ts-morph's bundle, and a
 * refresh re-reads exactly the files it is told about.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { InMemoryFileSystemHost } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import { loadProgram, refreshProgram, semanticDiagnostics } from "../../src/read/program.js";
import { LIB_FOLDER } from "../../src/read/compiler-host.js";
import { generate } from "../../src/generate.js";

const ROOT = `import type { Common } from "@api/common";
/** @crd @group example.com @version v1 */
export interface Widget { spec: Common }
`;

function memory(files: Record<string, string>): InMemoryFileSystemHost {
  const fs = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(files)) fs.writeFileSync(p, text);
  return fs;
}

describe("loadProgram", () => {
  it("refuses options a JavaScript caller may pass that crdgen cannot use, before loading anything", () => {
    const result = generate({
      entries: ["/types.ts"],
      cwd: "/",
      fileSystem: memory({}),
      format: "xml" as "yaml",
      maxDescriptionLength: Number.NaN,
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["CRD4004", 'format "xml" is not an output format.'],
      ["CRD4004", "maxDescriptionLength NaN is not a length."],
    ]);
    expect(
      generate({ entries: [], cwd: "/", fileSystem: memory({}), maxDescriptionLength: 0 }).diagnostics[0]!
        .code,
    ).toBe("CRD4001");
  });

  it("reports an empty list of entries as no input, not as a root missing from nothing", () => {
    const result = generate({ entries: [], cwd: "/", fileSystem: memory({}) });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["CRD4001", "No input files: entries is empty."],
    ]);
  });

  it("resolves imports through `paths` of an extended tsconfig (in memory)", () => {
    const fileSystem = memory({
      "/p/tsconfig.base.json": JSON.stringify({
        compilerOptions: { baseUrl: ".", paths: { "@api/*": ["api/*"] } },
      }),
      "/p/tsconfig.json": JSON.stringify({
        extends: "./tsconfig.base.json",
        compilerOptions: { strict: true },
      }),
      "/p/api/common.ts": "export interface Common { size: number }\n",
      "/p/types.ts": ROOT,
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
    expect(loaded.diagnostics).toEqual([]);
    expect(semanticDiagnostics(loaded)).toEqual([]);
    expect(loaded.program.getSourceFile("/p/api/common.ts")).toBeDefined();
  });

  it("type-checks a project with strictNullChecks off as its tsc does, and still reads `T | null` as nullable", () => {
    const types = `export const fallback: string = null;
/** @crd @group example.com @version v1 */
export interface Widget { spec: { name: string | null; count?: number } }
`;
    for (const options of [{ strict: false }, { strict: true, strictNullChecks: false }]) {
      const fileSystem = memory({
        "/p/tsconfig.json": JSON.stringify({ compilerOptions: options }),
        "/p/types.ts": types,
      });
      const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
      expect(semanticDiagnostics(loaded)).toEqual([]);
      const result = generate({ entries: ["types.ts"], cwd: "/p", fileSystem });
      expect(result.diagnostics).toEqual([]);
      const spec = result.ok
        ? result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec
        : {};
      expect(spec).toMatchObject({
        properties: { name: { type: "string", nullable: true } },
        required: ["name"],
      });
    }
    // Its own type errors are still reported, and with strictNullChecks on, null is one.
    const fileSystem = memory({
      "/p/tsconfig.json": JSON.stringify({ compilerOptions: { strict: false } }),
      "/p/types.ts": "export const n: number = 'one';\n",
      "/q/tsconfig.json": JSON.stringify({ compilerOptions: { strict: true } }),
      "/q/types.ts": types,
    });
    const loose = semanticDiagnostics(loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem }));
    expect(loose.map((d) => d.message)).toEqual([
      "TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
    const strict = semanticDiagnostics(loadProgram({ entries: ["types.ts"], cwd: "/q", fileSystem }));
    expect(strict.map((d) => d.message)).toEqual(["TS2322: Type 'null' is not assignable to type 'string'."]);
  });

  it("without the tsconfig the same import is a located type error", () => {
    const fileSystem = memory({
      "/p/api/common.ts": "export interface Common { size: number }\n",
      "/p/types.ts": ROOT,
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
    const [error] = semanticDiagnostics(loaded);
    expect(error?.message).toMatch(/^TS2307: Cannot find module '@api\/common'/);
    expect(error?.location).toMatchObject({ file: "/p/types.ts", line: 1, column: 29 });
  });

  it("reports a broken tsconfig with its location and code CRD4002", () => {
    const fileSystem = memory({
      "/p/tsconfig.json": '{ "compilerOptions": { "strict": tru } }',
      "/p/types.ts": ROOT,
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expect(loaded.diagnostics[0]).toMatchObject({
      code: "CRD4002",
      location: { file: "/p/tsconfig.json", line: 1 },
    });
  });

  it("takes a folder as tsconfig to mean the tsconfig.json in it, as tsc -p does", () => {
    const fileSystem = memory({
      "/p/config/tsconfig.json": JSON.stringify({ compilerOptions: { strict: false } }),
      "/p/types.ts": "export function echo(x) {\n  return x;\n}\n",
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem, tsconfig: "config" });
    // Its default `include` is its own folder: the entry is compiled with its options, with a warning.
    expect(loaded.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      "warning: types.ts is not in the files or include of config/tsconfig.json, so tsc -p would not check it; crdgen compiles it with its compiler options anyway.",
    ]);
    expect(loaded.configFiles).toEqual(["/p/config/tsconfig.json"]);
    expect(semanticDiagnostics(loaded)).toEqual([]);
    const missing = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem, tsconfig: "." });
    expect(missing.diagnostics.map((d) => d.message)).toEqual(["tsconfig not found: tsconfig.json"]);
  });

  it("reports an unknown compiler option of the tsconfig", () => {
    const fileSystem = memory({
      "/p/tsconfig.json": JSON.stringify({ compilerOptions: { strictt: true } }),
      "/p/types.ts": "export interface A { a: string }\n",
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("TS5025: Unknown compiler option 'strictt'. Did you mean 'strict'?"),
    ]);
  });

  it("ignores `include` (only entries and their imports are loaded), without a no-inputs error", () => {
    const fileSystem = memory({
      "/p/tsconfig.json": JSON.stringify({ include: ["nothing-here/**/*.ts"] }),
      "/p/other.ts": "export const broken: number = 'x';\n",
      "/p/types.ts": "export interface A { a: string }\n",
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
    // Not an error: a warning that tsc -p would not check the entry (test/cli/tsconfig.test.ts).
    expect(loaded.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(loaded.program.getSourceFile("/p/other.ts")).toBeUndefined();
  });

  it("takes lib files from ts-morph's bundle, following the tsconfig's target and lib", () => {
    const fileSystem = memory({
      "/p/tsconfig.json": JSON.stringify({ compilerOptions: { target: "ES2015", lib: ["es2015"] } }),
      "/p/types.ts": "export interface A { a: Partial<Record<string, number>> }\n",
    });
    const loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem });
    const libs = loaded.program
      .getSourceFiles()
      .filter((sf) => path.dirname(sf.fileName) === LIB_FOLDER)
      .map((sf) => path.basename(sf.fileName));
    expect(libs).toContain("lib.es2015.d.ts");
    expect(libs).not.toContain("lib.es2022.d.ts");
    expect(semanticDiagnostics(loaded)).toEqual([]);
  });
});

describe("declaration files the tsconfig takes in are loaded, as tsc loads them", () => {
  // A monorepo package's `types/` folder: globals, a module for an untyped package, an augmentation.
  const files = {
    "/p/node_modules/lib/package.json": JSON.stringify({ name: "lib", types: "index.d.ts" }),
    "/p/node_modules/lib/index.d.ts": "export interface Base { name: string }\n",
    "/p/types/global.d.ts": [
      "declare global { interface Labels { team: string } }",
      'declare module "lib" {',
      "  interface Base {",
      "    /** @maxLength 5 */",
      "    added?: string;",
      "  }",
      "}",
      "export {};",
    ].join("\n"),
    "/p/types/untyped.d.ts": 'declare module "untyped" { export interface U { u: number } }\n',
    // Tagged, yet no root: roots are the entries' (and their re-exports').
    "/p/types/stray.d.ts":
      "/** @crd @group example.com @version v1 */\nexport interface Stray { spec: { a: string } }\n",
    "/p/src/widget.ts": [
      'import type { Base } from "lib";',
      'import type { U } from "untyped";',
      "/** @crd @group example.com @version v1 */",
      "export interface Widget { spec: { base: Base; labels: Labels; u: U } }",
    ].join("\n"),
  };

  it("globals, `declare module` and augmentations no entry imports reach the schema", () => {
    const fileSystem = memory({
      ...files,
      "/p/tsconfig.json": JSON.stringify({ include: ["src", "types"] }),
    });
    const result = generate({ entries: ["src/widget.ts"], cwd: "/p", fileSystem, maxDescriptionLength: 0 });
    expect(result.diagnostics).toEqual([]);
    expect(result.crds.map((c) => c.metadata.name)).toEqual(["widgets.example.com"]);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!["spec"]!;
    expect(spec.properties!["base"]!.properties).toEqual({
      name: { type: "string" },
      added: { type: "string", maxLength: 5 },
    });
    expect(spec.properties!["labels"]!.required).toEqual(["team"]);
    expect(spec.properties!["u"]!.required).toEqual(["u"]);
  });

  it("only those its include takes in, and not a .d.ts beside its .ts (tsc leaves it out too)", () => {
    const fileSystem = memory({
      ...files,
      "/p/tsconfig.json": JSON.stringify({ include: ["src"] }),
      "/p/src/side.ts": "export interface Side { s: string }\n",
      "/p/src/side.d.ts": "declare global { interface Labels { side: string } }\nexport {};\n",
    });
    const loaded = loadProgram({ entries: ["src/widget.ts"], cwd: "/p", fileSystem });
    expect(loaded.entryNames).toEqual(["/p/src/widget.ts"]);
    expect(loaded.rootNames).toEqual(["/p/src/widget.ts"]);
    expect(semanticDiagnostics(loaded).map((d) => d.message)).toEqual([
      expect.stringContaining("Cannot find module 'untyped'"),
      expect.stringContaining("Cannot find name 'Labels'"),
    ]);
  });
});

describe("loadProgram on the disk, and refreshProgram", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crdgen-program-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("re-reads a changed file and reuses the others", () => {
    mkdirSync(path.join(dir, "api"));
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
    writeFileSync(path.join(dir, "api", "common.ts"), "export interface Common { size: number }\n");
    writeFileSync(path.join(dir, "types.ts"), ROOT.replace("@api/common", "./api/common.js"));
    const loaded = loadProgram({ entries: ["types.ts"], cwd: dir });
    expect([...loaded.diagnostics, ...semanticDiagnostics(loaded)]).toEqual([]);
    const common = path.join(dir, "api", "common.ts");
    const before = loaded.program.getSourceFile(common);
    const entry = loaded.program.getSourceFile(path.join(dir, "types.ts"));

    writeFileSync(common, "export interface Common { size: string }\n");
    const unrefreshed = refreshProgram(loaded, []);
    expect(unrefreshed.program.getSourceFile(common)).toBe(before);

    const refreshed = refreshProgram(unrefreshed, [common]);
    expect(refreshed.program.getSourceFile(common)?.text).toContain("size: string");
    expect(refreshed.program.getSourceFile(path.join(dir, "types.ts"))).toBe(entry);
  });
});
