/**
 * Type errors across watch-mode rebuilds, without checking every file after every edit, and
 * reporting exactly what a full check would.
 *
 * Each file's semantic diagnostics are kept by SourceFile (an unchanged file keeps its SourceFile
 * when the program is refreshed). On the next check a file is checked again when it changed since
 * the last check, or when it imports a changed file, directly or through other files, and the
 * edit can break it (importer-impact.ts). Every other file reports what its last check found: a
 * file with errors keeps them until an edit fixes them. An edit to a file that can declare
 * globals (a script, `declare global`, `declare module "x"`) can break any file: all are checked.
 */
import type { ts } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { importersToCheck } from "./importer-impact.js";
import { transitiveImporters } from "./importers.js";
import { checkFile, type LoadedProgram } from "./program.js";
import { declaresGlobals } from "./globals.js";

export class IncrementalCheck {
  /** `check` finds one file's errors: all its type errors by default (see resolutionDiagnostics for the other). */
  constructor(
    private readonly check: (loaded: LoadedProgram, sf: ts.SourceFile) => Diagnostic[] = checkFile,
  ) {}

  private readonly found = new WeakMap<ts.SourceFile, readonly Diagnostic[]>();
  /** The program's files at the last check, by name. */
  private lastChecked: ReadonlyMap<string, ts.SourceFile> | undefined;

  /** Type errors in the user's files (as `semanticDiagnostics` reports them), rechecking only what edits can have changed. */
  diagnostics(loaded: LoadedProgram): Diagnostic[] {
    const { program } = loaded;
    const recheck = this.lastChecked && this.filesToCheck(this.lastChecked, loaded);
    const out: Diagnostic[] = [];
    for (const sf of program.getSourceFiles()) {
      if (sf.isDeclarationFile) continue;
      let found = recheck?.has(sf.fileName) === false ? this.found.get(sf) : undefined;
      if (!found) {
        found = this.check(loaded, sf);
        this.found.set(sf, found);
      }
      out.push(...found);
    }
    this.lastChecked = new Map(program.getSourceFiles().map((sf) => [sf.fileName, sf]));
    return out;
  }

  /** The files to check again; undefined for all of them. */
  private filesToCheck(
    before: ReadonlyMap<string, ts.SourceFile>,
    loaded: LoadedProgram,
  ): Set<string> | undefined {
    const { program } = loaded;
    const changed: string[] = [];
    for (const sf of program.getSourceFiles()) {
      const old = before.get(sf.fileName);
      if (old === sf) continue;
      if (declaresGlobals(sf) || (old && declaresGlobals(old))) return undefined;
      changed.push(sf.fileName);
    }
    for (const [name, old] of before) {
      if (program.getSourceFile(name)) continue;
      if (declaresGlobals(old)) return undefined;
      changed.push(name);
    }
    const importers = importersToCheck(
      (file) => before.get(file),
      program,
      changed,
      transitiveImporters(program, loaded.host, changed),
      (sf) => this.found.get(sf)?.length === 0,
    );
    return new Set([...changed, ...importers]);
  }
}
