/**
 * What reading each named interface gave, and what it depended on, kept between the runs of
 * one long-lived session (watch mode, build plugins). A rebuild after an edit then reads again
 * only the interfaces the edit can have changed, instead of every type of the API.
 *
 * A record is reused only when its conversion is a function of what is still the same: the
 * interface's own declarations, its base interfaces, the declarations of its properties, the
 * imports along every name it follows to another type, and those types' declarations. A file
 * TypeScript kept (it keeps the SourceFile of an unchanged file from one program to the next) is
 * the same; in an edited file, the top-level statements whose text the edit left alone are, when
 * the file's statements still pair up one to one (statement-pairing.ts): the record is then
 * carried over, its nodes and origins moved to where the same statements are now. Conversions the
 * reader cannot tie to declarations (computed types such as `Pick<T>`, `T["k"]`, `typeof x`,
 * generics, intersections, enum members computed from other declarations) and readings that met a
 * name resolving to nothing (whichever file comes to declare it would change them) are not
 * recorded at all, and a change to a file that declares globals (a script, `declare global`,
 * `declare module`) drops every record.
 */
import type { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrDefinition } from "../ir/model.js";
import type { KnownType } from "./known-types.js";
import { declaresGlobals } from "./globals.js";
import { fileVersion, lazyPlace, shiftLocation } from "./location.js";
import { StatementPairing } from "./statement-pairing.js";
import { tsApi } from "./typescript.js";

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
  /**
   * The top-level statements the reading depended on (a source file: the whole file). A change of
   * their files, or a file's removal, makes the record stale, unless the edit left them as they were.
   */
  readonly statements: readonly ts.Node[];
}

export class ReadCache {
  private records = new WeakMap<ts.Node, ReadRecord>();
  private globals: ReadonlySet<ts.SourceFile> = new Set();
  private program: ts.Program | undefined;
  /**
   * Each file's version as the last read and this one found it, by name (only the files: keeping
   * the last program would keep its type checker).
   */
  private lastVersions = new Map<string, ts.SourceFile>();
  private versions = new Map<string, ts.SourceFile>();
  /** Pairings of earlier versions of edited files with their current ones, made once per read. */
  private pairings = new Map<ts.SourceFile, StatementPairing | null>();
  /** Counts of the last read, for tests and the bench: records reused and interfaces read. */
  reused = 0;
  stored = 0;
  /** Of the records reused, those carried over an edit of a file they read from. */
  carried = 0;

  /** Starts reading `program`; a changed file that declares globals drops every record. */
  begin(program: ts.Program): void {
    const globals = globalDeclarationFiles(program);
    if (globals.size !== this.globals.size || [...globals].some((f) => !this.globals.has(f))) {
      this.records = new WeakMap();
    }
    this.globals = globals;
    this.program = program;
    this.lastVersions = this.versions;
    this.versions = new Map(program.getSourceFiles().map((sf) => [sf.fileName, sf]));
    this.pairings = new Map();
    this.reused = 0;
    this.stored = 0;
    this.carried = 0;
  }

  /**
   * The record of `declaration`, if everything it depends on is unchanged; carried over from the
   * file's earlier version when an edit of it (or of a file the reading depended on) left the
   * statements it read from as they were.
   */
  get(declaration: ts.Node): ReadRecord | undefined {
    const program = this.program;
    if (!program) return undefined;
    const record = this.records.get(declaration) ?? this.recordBeforeEdit(declaration);
    if (!record) return undefined;
    for (const statement of record.statements) {
      const file = statement.getSourceFile();
      if (program.getSourceFile(file.fileName) !== file) return this.carriedOver(record, declaration);
    }
    return record;
  }

  set(declaration: ts.Node, record: ReadRecord): void {
    this.records.set(declaration, record);
    this.stored++;
  }

  /** For a top-level declaration of an edited file: the record of the same, unchanged statement in the version the last read saw. */
  private recordBeforeEdit(declaration: ts.Node): ReadRecord | undefined {
    const sf = declaration.parent;
    if (sf === undefined || sf.kind !== tsApi.SyntaxKind.SourceFile) return undefined;
    const before = this.lastVersions.get((sf as ts.SourceFile).fileName);
    if (before === undefined || before === sf) return undefined;
    const earlier = this.pairing(before, sf as ts.SourceFile)?.earlierStatement(declaration);
    return earlier && this.records.get(earlier);
  }

  /** `before` paired with `after`, its version in this read's program (one per file: kept for the read). */
  private pairing(before: ts.SourceFile, after: ts.SourceFile): StatementPairing | undefined {
    let pairing = this.pairings.get(before);
    if (pairing === undefined)
      this.pairings.set(before, (pairing = StatementPairing.of(before, after) ?? null));
    return pairing ?? undefined;
  }

  /**
   * `record`, whose statements include ones of edited files, for `declaration` now: when every statement it read
   * from in them is unchanged, with its nodes and origins moved to where those statements are now
   * (the origins in place: drafts and later stages hold the same ones). Undefined otherwise.
   */
  private carriedOver(record: ReadRecord, declaration: ts.Node): ReadRecord | undefined {
    const program = this.program!;
    const edited = new Map<ts.SourceFile, StatementPairing>();
    const statements: ts.Node[] = [];
    for (const statement of record.statements) {
      const file = statement.getSourceFile();
      const now = program.getSourceFile(file.fileName);
      if (now === undefined) return undefined;
      if (now === file) {
        statements.push(statement);
        continue;
      }
      // A whole-file dependency (the file itself) has no kept version: not carried over.
      const pairing = this.pairing(file, now);
      const kept = pairing?.keptStatement(statement);
      if (!pairing || !kept) return undefined;
      edited.set(file, pairing);
      statements.push(kept);
    }
    const moved = <T extends ts.Node>(node: T): T | undefined => {
      const pairing = edited.get(node.getSourceFile());
      return pairing ? (pairing.keptNode(node) as T | undefined) : node;
    };
    const refs: RecordedRef[] = [];
    for (const ref of record.refs) {
      const decl = moved(ref.decl);
      const at = moved(ref.at);
      const routeAt = ref.route.kind === "known" ? moved(ref.route.at) : undefined;
      if (!decl || !at || (ref.route.kind === "known" && !routeAt)) return undefined;
      const route: Route = ref.route.kind === "known" ? { ...ref.route, at: routeAt! } : ref.route;
      refs.push({ ...ref, decl, at, route });
    }
    const shifts = originShifts(record.definition, edited, program);
    if (!shifts) return undefined;
    for (const { origin, to, delta } of shifts) shiftLocation(origin, to, delta);
    const carried: ReadRecord = { definition: record.definition, refs, statements };
    this.records.set(declaration, carried);
    this.carried++;
    return carried;
  }
}

interface OriginShift {
  readonly origin: SourceLocation;
  readonly to: ts.SourceFile;
  readonly delta: number;
}

/**
 * How each origin in `definition` that points into an edited file moves (by the shift of the
 * unchanged statement holding it); undefined when one cannot: it is in a statement the edit
 * changed, in a file the reading did not depend on that changed, a plain location in an edited
 * file, or the definition holds something that is not plain data.
 */
function originShifts(
  definition: IrDefinition,
  edited: ReadonlyMap<ts.SourceFile, StatementPairing>,
  program: ts.Program,
): OriginShift[] | undefined {
  const byVersion = new Map<ts.SourceFileLike, StatementPairing>();
  const editedNames = new Set<string>();
  for (const [before, pairing] of edited) {
    byVersion.set(fileVersion(before), pairing);
    editedNames.add(before.fileName);
  }
  const shifts: OriginShift[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== "object" || value === null || seen.has(value)) return true;
    seen.add(value);
    const place = lazyPlace(value);
    if (place) {
      const pairing = byVersion.get(place.text);
      if (pairing === undefined) {
        // Elsewhere: in a file as it is now (the same version), or the record cannot be carried over.
        const now = program.getSourceFile(place.fileName);
        return now !== undefined && fileVersion(now) === place.text;
      }
      const delta = pairing.shiftAt(place.pos);
      if (delta === undefined) return false;
      shifts.push({ origin: value as SourceLocation, to: pairing.after, delta });
      return true;
    }
    if (Array.isArray(value)) return value.every(visit);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    const record = value as Record<string, unknown>;
    // A location worked out already cannot be moved.
    if (
      typeof record["file"] === "string" &&
      typeof record["line"] === "number" &&
      editedNames.has(record["file"])
    )
      return false;
    for (const key in record) if (!visit(record[key])) return false;
    return true;
  };
  return visit(definition) ? shifts : undefined;
}

/** The program's files that declare globals (see globals.ts). */
function globalDeclarationFiles(program: ts.Program): Set<ts.SourceFile> {
  return new Set(program.getSourceFiles().filter(declaresGlobals));
}
