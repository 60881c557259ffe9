/**
 * A small multi-file API that uses every kind of type reference crdgen reads (imports,
 * re-exports, inheritance, aliases, enums, known types, computed types, a generic's instantiation) and a value whose type
 * comes from other files through a chain of imports, with edits that
 * change it in the ways that matter to watch mode's caches. Tests apply random sequences of
 * edits and compare what a session computes with what a fresh run computes.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { expect } from "vitest";
import { loadProgram, type LoadedProgram } from "../../src/read/program.js";

export const FILES: Record<string, string> = {
  "/p/tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true, types: [] } }),
  "/p/scalars.ts": "/** A 32-bit integer. */\nexport type int32 = number;\n",
  "/p/root.ts": `import type { A } from "./a";
import type { Holder } from "./index";
import "./sample";
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
/** Declared above C: an edit of it moves C. */
export interface Before {
  b?: string;
}
/** A C. */
export interface C {
  w: string[];
  n?: int32;
}
`,
  "/p/page.ts": `/** A page. @minProperties 1 */
export interface Page<T> {
  items: T[];
}
`,
  "/p/d.ts": `import type { Before, C } from "./c";
import type { Page } from "./page";
export enum E { A = "a", B = "b" }
/** Its member's value is E's: an edit of E changes F (and the type F.X), whose text stays the same. */
export enum F { X = E.B }
export type Mode = "x" | "y";
export type Obj = { k: string };
export interface Holder {
  o: Obj;
  list?: Array<C>;
  indexed: Indexed;
  picked: Picked;
  paged?: Paged;
  before?: Before;
  flagged?: Flagged;
}
export interface Flagged { f?: F; x?: F.X }
export interface Indexed { i?: C["n"] }
export interface Picked { p: Pick<C, "w"> }
export interface Paged { pc: Page<C> }
`,
  "/p/index.ts": `export type { C } from "./c";
export type { Holder } from "./d";
`,
  // A value whose type reaches c.ts through index.ts and d.ts: an edit of C can break it.
  "/p/sample.ts": `import type { Holder } from "./index";
export const indexed: Holder["indexed"] = { i: 1 };
`,
};

/** One edit: a file and how its text changes (the same edit twice is allowed: it toggles or stacks). */
export interface Edit {
  file: string;
  apply(text: string): string;
  label: string;
}

export const EDITS: Edit[] = [
  ...["A", "B", "C", "Local", "Holder", "Page", "Before"].map((name) => ({
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
    file: "/p/base.ts",
    label: "toggle a rule on the base, which B inherits",
    apply: (t) =>
      t.startsWith("/**")
        ? t.replace(/^\/\*\*[^]*?\*\/\n/, "")
        : `/** @minProperties 1 @validation rule="size(self) < 9" */\n${t}`,
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
  toggle("/p/c.ts", "rename C (every importer breaks), or undo it", "interface C ", "interface Cx "),
  {
    file: "/p/c.ts",
    label: "give C a format Kubernetes does not know (a warning, every run)",
    apply: (t) =>
      t.includes("@format uint32") ? t : t.replace("  n?: int32;", "  /** @format uint32 */\n  n?: int32;"),
  },
  {
    file: "/p/c.ts",
    label: "add a line at the top of c.ts, which moves C and every place a diagnostic may point at there",
    apply: (t) => `// ${t.length}\n${t}`,
  },
  toggle(
    "/p/c.ts",
    "give C a rule naming a field it lacks (Kubernetes' validator refuses it), or undo it",
    "/** A C. */",
    '/** A C. @validation rule="self.nope > 1" */',
  ),
  toggle(
    "/p/a.ts",
    "make Local recursive (an error), or undo it",
    "{ l: boolean }",
    "{ l: boolean;\n  again?: Local;\n}",
  ),
  toggle(
    "/p/page.ts",
    "change the generic Page's doc comment and tag, or undo it",
    "A page. @minProperties 1",
    "Pages. @maxProperties 3",
  ),
  toggle(
    "/p/base.ts",
    "rename the base interface (B's heritage breaks), or undo it",
    "interface Base ",
    "interface Basex ",
  ),
  toggle(
    "/p/c.ts",
    "declare one more interface at the end of c.ts (its statements no longer pair up), or remove it",
    "  n?: int32;\n}\n",
    "  n?: int32;\n}\nexport interface After { a?: number }\n",
  ),
  toggle(
    "/p/d.ts",
    "document the enum above Holder (a statement above it changes), or undo it",
    'export enum E { A = "a", B = "b" }',
    '/** Letters. */\nexport enum E { A = "a", B = "b" }',
  ),
  toggle(
    "/p/sample.ts",
    "give the sample a value of the wrong type (a type error in that file alone), or undo it",
    "{ i: 1 }",
    '{ i: "one" }',
  ),
];

/** An edit that writes `to` in place of `from`, or, applied again, undoes that. */
function toggle(file: string, label: string, from: string, to: string): Edit {
  return { file, label, apply: (t) => (t.includes(to) ? t.replace(to, from) : t.replace(from, to)) };
}

function fileOf(name: string): string {
  return {
    A: "/p/a.ts",
    Local: "/p/a.ts",
    B: "/p/b.ts",
    C: "/p/c.ts",
    Before: "/p/c.ts",
    Holder: "/p/d.ts",
    Page: "/p/page.ts",
  }[name]!;
}

export function project(): { fs: InMemoryFileSystemHost; loaded: LoadedProgram } {
  const fs = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(FILES)) fs.writeFileSync(p, text);
  fs.writeFileSync("/p/c2.ts", "export interface C2 { other: number }\n");
  const loaded = loadProgram({ entries: ["root.ts"], cwd: "/p", fileSystem: fs });
  expect(loaded.diagnostics).toEqual([]);
  return { fs, loaded };
}
