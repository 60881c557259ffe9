/**
 * Type arguments as written. The checker instantiates `Box<Port>` to `Box<number>`: it forgets
 * aliases of primitives (`Port`, `int32`), whose tags and formats the user wrote. So the reader
 * reads a generic type's members from their written nodes, and a written type parameter (`T`) as
 * the argument written where the generic was used: a scope maps each parameter to that node,
 * with the scope the node itself was written in (`Outer<T>` passing its own `T` on to `Box<T>`).
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const { SymbolFlags, TypeFlags, ObjectFlags, SyntaxKind } = tsApi;
const { isTypeReferenceNode, isParenthesizedTypeNode } = tsApi;

export type GenericDeclaration = ts.InterfaceDeclaration | ts.ClassDeclaration | ts.TypeAliasDeclaration;

/** The written arguments of one use of a generic declaration. */
export interface TypeArgScope {
  readonly owner: GenericDeclaration;
  readonly args: ReadonlyMap<ts.Symbol, WrittenArg>;
}

export interface WrittenArg {
  readonly node: ts.TypeNode;
  /** The scope the node was written in (a default's is the scope it completes). */
  readonly scope: TypeArgScope | undefined;
}

/**
 * The scope of `decl<args>` written in `outer`; a parameter without an argument takes its
 * default, which may name earlier parameters. Undefined when an argument is missing and has no
 * default (the checker reported that already).
 */
export function writtenScope(
  checker: ts.TypeChecker,
  decl: GenericDeclaration,
  args: readonly ts.TypeNode[],
  outer: TypeArgScope | undefined,
): TypeArgScope | undefined {
  const params = decl.typeParameters ?? [];
  if (args.length > params.length) return undefined;
  const map = new Map<ts.Symbol, WrittenArg>();
  const scope: TypeArgScope = { owner: decl, args: map };
  for (const [i, param] of params.entries()) {
    const symbol = checker.getSymbolAtLocation(param.name);
    const written = args[i];
    const arg = written ? { node: written, scope: outer } : param.default && { node: param.default, scope };
    if (!symbol || !arg) return undefined;
    map.set(symbol, arg);
  }
  return scope;
}

/** Whether `symbol` is a type parameter. */
export function isTypeParameter(symbol: ts.Symbol): boolean {
  return (symbol.flags & SymbolFlags.TypeParameter) !== 0;
}

/** A written argument followed through the scopes that pass a parameter on (`T` -> `T` -> `Port`). */
export function resolveArg(arg: WrittenArg, checker: ts.TypeChecker): WrittenArg {
  let current = arg;
  for (let steps = 0; steps < 64; steps++) {
    const node = unparenthesized(current.node);
    if (!isTypeReferenceNode(node) || node.typeArguments) return current;
    const symbol = checker.getSymbolAtLocation(node.typeName);
    const next = symbol && isTypeParameter(symbol) ? current.scope?.args.get(symbol) : undefined;
    if (!next) return current;
    current = next;
  }
  return current;
}

/**
 * What tells two uses of a generic apart: the same named type or keyword written as each
 * argument gives the same key, so `Box<Port>` is read once however often it is used; any other
 * written argument (`Box<{ a: string }>`) is its own.
 */
export class ScopeKeys {
  private readonly ids = new Map<object, number>();

  key(scope: TypeArgScope, checker: ts.TypeChecker): string {
    const parts: string[] = [];
    for (const arg of scope.args.values()) {
      const { node } = resolveArg(arg, checker);
      const bare = unparenthesized(node);
      if (isTypeReferenceNode(bare) && !bare.typeArguments) {
        const symbol = checker.getSymbolAtLocation(bare.typeName);
        const target = symbol && symbol.flags & SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        parts.push(target ? `s${this.id(target)}` : `n${this.id(bare)}`);
      } else if (bare.kind >= SyntaxKind.FirstKeyword && bare.kind <= SyntaxKind.LastKeyword) {
        parts.push(`k${bare.kind}`);
      } else {
        parts.push(`n${this.id(bare)}`);
      }
    }
    return parts.join(",");
  }

  id(value: object): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size));
    return id;
  }
}

/**
 * Whether a type read from a written node still holds a type parameter (`Box<T>`, `T[]`,
 * `Pick<T, "a">`): its members are not known until the parameter is, so the checker's
 * instantiated type must be read instead.
 */
export function holdsTypeParameter(
  type: ts.Type,
  checker: ts.TypeChecker,
  seen: Set<ts.Type> = new Set(),
): boolean {
  // A recursive type (`type Json = ... | Json[]`) is met again: it adds nothing new.
  if (seen.has(type) || seen.size > 256) return false;
  seen.add(type);
  if (type.flags & TypeFlags.TypeParameter) return true;
  if (type.flags & TypeFlags.UnionOrIntersection)
    return (type as ts.UnionOrIntersectionType).types.some((t) => holdsTypeParameter(t, checker, seen));
  if (type.aliasTypeArguments?.some((t) => holdsTypeParameter(t, checker, seen))) return true;
  if (type.flags & TypeFlags.Object && (type as ts.ObjectType).objectFlags & ObjectFlags.Reference) {
    const reference = type as ts.TypeReference;
    if (reference.target !== reference)
      return checker.getTypeArguments(reference).some((t) => holdsTypeParameter(t, checker, seen));
  }
  return (type.flags & (TypeFlags.Index | TypeFlags.IndexedAccess | TypeFlags.Conditional)) !== 0;
}

/** `T` for a written `(T)` (or `((T))`). */
export function unparenthesized(node: ts.TypeNode): ts.TypeNode {
  let n = node;
  while (isParenthesizedTypeNode(n)) n = n.type;
  return n;
}

/** A written `undefined` or `null`. */
export function isNullishNode(node: ts.TypeNode): boolean {
  return (
    node.kind === SyntaxKind.UndefinedKeyword ||
    (tsApi.isLiteralTypeNode(node) && node.literal.kind === SyntaxKind.NullKeyword)
  );
}

/** Declared in TypeScript's own lib files (so `Date` is the real Date, not a user's). */
export function isFromLib(decl: ts.Node | undefined): boolean {
  if (!decl) return false;
  const file = decl.getSourceFile().fileName;
  return /[\\/]lib\.[\w.]+\.d\.ts$/.test(file) || /^\/?lib\.[\w.]+\.d\.ts$/.test(file);
}
