/**
 * Facts about declarations and written type nodes that reading a field asks for: what kind of
 * declaration a node is, where it is written, what a written union holds.
 */
import type { ts } from "ts-morph";
import { topLevelStatement } from "./statement-pairing.js";
import { unparenthesized, type GenericDeclaration, type TypeArgScope } from "./type-arguments.js";
import { tsApi } from "./typescript.js";

const { SyntaxKind, ModifierFlags } = tsApi;
const {
  isClassDeclaration,
  isEnumDeclaration: isEnumDeclarationNode,
  isGetAccessorDeclaration,
  isIdentifier,
  isInterfaceDeclaration,
  isMappedTypeNode,
  isParameter,
  isParenthesizedTypeNode,
  isPropertyDeclaration,
  isSetAccessorDeclaration,
  isTypeAliasDeclaration,
  isTypeLiteralNode,
  isUnionTypeNode,
} = tsApi;

/** Whether `node` declares a type (an alias, interface, class or enum), not only a value. */
export function declaresType(node: ts.Declaration): boolean {
  return (
    isTypeAliasDeclaration(node) ||
    isInterfaceDeclaration(node) ||
    isClassDeclaration(node) ||
    isEnumDeclarationNode(node)
  );
}

/** Whether `symbol` is declared by an enum. */
export function isEnumDeclaration(symbol: ts.Symbol): boolean {
  return symbol.declarations?.some(isEnumDeclarationNode) ?? false;
}

/** A declaration that can have `extends` clauses naming its bases. */
export function isHeritageOwner(node: ts.Node): node is ts.InterfaceDeclaration | ts.ClassDeclaration {
  return isInterfaceDeclaration(node) || isClassDeclaration(node);
}

/** A declaration that can take type parameters and that the reader names: an interface, class or alias. */
export function isGenericDeclaration(node: ts.Node): node is GenericDeclaration {
  return isInterfaceDeclaration(node) || isClassDeclaration(node) || isTypeAliasDeclaration(node);
}

/** The generic declaration `node` is written in, if any. */
export function enclosingGeneric(node: ts.Node): GenericDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent)
    if (isGenericDeclaration(n) && n.typeParameters?.length) return n;
  return undefined;
}

/** Whether `node` is written inside `owner` itself, not inside a generic declaration nested in it. */
export function isWithin(node: ts.Node, owner: GenericDeclaration): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n === owner) return true;
    if (isGenericDeclaration(n)) return false;
  }
  return false;
}

/** Whether `node` is written inside `ancestor`. */
export function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** Of the instances an intersection was written with, the one whose generic declares `member`. */
export function instanceOwning(
  member: ts.Symbol,
  instances: readonly TypeArgScope[],
): TypeArgScope | undefined {
  if (instances.length === 0) return undefined;
  const decl = member.valueDeclaration ?? member.declarations?.[0];
  return decl && instances.find((scope) => isWithin(decl, scope.owner));
}

/** The name a property is declared with, when written as an identifier or a string. */
export function declaredName(decl: ts.Declaration): string | undefined {
  const name = (decl as ts.NamedDeclaration).name;
  return name && (isIdentifier(name) || name.kind === SyntaxKind.StringLiteral)
    ? (name as ts.Identifier | ts.StringLiteral).text
    : undefined;
}

/** A class's property, declared in its body or as a constructor's parameter (`constructor(public n: int32)`). */
export function hasWrittenType(
  decl: ts.Declaration,
): decl is ts.PropertyDeclaration | ts.ParameterDeclaration {
  return isPropertyDeclaration(decl) || isParameter(decl);
}

/** A get or set accessor, which lives on its class's prototype, not on an instance. */
export function isAccessor(decl: ts.Declaration): boolean {
  return isGetAccessorDeclaration(decl) || isSetAccessorDeclaration(decl);
}

/**
 * A `private` or `protected` field of an instance (a property declaration or a parameter
 * property), which TypeScript hides from callers but JSON holds all the same; not a method or
 * accessor, which live on the prototype.
 */
export function isHiddenInstanceField(decl: ts.Declaration): boolean {
  const flags = tsApi.getCombinedModifierFlags(decl);
  return (
    (isPropertyDeclaration(decl) || isParameter(decl)) &&
    (flags & ModifierFlags.Static) === 0 &&
    (flags & (ModifierFlags.Private | ModifierFlags.Protected)) !== 0
  );
}

/** A member declared `protected`. */
export function isProtected(decl: ts.Declaration): boolean {
  return (tsApi.getCombinedModifierFlags(decl) & ModifierFlags.Protected) !== 0;
}

/** A member declared `private`, `protected` or `static`: not a public field of an instance. */
export function isPrivateOrStatic(decl: ts.Declaration): boolean {
  const flags = tsApi.getCombinedModifierFlags(decl);
  return (flags & (ModifierFlags.Private | ModifierFlags.Protected | ModifierFlags.Static)) !== 0;
}

/** A written object type: a type literal or a mapped type. */
export function isObjectNode(node: ts.TypeNode): boolean {
  const bare = unparenthesized(node);
  return isTypeLiteralNode(bare) || isMappedTypeNode(bare);
}

/**
 * A written `T | undefined` whose checked type lost the `undefined` (`unknown | undefined` and
 * `any | undefined` are `unknown` and `any`): optional, as any other `T | undefined` is.
 */
export function writesUndefined(node: ts.TypeNode | undefined): boolean {
  if (!node) return false;
  if (isParenthesizedTypeNode(node)) return writesUndefined(node.type);
  return (
    isUnionTypeNode(node) &&
    node.types.some((t) => t.kind === SyntaxKind.UndefinedKeyword || writesUndefined(t))
  );
}

/**
 * A written union's members, those of a parenthesized union in it included: `(string | number) |
 * boolean` is one union of three to TypeScript, and so one refusal, not one per level.
 */
export function unionMembers(node: ts.UnionTypeNode): ts.TypeNode[] {
  return node.types.flatMap((member) => {
    let bare = member;
    while (isParenthesizedTypeNode(bare)) bare = bare.type;
    return isUnionTypeNode(bare) ? unionMembers(bare) : [member];
  });
}

/** Whether a written type names `symbol` anywhere inside it. */
export function mentions(node: ts.Node, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  if (isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol) return true;
  return tsApi.forEachChild(node, (child) => (mentions(child, symbol, checker) ? true : undefined)) ?? false;
}

/** `"a"`, `3`, `-1`: an enum member's value written as a literal. */
export function isLiteralInitializer(node: ts.Expression): boolean {
  if (node.kind === SyntaxKind.PrefixUnaryExpression) {
    const unary = node as ts.PrefixUnaryExpression;
    const sign = unary.operator === SyntaxKind.MinusToken || unary.operator === SyntaxKind.PlusToken;
    return sign && unary.operand.kind === SyntaxKind.NumericLiteral;
  }
  return (
    node.kind === SyntaxKind.StringLiteral ||
    node.kind === SyntaxKind.NoSubstitutionTemplateLiteral ||
    node.kind === SyntaxKind.NumericLiteral
  );
}

/** What a reading of `node` depends on: its top-level statement (a source file: the whole file). */
export function dependencyOf(node: ts.Node): ts.Node {
  return topLevelStatement(node) ?? node.getSourceFile();
}
