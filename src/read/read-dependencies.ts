/**
 * What reading each named declaration depends on, for a session's read cache (read-cache.ts):
 * the top-level statements it read from, the named types it reached, and whether anything it
 * read escapes both (then its reading is not kept). Frames nest as declarations are reached
 * one from another; `frame` is the innermost, and undefined outside a session.
 */
import type { ts } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { dependencyOf, isLiteralInitializer } from "./declarations.js";
import type { RecordedRef } from "./read-cache.js";
import { tsApi } from "./typescript.js";

const { ObjectFlags, SymbolFlags } = tsApi;

/**
 * What reading one named declaration depends on, collected while it is read (only in a session
 * with a ReadCache): see read-cache.ts for when a record may be reused.
 */
export interface Frame {
  /** The property path the declaration was reached at (its references' paths extend it). */
  readonly path: string;
  /** The top-level statements read from (a source file itself: any of its statements). */
  readonly statements: Set<ts.Node>;
  /** Something was read that the statements above do not determine: the result is not recorded. */
  opaque: boolean;
  /** How many diagnostics there were when the frame opened, and how many nested frames reported. */
  readonly diagnosticsBefore: number;
  nestedDiagnostics: number;
  /** Diagnostics reported while this frame was the innermost one (set when it closes). */
  diagnostics: number;
  /** The named types the declaration refers to, in the order it reached them. */
  readonly refs: RecordedRef[];
}

export class ReadDependencies {
  /** The named declaration being read, when a cache records what it depends on. */
  frame: Frame | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly diagnostics: readonly Diagnostic[],
  ) {}

  openFrame(path: string): Frame {
    const frame: Frame = {
      path,
      statements: new Set(),
      opaque: false,
      diagnosticsBefore: this.diagnostics.length,
      nestedDiagnostics: 0,
      diagnostics: 0,
      refs: [],
    };
    this.frame = frame;
    return frame;
  }

  /** Ends `frame`: its count becomes its own diagnostics, and they are not the parent's. */
  closeFrame(frame: Frame, parent: Frame | undefined): void {
    const reported = this.diagnostics.length - frame.diagnosticsBefore;
    frame.diagnostics = reported - frame.nestedDiagnostics;
    if (parent) parent.nestedDiagnostics += reported;
    this.frame = parent;
  }

  /** The current declaration depends on the top-level statement holding `node`. */
  dependOn(node: ts.Node): void {
    this.frame?.statements.add(dependencyOf(node));
  }

  dependOnSymbol(symbol: ts.Symbol): void {
    for (const d of symbol.declarations ?? []) this.dependOn(d);
  }

  /**
   * A member's value is a function of its enum's declaration unless a member's initializer names
   * something else (an auto-numbered member counts on from the one before it).
   */
  dependOnEnumMember(member: ts.Symbol): void {
    this.dependOnSymbol(member);
    for (const d of member.declarations ?? []) {
      const members = tsApi.isEnumMember(d) ? d.parent.members : [];
      if (members.some((m) => m.initializer && !isLiteralInitializer(m.initializer)))
        this.frame!.opaque = true;
    }
  }

  /**
   * An interface's inherited properties also depend on its bases, and on the imports that
   * name them (an empty base that gains a property changes the interface).
   */
  dependOnBases(type: ts.Type, seen = new Set<ts.Type>()): void {
    const frame = this.frame;
    if (!frame || seen.has(type)) return;
    seen.add(type);
    this.dependOnSymbol(type.symbol);
    for (const d of type.symbol.declarations ?? []) {
      for (const clause of (d as ts.InterfaceDeclaration).heritageClauses ?? []) {
        for (const t of clause.types) this.resolve(this.checker.getSymbolAtLocation(t.expression));
      }
    }
    if (!((type as ts.ObjectType).objectFlags & ObjectFlags.ClassOrInterface)) return;
    for (const base of this.checker.getBaseTypes(type as ts.InterfaceType)) {
      const plain =
        base.symbol !== undefined &&
        ((base as ts.ObjectType).objectFlags & ObjectFlags.ClassOrInterface) !== 0 &&
        !((base as ts.InterfaceType).typeParameters?.length ?? 0);
      if (plain) this.dependOnBases(base, seen);
      else frame.opaque = true;
    }
  }

  /** The symbol an import or export alias stands for; the files along the way are dependencies. */
  resolve(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    if (!symbol || !(symbol.flags & SymbolFlags.Alias)) return symbol;
    const target = this.checker.getAliasedSymbol(symbol);
    if (this.frame) {
      for (let s: ts.Symbol | undefined = symbol; s && s.flags & SymbolFlags.Alias;) {
        this.dependOnSymbol(s);
        const next = this.checker.getImmediateAliasedSymbol(s);
        s = next === s ? undefined : next;
      }
      // An import that names nothing (yet) depends on whichever file comes to declare it.
      if (!target.declarations?.length) this.frame.opaque = true;
    }
    return target;
  }
}
