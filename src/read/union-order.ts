/**
 * The order in which a computed union's members are written. The checker orders a union's
 * members by when each type was first created, anywhere in the program: the enum of
 * `(typeof PHASES)[number]` for `["Pending", "Running", "Done"] as const` lists `Running` first
 * once another file mentions `"Running"` earlier. A CRD's enum should follow the source, and not
 * change with an unrelated edit.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const { SyntaxKind, TypeFlags } = tsApi;
const {
  isIndexedAccessTypeNode,
  isLiteralTypeNode,
  isParenthesizedTypeNode,
  isTypeAliasDeclaration,
  isTypeOperatorNode,
  isTypeReferenceNode,
  isUnionTypeNode,
} = tsApi;

/** Aliases followed from one written type (`type A = B`, `B = C`...) before giving up. */
const MAX_DEPTH = 8;

/**
 * `type`'s members (a union's, or the type alone) in the order `node` writes or declares them:
 * an `as const` array's elements, an object's properties (for `keyof` and `O[keyof O]`), a
 * written union's members, through aliases and `Exclude`/`Extract`. Members it does not find
 * keep the checker's order, after the others.
 */
export function sourceOrdered(type: ts.UnionType, node: ts.TypeNode, checker: ts.TypeChecker): ts.Type[] {
  const order = new Map<ts.Type, number>();
  for (const t of writtenOrder(node, checker, 0)) if (!order.has(t)) order.set(t, order.size);
  const rank = (t: ts.Type) => order.get(t) ?? order.size;
  // Array.prototype.sort is stable: members of equal rank keep the checker's order.
  return [...type.types].sort((a, b) => rank(a) - rank(b));
}

/** Whether the checker computes the members of what `node` writes, rather than `node` listing them. */
export function computesUnion(node: ts.TypeNode): boolean {
  if (isIndexedAccessTypeNode(node)) return !isLiteralTypeNode(node.indexType);
  return isTypeOperatorNode(node) && node.operator === SyntaxKind.KeyOfKeyword;
}

function writtenOrder(node: ts.TypeNode, checker: ts.TypeChecker, depth: number): readonly ts.Type[] {
  if (depth > MAX_DEPTH) return [];
  const next = (n: ts.TypeNode) => writtenOrder(n, checker, depth + 1);
  if (isParenthesizedTypeNode(node)) return next(node.type);
  if (isUnionTypeNode(node)) return node.types.flatMap(next);
  if (isTypeOperatorNode(node) && node.operator === SyntaxKind.KeyOfKeyword) {
    const object = checker.getTypeFromTypeNode(node.type);
    return checker.getPropertiesOfType(object).map((p) => checker.getStringLiteralType(p.getName()));
  }
  if (isIndexedAccessTypeNode(node)) {
    const object = checker.getTypeFromTypeNode(node.objectType);
    const values = checker.isTupleType(object)
      ? checker.getTypeArguments(object as ts.TypeReference)
      : checker.getPropertiesOfType(object).map((p) => checker.getTypeOfSymbol(p));
    return values.flatMap(members);
  }
  if (isTypeReferenceNode(node)) {
    const symbol = checker.getSymbolAtLocation(node.typeName);
    const target =
      symbol && symbol.flags & tsApi.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const alias = target?.declarations?.find(isTypeAliasDeclaration);
    if (!alias) return members(checker.getTypeFromTypeNode(node));
    const name = alias.name.text;
    // TypeScript's own filters keep their first argument's order.
    const filtered = (name === "Exclude" || name === "Extract") && node.typeArguments?.length === 2;
    if (filtered) return next(node.typeArguments![0]!);
    if (!alias.typeParameters) return next(alias.type);
  }
  return members(checker.getTypeFromTypeNode(node));
}

function members(type: ts.Type): readonly ts.Type[] {
  return type.flags & TypeFlags.Union ? (type as ts.UnionType).types : [type];
}
