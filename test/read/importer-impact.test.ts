/**
 * Watch mode leaves unchecked an importer an edit cannot break (read/importer-impact.ts): one
 * that had no errors, holds only plain declarations, and imports from edited modules whose
 * exports kept their names, kinds and type parameters. Whatever the edits, a file left unchecked
 * must have no errors when the whole program is checked.
 */
import fc from "fast-check";
import type { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { exportSurface, importersToCheck } from "../../src/read/importer-impact.js";
import {
  checkFile,
  refreshProgram,
  semanticDiagnostics,
  type LoadedProgram,
} from "../../src/read/program.js";
import { tsApi } from "../../src/read/typescript.js";
import { EDITS, project } from "../helpers/edited-project.js";

function surface(text: string): string | undefined {
  return exportSurface(tsApi.createSourceFile("/p/x.ts", text, tsApi.ScriptTarget.ES2022, true));
}

describe("exportSurface", () => {
  it("is kept by edits to members, and changed by edits to names, kinds and type parameters", () => {
    const base = surface("export interface A { a: string }\nexport type B = A[];\ninterface Hidden {}\n");
    expect(surface("export interface A { a: number; b?: A }\nexport type B = A[] | null;\n")).toBe(base);
    expect(surface("export interface A2 { a: string }\nexport type B = A2[];\n")).not.toBe(base);
    expect(surface("export type A = { a: string };\nexport type B = A[];\n")).not.toBe(base);
    expect(surface("export interface A<T = string> { a: T }\nexport type B = A[];\n")).not.toBe(base);
    expect(surface("export interface A { a: string }\nexport type B = A[];\nexport enum C { X }\n")).not.toBe(
      base,
    );
  });

  it("is unknown for what importers could see otherwise", () => {
    expect(surface('export * from "./y";')).toBeUndefined();
    expect(surface("export default interface A {}")).toBeUndefined();
    expect(surface("declare global { interface G {} }\nexport {};")).toBeUndefined();
    expect(surface("interface Script {}")).toBeUndefined();
  });
});

/** A session's bookkeeping: files whose last check found nothing. */
function cleanFiles(loaded: LoadedProgram, clean: WeakSet<ts.SourceFile>, files: readonly string[]): void {
  for (const file of files) {
    const sf = loaded.program.getSourceFile(file)!;
    if (checkFile(loaded, sf).length > 0) clean.delete(sf);
    else clean.add(sf);
  }
}

const userFiles = (loaded: LoadedProgram) =>
  loaded.program
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile)
    .map((sf) => sf.fileName);

describe("importersToCheck", () => {
  it("leaves out only files a full check finds no errors in, after any sequence of edits", () => {
    let skippedSome = false;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 6 }),
        (picks) => {
          const { fs, loaded: first } = project();
          fs.writeFileSync(
            "/p/e.ts",
            'import type { C } from "./c";\nexport interface E extends C { n?: number }\n',
          );
          fs.writeFileSync(
            "/p/f.ts",
            'import type { C } from "./c";\nexport interface F { c: C; cs?: Record<string, C[]> }\n',
          );
          fs.writeFileSync(
            "/p/root.ts",
            `import type { E } from "./e";\nimport type { F } from "./f";\n${fs.readFileSync("/p/root.ts")}export interface Uses { e?: E; f?: F }\n`,
          );
          let loaded = refreshProgram(first, ["/p/root.ts"]);
          const clean = new WeakSet<ts.SourceFile>();
          cleanFiles(loaded, clean, userFiles(loaded));
          for (const pick of picks) {
            const edit = EDITS[pick]!;
            fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
            const before = loaded;
            loaded = refreshProgram(loaded, [edit.file]);
            const others = userFiles(loaded).filter((f) => f !== edit.file);
            const checked = importersToCheck(
              (f) => before.program.getSourceFile(f),
              loaded.program,
              [edit.file],
              others,
              (sf) => clean.has(sf),
            );
            const skipped = others.filter((f) => !checked.includes(f));
            if (skipped.includes("/p/f.ts")) skippedSome = true;
            const errorsIn = new Set(semanticDiagnostics(loaded).map((d) => d.location?.file));
            for (const file of skipped)
              expect(errorsIn.has(file), `${file} after "${edit.label}"`).toBe(false);
            cleanFiles(loaded, clean, userFiles(loaded));
          }
        },
      ),
      { numRuns: 25 },
    );
    // The property is not vacuous: a plain importer was left out somewhere.
    expect(skippedSome).toBe(true);
  });
});
