/**
 * Watch mode reads again only what an edit can have changed (read/read-cache.ts). Whatever the
 * edits, a read that reuses earlier readings must give exactly the IR and diagnostics of a read
 * from scratch of the same program: sequences of edits are applied to a project that uses every
 * kind of type reference, and after each the two reads are compared.
 */
import fc from "fast-check";
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { read } from "../../src/generate.js";
import { loadProgram, refreshProgram, type LoadedProgram } from "../../src/read/program.js";
import { ReadCache } from "../../src/read/read-cache.js";

const FILES: Record<string, string> = {
  "/p/tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true, types: [] } }),
  "/p/scalars.ts": "/** A 32-bit integer. */\nexport type int32 = number;\n",
  "/p/root.ts": `import type { A } from "./a";
import type { Holder } from "./index";
/** @crd @group example.com @version v1 */
export interface Root { spec: A; status?: Holder }
`,
  "/p/a.ts": `import type { B } from "./b";
import type { C } from "./index";
import { E, type Mode } from "./d";
/** The A. */
export interface A {
  /** X. @maxLength 10 */
  x: string;
  b: B;
  bs?: B[];
  m: Record<string, C>;
  e?: E;
  mode: Mode;
  local?: Local;
}
export interface Local { l: boolean }
`,
  "/p/base.ts": "export interface Base {}\n",
  "/p/b.ts": `import type { C } from "./c";
import type { Base } from "./base";
export interface B extends Base {
  y?: number;
  c: C;
}
`,
  "/p/c.ts": `import type { int32 } from "./scalars";
/** A C. */
export interface C {
  w: string[];
  n?: int32;
}
`,
  "/p/d.ts": `import type { C } from "./c";
export enum E { A = "a", B = "b" }
export type Mode = "x" | "y";
export type Obj = { k: string };
export interface Holder {
  o: Obj;
  list?: Array<C>;
  indexed: Indexed;
  picked: Picked;
}
export interface Indexed { i?: C["n"] }
export interface Picked { p: Pick<C, "w"> }
`,
  "/p/index.ts": `export type { C } from "./c";
export type { Holder } from "./d";
`,
};

/** One edit: a file and how its text changes (the same edit twice is allowed: it toggles or stacks). */
interface Edit {
  file: string;
  apply(text: string): string;
  label: string;
}

const EDITS: Edit[] = [
  ...["A", "B", "C", "Local", "Holder"].map((name) => ({
    file: fileOf(name),
    label: `add a field to ${name}`,
    apply: (t: string) =>
      t.replace(new RegExp(`(interface ${name}\\b[^{]*\\{)`), `$1\n  added${name}?: string;`),
  })),
  {
    file: "/p/c.ts",
    label: "toggle C.n between int32 and string",
    apply: (t) =>
      t.includes("n?: int32") ? t.replace("n?: int32", "n?: string") : t.replace("n?: string", "n?: int32"),
  },
  {
    file: "/p/base.ts",
    label: "give the empty base (in a file of its own) a field",
    apply: (t) => t.replace("export interface Base {}", "export interface Base { fromBase?: string }"),
  },
  {
    file: "/p/a.ts",
    label: "declare a second C, which takes the name first",
    apply: (t) =>
      (t.includes("interface C ") ? t : `${t}export interface C { shadow: string }\n`).replace(
        "local?: Local;",
        "local?: Local;\n  first?: C;",
      ),
  },
  {
    file: "/p/d.ts",
    label: "change the enum and the literal union",
    apply: (t) => t.replace('B = "b"', 'B = "bb"').replace('"x" | "y"', '"x" | "z"'),
  },
  {
    file: "/p/d.ts",
    label: "turn Obj into a string alias",
    apply: (t) => t.replace("export type Obj = { k: string };", "export type Obj = string;"),
  },
  {
    file: "/p/index.ts",
    label: "re-export another C",
    apply: (t) =>
      t.includes("./c2")
        ? t
        : t.replace('export type { C } from "./c";', 'export type { C2 as C } from "./c2";'),
  },
  {
    file: "/p/c.ts",
    label: "document a field of C with a tag",
    apply: (t) => t.replace("  w: string[];", "  /** Words. @maxItems 3 */\n  w: string[];"),
  },
  {
    file: "/p/b.ts",
    label: "make B an alias of an object literal",
    apply: (t) => t.replace(/export interface B extends Base \{([^}]*)\}/, "export type B = {$1};"),
  },
];

function fileOf(name: string): string {
  return { A: "/p/a.ts", Local: "/p/a.ts", B: "/p/b.ts", C: "/p/c.ts", Holder: "/p/d.ts" }[name]!;
}

function project(): { fs: InMemoryFileSystemHost; loaded: LoadedProgram } {
  const fs = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(FILES)) fs.writeFileSync(p, text);
  fs.writeFileSync("/p/c2.ts", "export interface C2 { other: number }\n");
  const loaded = loadProgram({ entries: ["root.ts"], cwd: "/p", fileSystem: fs });
  expect(loaded.diagnostics).toEqual([]);
  return { fs, loaded };
}

/** A read with the cache and one from scratch of the same program, side by side. */
function readBoth(loaded: LoadedProgram, cache: ReadCache) {
  const cachedDiagnostics: Diagnostic[] = [];
  const cached = read(loaded, cachedDiagnostics, cache);
  const freshDiagnostics: Diagnostic[] = [];
  const fresh = read(loaded, freshDiagnostics);
  return { cached, fresh, cachedDiagnostics, freshDiagnostics };
}

function expectSameReads(loaded: LoadedProgram, cache: ReadCache): void {
  const { cached, fresh, cachedDiagnostics, freshDiagnostics } = readBoth(loaded, cache);
  expect([...cached.definitions.keys()]).toEqual([...fresh.definitions.keys()]);
  expect([...cached.definitions.values()]).toEqual([...fresh.definitions.values()]);
  expect(cached.roots).toEqual(fresh.roots);
  expect(cachedDiagnostics).toEqual(freshDiagnostics);
}

describe("ReadCache", () => {
  it("reuses every interface when nothing changed", () => {
    const { loaded } = project();
    const cache = new ReadCache();
    read(loaded, [], cache);
    expect(cache.reused).toBe(0);
    const recorded = cache.stored;
    expect(recorded).toBeGreaterThan(3);
    const again = refreshProgram(loaded, []);
    expectSameReads(again, cache);
    // Root's direct references are reached again; everything under them comes from the records.
    expect(cache.reused).toBeGreaterThan(0);
    expect(cache.stored).toBe(0);
  });

  it("reads again the edited file's interfaces and those that name them, not the others", () => {
    const { fs, loaded } = project();
    const cache = new ReadCache();
    read(loaded, [], cache);
    fs.writeFileSync("/p/c.ts", FILES["/p/c.ts"]!.replace("w: string[];", "w: string[];\n  v?: boolean;"));
    const after = refreshProgram(loaded, ["/p/c.ts"]);
    const diagnostics: Diagnostic[] = [];
    const model = read(after, diagnostics, cache);
    // C itself, and A, B and Holder, which name C; Local (in A's file, naming nothing) was not
    // read again; Indexed and Picked (C["n"], Pick<C>) are never recorded.
    expect(cache.stored).toBe(4);
    expect(cache.reused).toBe(1);
    const c = model.definitions.get("C")!.type;
    expect(c.kind === "object" && c.properties.map((p) => p.name)).toEqual(["w", "v", "n"]);
    expectSameReads(after, cache);
  });

  it("drops every record when a file declaring globals changes", () => {
    const { fs, loaded } = project();
    fs.writeFileSync("/p/globals.d.ts", "interface Extra { e: string }\n");
    fs.writeFileSync("/p/root.ts", `/// <reference path="./globals.d.ts" />\n${FILES["/p/root.ts"]}`);
    const withGlobals = refreshProgram(loaded, ["/p/root.ts"]);
    const cache = new ReadCache();
    read(withGlobals, [], cache);
    fs.writeFileSync("/p/globals.d.ts", "interface Extra { e: number }\n");
    const after = refreshProgram(withGlobals, ["/p/globals.d.ts"]);
    read(after, [], cache);
    expect(cache.reused).toBe(0);
  });

  it("gives the IR of a fresh read after any sequence of edits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 6 }),
        (picks) => {
          const { fs, loaded: first } = project();
          const cache = new ReadCache();
          read(first, [], cache);
          let loaded = first;
          for (const pick of picks) {
            const edit = EDITS[pick]!;
            fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
            loaded = refreshProgram(loaded, [edit.file]);
            expectSameReads(loaded, cache);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
