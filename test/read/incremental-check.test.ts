/**
 * Watch mode type-checks again only the files an edit can have given errors
 * (read/incremental-check.ts) and reports the other files' errors from their last check: each
 * case compares what it reports after edits with a full check of the same program.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { InMemoryFileSystemHost } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import { transitiveImporters } from "../../src/read/importers.js";
import { IncrementalCheck } from "../../src/read/incremental-check.js";
import {
  loadProgram,
  refreshProgram,
  semanticDiagnostics,
  type LoadedProgram,
} from "../../src/read/program.js";

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, skipLibCheck: true, types: [], paths: { "@api/*": ["./api/*"] } },
});

/** A project on an in-memory file system; `edit` rewrites files and refreshes the program. */
function workspace(files: Record<string, string>) {
  const fs = new InMemoryFileSystemHost();
  fs.writeFileSync("/p/tsconfig.json", TSCONFIG);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(`/p/${name}`, text);
  let loaded = loadProgram({ entries: ["root.ts"], cwd: "/p", fileSystem: fs });
  return {
    get loaded(): LoadedProgram {
      return loaded;
    },
    edit(changes: Record<string, string>): LoadedProgram {
      for (const [name, text] of Object.entries(changes)) fs.writeFileSync(`/p/${name}`, text);
      loaded = refreshProgram(
        loaded,
        Object.keys(changes).map((n) => `/p/${n}`),
      );
      return loaded;
    },
  };
}

/** Files with errors, as "file: TSnnnn". */
const errors = (diagnostics: ReturnType<typeof semanticDiagnostics>) =>
  diagnostics.map((d) => `${d.location?.file.replace("/p/", "")}: ${d.message.slice(0, 6)}`);

/** Checks `after` incrementally and in full, and returns what both found (asserting they agree). */
function checkBoth(check: IncrementalCheck, loaded: LoadedProgram): string[] {
  const incremental = check.diagnostics(loaded);
  expect(incremental).toEqual(semanticDiagnostics(loaded));
  return errors(incremental);
}

const CHAIN = {
  "a.ts": "export interface A { x: string }\n",
  "b.ts": 'import type { A } from "./a";\nexport type B = A;\n',
  "c.ts": 'import type { B } from "./b";\nexport const c: B = { x: "s" };\n',
  "u.ts": "export const u: number = 1;\n",
  "root.ts":
    'import type { B } from "./b";\nimport "./c";\nimport "./u";\nexport interface Root { spec: B }\n',
};

describe("IncrementalCheck", () => {
  it("checks again a file that uses an edited type through another file", () => {
    const w = workspace(CHAIN);
    const check = new IncrementalCheck();
    expect(checkBoth(check, w.loaded)).toEqual([]);
    expect(checkBoth(check, w.edit({ "a.ts": "export interface A { x: number }\n" }))).toEqual([
      "c.ts: TS2322",
    ]);
    expect(checkBoth(check, w.edit({ "a.ts": CHAIN["a.ts"] }))).toEqual([]);
  });

  it("keeps reporting an error in a file no later edit touches", () => {
    const w = workspace(CHAIN);
    const check = new IncrementalCheck();
    checkBoth(check, w.loaded);
    expect(checkBoth(check, w.edit({ "u.ts": 'export const u: number = "one";\n' }))).toEqual([
      "u.ts: TS2322",
    ]);
    const unrelated = w.edit({ "a.ts": "export interface A { x: string; y?: string }\n" });
    expect(checkBoth(check, unrelated)).toEqual(["u.ts: TS2322"]);
  });

  it("checks everything again after an edit of a file declaring globals", () => {
    const w = workspace({
      ...CHAIN,
      "globals.d.ts": "declare var setting: number;\n",
      "u.ts": "export const u: number = setting;\n",
      "root.ts": `/// <reference path="./globals.d.ts" />\n${CHAIN["root.ts"]}`,
    });
    const check = new IncrementalCheck();
    expect(checkBoth(check, w.loaded)).toEqual([]);
    expect(checkBoth(check, w.edit({ "globals.d.ts": "declare var setting: string;\n" }))).toEqual([
      "u.ts: TS2322",
    ]);
  });

  it("after a run stopped by a syntax error, checks what changed since the last check", () => {
    const w = workspace(CHAIN);
    const check = new IncrementalCheck();
    checkBoth(check, w.loaded);
    // This run is not type-checked: the session stops at the syntax error.
    const broken = w.edit({ "a.ts": "export interface A { x: number }\n", "u.ts": "export const u = ;\n" });
    expect(broken.diagnostics).not.toEqual([]);
    expect(checkBoth(check, w.edit({ "u.ts": CHAIN["u.ts"] }))).toEqual(["c.ts: TS2322"]);
  });
});

describe("transitiveImporters", () => {
  it("follows relative imports, re-exports, folder imports and tsconfig paths, not the other way", () => {
    const w = workspace({
      "api/c.ts": "export interface C { n: number }\n",
      "api/index.ts": 'export type { C } from "./c";\n',
      "d.ts": 'import type { C } from "./api";\nexport interface D { c: C }\n',
      "e.ts": 'import type { C } from "@api/c";\nexport interface E { c: C }\n',
      "f.ts": 'import type { D } from "./d.js";\nexport interface F { d: D }\n',
      "root.ts":
        'import type { E } from "./e";\nimport type { F } from "./f";\nexport interface Root { e: E; f: F }\n',
    });
    const { program, host } = w.loaded;
    expect(transitiveImporters(program, host, ["/p/api/c.ts"])).toEqual([
      "/p/api/index.ts",
      "/p/d.ts",
      "/p/e.ts",
      "/p/f.ts",
      "/p/root.ts",
    ]);
    expect(transitiveImporters(program, host, ["/p/f.ts"])).toEqual(["/p/root.ts"]);
    expect(transitiveImporters(program, host, ["/p/root.ts"])).toEqual([]);
  });
});

describe("a sibling workspace package, linked into node_modules", () => {
  // TypeScript calls its sources an external library (found through node_modules), yet they are
  // the user's, edited in place: an importer of an edited one is checked again.
  const dir = mkdtempSync(path.join(os.tmpdir(), "crdgen-workspace-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const storage = "export interface Storage { size: string }\n";

  it("is followed to the files importing it, and an edit that breaks one is reported", () => {
    write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, types: [] } }));
    write(
      "packages/models/package.json",
      JSON.stringify({ name: "@acme/models", type: "module", exports: { ".": { types: "./src/index.ts" } } }),
    );
    write("packages/models/src/index.ts", 'export * from "./storage.js";\n');
    write("packages/models/src/storage.ts", storage);
    write(
      "packages/app/db.ts",
      'import type { Storage } from "@acme/models";\nexport interface Db { s: Storage }\n',
    );
    mkdirSync(path.join(dir, "node_modules", "@acme"), { recursive: true });
    symlinkSync(
      path.join(dir, "packages", "models"),
      path.join(dir, "node_modules", "@acme", "models"),
      "dir",
    );

    let loaded = loadProgram({ entries: ["packages/app/db.ts"], cwd: dir });
    const [db, index, edited] = ["app/db.ts", "models/src/index.ts", "models/src/storage.ts"].map((f) =>
      path.join(dir, "packages", f),
    );
    expect(transitiveImporters(loaded.program, loaded.host, [edited!])).toEqual([db, index]);

    const check = new IncrementalCheck();
    expect(check.diagnostics(loaded)).toEqual([]);
    write("packages/models/src/storage.ts", storage.replace("Storage", "Volume"));
    loaded = refreshProgram(loaded, [edited!]);
    const found = check.diagnostics(loaded);
    expect(found).toEqual(semanticDiagnostics(loaded));
    expect(found.map((d) => d.location?.file)).toEqual([db]);
  });
});
