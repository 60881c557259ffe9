/**
 * What `--no-type-check` still reports: names and modules TypeScript cannot find. Skipping type
 * checking skips type errors, but an unresolved name reads as TypeScript's error type, which is
 * `any`, so a misspelt import became an accept-anything field with no word said.
 *
 * Checking a file costs what type checking saves, so it is done only where it finds something:
 * a walk resolves each reference of a file (names only: no types are computed or compared), and
 * only a file with a reference that does not resolve is checked, for TypeScript's own messages
 * (with their did-you-mean), of which those about resolving names are kept. The walk may suspect
 * a file wrongly (that costs its check); what is reported is always TypeScript's.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

/** TypeScript's codes for a name, module or export it cannot find, or a name of the wrong kind. */
export const RESOLUTION_CODES: ReadonlySet<number> = new Set([
  ...[2304, 2552], // Cannot find name 'X'. (Did you mean 'Y'?)
  ...[2580, 2581, 2582, 2583, 2584, 2591, 2592, 2593], // Cannot find name 'X'. Do you need to install ...?
  ...[2503, 2833], // Cannot find namespace 'X'. (Did you mean 'Y'?)
  2694, // Namespace 'X' has no exported member 'Y'.
  ...[2307, 2792], // Cannot find module 'x' ...
  ...[2305, 2614, 2724], // Module 'x' has no exported member 'Y'. (Did you mean ...?)
  1192, // Module 'x' has no default export.
  2306, // File 'x' is not a module.
  7016, // Could not find a declaration file for module 'x' (it is `any`; an error under noImplicitAny).
  2749, // 'X' refers to a value, but is being used as a type here.
  2693, // 'X' only refers to a type, but is being used as a value here.
]);

/** Whether some reference in `sf` (a name, an import, a module) does not resolve to what it needs. */
export function hasUnresolvedReference(sf: ts.SourceFile, checker: ts.TypeChecker): boolean {
  const names = new NameResolution(checker);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (tsApi.isStringLiteral(node) ? isUnresolvedModule(node, checker) : names.isUnresolved(node)) {
      found = true;
      return;
    }
    tsApi.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A module specifier (`from "x"`, `import("x")` in a type, `require("x")` of `import =`) naming no module. */
function isUnresolvedModule(node: ts.StringLiteral, checker: ts.TypeChecker): boolean {
  const parent = node.parent;
  const isSpecifier =
    ((tsApi.isImportDeclaration(parent) || tsApi.isExportDeclaration(parent)) &&
      parent.moduleSpecifier === node) ||
    tsApi.isExternalModuleReference(parent) ||
    (tsApi.isLiteralTypeNode(parent) && tsApi.isImportTypeNode(parent.parent));
  return isSpecifier && checker.getSymbolAtLocation(node) === undefined;
}

class NameResolution {
  /** What each import alias leads to (undefined: nothing); a file names most of its imports twice. */
  private readonly targets = new Map<ts.Symbol, ts.Symbol | undefined>();

  constructor(private readonly checker: ts.TypeChecker) {}

  isUnresolved(node: ts.Node): boolean {
    if (!tsApi.isIdentifier(node)) return false;
    const parent = node.parent;
    const checker = this.checker;
    // What an import or export brings in must exist in its module.
    if (
      tsApi.isImportSpecifier(parent) ||
      tsApi.isExportSpecifier(parent) ||
      tsApi.isImportClause(parent) ||
      tsApi.isNamespaceImport(parent) ||
      tsApi.isImportEqualsDeclaration(parent)
    ) {
      if (parent.name !== node) return false;
      // `export { Local }` (no `from`) names a local declaration: resolved as a reference.
      const local = tsApi.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier;
      const symbol = local
        ? checker.getExportSpecifierLocalTargetSymbol(parent)
        : checker.getSymbolAtLocation(node);
      return symbol === undefined || this.target(symbol) === undefined;
    }
    if (tsApi.isShorthandPropertyAssignment(parent) && parent.name === node)
      return checker.getShorthandAssignmentValueSymbol(parent) === undefined;
    if (!isReference(node, parent)) return false;
    // In a type, TypeScript resolves a name as a type (a value named there does not count) and
    // stands a symbol of its own, with no declaration, for one it cannot find.
    const symbol = checker.getSymbolAtLocation(node);
    return symbol === undefined || this.target(symbol) === undefined;
  }

  /** The symbol itself, or what an import alias leads to; undefined for a stand-in for a name not found. */
  private target(symbol: ts.Symbol): ts.Symbol | undefined {
    if (!(symbol.flags & tsApi.SymbolFlags.Alias)) return isDeclared(symbol) ? symbol : undefined;
    if (this.targets.has(symbol)) return this.targets.get(symbol);
    const target = this.checker.getAliasedSymbol(symbol);
    const resolved = target !== symbol && isDeclared(target) ? target : undefined;
    this.targets.set(symbol, resolved);
    return resolved;
  }
}

/** Symbols TypeScript makes up for names that resolve: `undefined`, `arguments`, `globalThis`. */
const INTRINSIC = new Set(["undefined", "arguments", "globalThis"]);

/**
 * Whether a symbol has a declaration or is one of TypeScript's own. The stand-ins for names not
 * found (`unknown`, or one named as the name) have neither.
 */
function isDeclared(symbol: ts.Symbol): boolean {
  return (symbol.declarations?.length ?? 0) > 0 || INTRINSIC.has(symbol.name);
}

/**
 * Whether an identifier refers to something declared elsewhere, as opposed to naming what it
 * declares (`interface X`, `a: string`), a member it reads (`obj.member`, a type error when
 * missing, not a name error) or a label.
 */
function isReference(node: ts.Identifier, parent: ts.Node): boolean {
  if ((parent as { name?: ts.Node }).name === node) return false;
  if ((parent as { propertyName?: ts.Node }).propertyName === node) return false;
  if ((parent as { label?: ts.Node }).label === node) return false;
  if (tsApi.isConstTypeReference(parent)) return false; // `as const`
  // An import type's qualifier (`import("x").A.B`) is looked up in the module, and the module is checked.
  for (let n: ts.Node = parent; tsApi.isQualifiedName(n); n = n.parent)
    if (tsApi.isImportTypeNode(n.parent)) return false;
  return !tsApi.isImportTypeNode(parent);
}
