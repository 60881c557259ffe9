/**
 * Which top-level statements of an edited file's new version are its old ones, unchanged. A watch
 * session's reading of an interface depends on a few statements of each file it read from (the
 * declarations it reached, the imports it went through): when an edit left those as they were,
 * the reading holds for the new version too, once the nodes and positions it kept are moved to
 * where the same statements now are (read-cache.ts).
 *
 * Two versions pair up only when they have the same statements in the same order, each of the
 * same kind and name, and every statement whose text changed is a type declaration (an interface,
 * a type alias or an enum). Any other change (a statement added, removed, renamed or reordered, an
 * import or export edited, a variable changed) pairs nothing: name resolution in the file, or
 * something read without being named, may have changed. A statement's text is its full text,
 * leading comments and blank lines included.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const { SyntaxKind } = tsApi;

/** Statements whose content a reading depends on only when it reached them by name (see above). */
const TYPE_DECLARATIONS = new Set<ts.SyntaxKind>([
  SyntaxKind.InterfaceDeclaration,
  SyntaxKind.TypeAliasDeclaration,
  SyntaxKind.EnumDeclaration,
]);

export class StatementPairing {
  private constructor(
    readonly before: ts.SourceFile,
    readonly after: ts.SourceFile,
    /** Index of each statement of `before`, and of `after`. */
    private readonly indexOf: ReadonlyMap<ts.Node, number>,
    private readonly indexAfter: ReadonlyMap<ts.Node, number>,
    /** Whether statement i kept its text. */
    private readonly kept: readonly boolean[],
  ) {}

  /** The pairing of two versions of a file, or undefined when they do not pair up (see above). */
  static of(before: ts.SourceFile, after: ts.SourceFile): StatementPairing | undefined {
    const old = before.statements;
    const now = after.statements;
    if (old.length !== now.length) return undefined;
    const indexOf = new Map<ts.Node, number>();
    const indexAfter = new Map<ts.Node, number>();
    const kept: boolean[] = [];
    for (let i = 0; i < old.length; i++) {
      const a = old[i]!;
      const b = now[i]!;
      if (a.kind !== b.kind) return undefined;
      const same = a.end - a.pos === b.end - b.pos && fullText(before, a) === fullText(after, b);
      if (!same && (!TYPE_DECLARATIONS.has(a.kind) || declaredName(a) !== declaredName(b))) return undefined;
      indexOf.set(a, i);
      indexAfter.set(b, i);
      kept.push(same);
    }
    return new StatementPairing(before, after, indexOf, indexAfter, kept);
  }

  /** The old version of `statement` (a top-level statement of `after`) if its text is unchanged. */
  earlierStatement(statement: ts.Node): ts.Statement | undefined {
    const i = this.indexAfter.get(statement);
    return i !== undefined && this.kept[i] ? this.before.statements[i] : undefined;
  }

  /** The new version of `statement` (a top-level statement of `before`) if its text is unchanged. */
  keptStatement(statement: ts.Node): ts.Statement | undefined {
    const i = this.indexOf.get(statement);
    return i !== undefined && this.kept[i] ? this.after.statements[i] : undefined;
  }

  /** Where `node` of `before` is in `after`: found by its place in its statement, if that statement is unchanged. */
  keptNode(node: ts.Node): ts.Node | undefined {
    const statement = topLevelStatement(node);
    if (statement === undefined) return undefined;
    const now = this.keptStatement(statement);
    if (now === undefined) return undefined;
    const path = childPath(statement, node);
    const found = path && followPath(now, path);
    return found && found.kind === node.kind && found.end - found.pos === node.end - node.pos
      ? found
      : undefined;
  }

  /** How far the unchanged statement holding position `pos` of `before` moved in `after`; undefined if it changed. */
  shiftAt(pos: number): number | undefined {
    const statements = this.before.statements;
    // The last statement starting at or before pos (full starts, which leading comments belong to).
    let lo = 0;
    let hi = statements.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (statements[mid]!.pos <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || pos > statements[found]!.end || !this.kept[found]) return undefined;
    return this.after.statements[found]!.pos - statements[found]!.pos;
  }
}

/** The statement of its source file that `node` is in (itself, when it is one); undefined for a source file. */
export function topLevelStatement(node: ts.Node): ts.Statement | undefined {
  let current = node;
  while (current.parent !== undefined && current.parent.kind !== SyntaxKind.SourceFile)
    current = current.parent;
  return current.parent === undefined ? undefined : (current as ts.Statement);
}

function fullText(sf: ts.SourceFile, node: ts.Node): string {
  return sf.text.slice(node.pos, node.end);
}

function declaredName(node: ts.Node): string | undefined {
  const name = (node as ts.NamedDeclaration).name;
  return name && tsApi.isIdentifier(name) ? name.text : undefined;
}

/** Indices (among `forEachChild`'s children) from `ancestor` down to `node`; undefined if not reachable that way (a JSDoc node). */
function childPath(ancestor: ts.Node, node: ts.Node): number[] | undefined {
  const path: number[] = [];
  for (let current = node; current !== ancestor; current = current.parent) {
    const parent = current.parent;
    if (parent === undefined) return undefined;
    let index = 0;
    let at = -1;
    tsApi.forEachChild(parent, (child) => {
      if (child === current) {
        at = index;
        return true;
      }
      index++;
      return undefined;
    });
    if (at < 0) return undefined;
    path.push(at);
  }
  return path.reverse();
}

function followPath(from: ts.Node, path: readonly number[]): ts.Node | undefined {
  let current: ts.Node | undefined = from;
  for (const wanted of path) {
    let index = 0;
    let next: ts.Node | undefined;
    tsApi.forEachChild(current!, (child) => {
      if (index++ === wanted) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}
