/**
 * A property's description as an IDE's hover shows it, where the doc comment defers to another
 * declaration's:
 *
 * - a member re-declared with no description of its own (`interface C extends B { shared?: string }`)
 *   takes the description of the member it overrides, as TypeScript's hover does: the first of the
 *   types its interface `extends`, or its class `extends` or `implements`, that has the member;
 * - `{@inheritDoc B.x}` (TSDoc) stands for the description of `B.x`, resolved from the comment's
 *   place as a name written there would be (members `Type.member` or `Type#member`, imported names);
 *   `{@inheritDoc}` alone for the overridden member's;
 * - the `@inheritDoc` block tag puts the overridden member's description before its own.
 *
 * Only the description: a base member's tags are read with the base where crdgen reads them
 * (inherited-tags.ts), never by a comment that names it.
 *
 *   in:  interface B { /** The name. *\/ name?: string }  interface C extends B { name?: string }
 *   out: C's `name` described "The name."
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import { readDoc, type DocInfo } from "./jsdoc.js";

const { SymbolFlags, SyntaxKind } = tsApi;

/** Whether `doc` of a property may defer to another declaration's: a cheap test for every property. */
export function defersDescription(doc: DocInfo, decl: ts.Node): boolean {
  if (doc.description === undefined) return hasSuperTypes(decl.parent);
  return doc.description.includes("{@inheritDoc") || doc.tags.some((t) => t.name === "inheritDoc");
}

export interface InheritedDescription {
  description: string | undefined;
  /** The `{@inheritDoc}` references that name no declaration, as written; left in the description. */
  unresolved: string[];
}

/** `doc`'s description of property `decl`, completed as its IDE hover shows it (see above). */
export function inheritedDescription(
  doc: DocInfo,
  decl: ts.Declaration,
  checker: ts.TypeChecker,
): InheritedDescription {
  const unresolved: string[] = [];
  const description = describe(doc, decl, checker, unresolved, new Set([decl]));
  return { description, unresolved };
}

function describe(
  doc: DocInfo,
  decl: ts.Declaration,
  checker: ts.TypeChecker,
  unresolved: string[],
  seen: Set<ts.Node>,
): string | undefined {
  const own = doc.description;
  if (own === undefined) return overridden(decl, checker, seen);
  let text = own;
  if (own.includes("{@inheritDoc"))
    text = own.replace(INHERIT_DOC, (written: string, reference: string | undefined) => {
      const target = reference
        ? described(referenced(reference, decl, checker), checker, seen)
        : overridden(decl, checker, seen);
      if (target !== undefined) return target;
      // A bare `{@inheritDoc}` on a member that overrides none has nothing to say: it stays too.
      if (reference) unresolved.push(reference);
      return written;
    });
  if (doc.tags.some((t) => t.name === "inheritDoc")) {
    const base = overridden(decl, checker, seen);
    if (base !== undefined) text = `${base}\n${text}`;
  }
  return text.trim() || undefined;
}

/** `{@inheritDoc}` and `{@inheritDoc Reference}`. */
const INHERIT_DOC = /\{@inheritDoc(?:\s+([^\s}]+))?\s*\}/g;

/** The description of the member `decl` overrides, with what that one inherits in turn. */
function overridden(decl: ts.Declaration, checker: ts.TypeChecker, seen: Set<ts.Node>): string | undefined {
  const owner = decl.parent;
  const name = (decl as { name?: ts.Node }).name;
  if (!hasSuperTypes(owner) || !name) return undefined;
  const key = tsApi.isIdentifier(name) || tsApi.isStringLiteral(name) ? name.text : undefined;
  if (key === undefined) return undefined;
  for (const clause of owner.heritageClauses) {
    for (const superType of clause.types) {
      const member = checker.getPropertyOfType(checker.getTypeAtLocation(superType), key);
      // As the hover: the first super type with the member decides.
      if (member) return described(member, checker, seen);
    }
  }
  return undefined;
}

/** A symbol's description: its first declaration's that has one (each read once, against cycles). */
function described(
  symbol: ts.Symbol | undefined,
  checker: ts.TypeChecker,
  seen: Set<ts.Node>,
): string | undefined {
  for (const d of symbol?.declarations ?? []) {
    if (seen.has(d)) continue;
    seen.add(d);
    const text = describe(readDoc(d), d, checker, [], seen);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** What `reference` (`Type`, `Type.member`, `Type#member`, `ns.Type.member`) names from `at`. */
function referenced(reference: string, at: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const [first, ...rest] = reference.split(/[.#]/);
  let symbol = first
    ? checker.resolveName(first, at, SymbolFlags.Type | SymbolFlags.Value | SymbolFlags.Namespace, false)
    : undefined;
  for (const name of rest) {
    if (!symbol) return undefined;
    if (symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const exported = symbol.exports?.get(name as ts.__String);
    symbol = exported ?? checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(symbol), name);
  }
  if (symbol && symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol;
}

/** Whether `node` is a class with an `implements` clause. */
export function implementsAny(node: ts.Node | undefined): boolean {
  const clauses = node && (node as { heritageClauses?: ts.NodeArray<ts.HeritageClause> }).heritageClauses;
  return clauses?.some((c) => c.token === SyntaxKind.ImplementsKeyword) ?? false;
}

type WithSuperTypes = (ts.InterfaceDeclaration | ts.ClassLikeDeclaration) & {
  heritageClauses: ts.NodeArray<ts.HeritageClause>;
};

function hasSuperTypes(node: ts.Node | undefined): node is WithSuperTypes {
  if (!node) return false;
  const kind = node.kind;
  return (
    (kind === SyntaxKind.InterfaceDeclaration ||
      kind === SyntaxKind.ClassDeclaration ||
      kind === SyntaxKind.ClassExpression) &&
    (node as { heritageClauses?: unknown }).heritageClauses !== undefined
  );
}
