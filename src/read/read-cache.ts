/**
 * What reading each named interface gave, and what it depended on, kept between the runs of
 * one long-lived session (watch mode, build plugins). A rebuild after an edit then reads again
 * only the interfaces the edit can have changed, instead of every type of the API.
 *
 * A record is reused only when its conversion is a function of files that are still the same
 * source files (TypeScript keeps the SourceFile of an unchanged file from one program to the
 * next): the interface's own declarations, its base interfaces, the declarations of its
 * properties, the files along every import that names another type, and those types'
 * declarations. Conversions the reader cannot tie to files (computed types such as `Pick<T>`,
 * `T["k"]`, `typeof x`, generics, intersections) and readings that met a name resolving to nothing
 * (whichever file comes to declare it would change them) are not recorded at all, and a change to a file
 * that declares globals (a script, `declare global`, `declare module`) drops every record.
 */
import type { ts } from "ts-morph";
import type { IrDefinition } from "../ir/model.js";
import type { KnownType } from "./known-types.js";
import { declaresGlobals } from "./globals.js";

/** How the reader reached a named declaration, which decides how it is read. */
export type Route =
  /** An interface or class: its properties (the only kind of reading that is recorded). */
  | { readonly kind: "interface" }
  /** A known type (int32, IntOrString, V1PodSpec...), by name; `at` is where it was used. */
  | { readonly kind: "known"; readonly known: KnownType; readonly at: ts.Node }
  /** A type alias reached through a written reference: its written body. */
  | { readonly kind: "alias" }
  /** A type alias of an object type reached through a checked type: its properties. */
  | { readonly kind: "aliasObject" }
  | { readonly kind: "enum" };

/** A named type a declaration refers to: reached again, the same way, when its record is reused. */
export interface RecordedRef {
  readonly decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration | ts.ClassDeclaration;
  readonly route: Route;
  /** Where it was used, and its property path there after the referring declaration's own. */
  readonly at: ts.Node;
  readonly suffix: string;
  /** The name it had: a reference to it inside the recorded definition says this. */
  readonly name: string;
}

export interface ReadRecord {
  /** The definition as read (shared, never mutated: later stages copy what they change). */
  readonly definition: IrDefinition;
  /** Every named type the reading reached directly, in order. */
  readonly refs: readonly RecordedRef[];
  /** The files whose change or removal makes the record stale. */
  readonly files: readonly ts.SourceFile[];
}

export class ReadCache {
  private records = new WeakMap<ts.Node, ReadRecord>();
  private globals: ReadonlySet<ts.SourceFile> = new Set();
  private program: ts.Program | undefined;
  /** Counts of the last read, for tests and the bench: records reused and interfaces read. */
  reused = 0;
  stored = 0;

  /** Starts reading `program`; a changed file that declares globals drops every record. */
  begin(program: ts.Program): void {
    const globals = globalDeclarationFiles(program);
    if (globals.size !== this.globals.size || [...globals].some((f) => !this.globals.has(f))) {
      this.records = new WeakMap();
    }
    this.globals = globals;
    this.program = program;
    this.reused = 0;
    this.stored = 0;
  }

  /** The record of `declaration`, if every file it depends on is unchanged. */
  get(declaration: ts.Node): ReadRecord | undefined {
    const record = this.records.get(declaration);
    const program = this.program;
    if (!record || !program) return undefined;
    for (const file of record.files) if (program.getSourceFile(file.fileName) !== file) return undefined;
    return record;
  }

  set(declaration: ts.Node, record: ReadRecord): void {
    this.records.set(declaration, record);
    this.stored++;
  }
}

/** The program's files that declare globals (see globals.ts). */
function globalDeclarationFiles(program: ts.Program): Set<ts.SourceFile> {
  return new Set(program.getSourceFiles().filter(declaresGlobals));
}
