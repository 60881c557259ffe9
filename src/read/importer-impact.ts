/**
 * Which importers of edited modules an edit can give new type errors. Watch mode type-checks the
 * edited files and the files importing them, directly or not (incremental-check.ts). An importer
 * written only of plain declarations (interfaces without `extends`, aliases and enums whose types
 * are names, literals, unions, arrays, object literals and Array/Set/Record of those) never
 * compares an imported type's members with anything: an edit that keeps the edited module's
 * exports (their names, kinds and type parameters) cannot break it, so if it had no errors when
 * last checked it need not be checked again. Anything else is checked.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const { SyntaxKind } = tsApi;

/**
 * The importers (of `importers`) that must be checked again after `changed` files went from
 * their SourceFile `before` to the one in `after`; `clean`: whether a file had no errors
 * when it was last checked.
 */
export function importersToCheck(
  before: (file: string) => ts.SourceFile | undefined,
  after: ts.Program,
  changed: readonly string[],
  importers: readonly string[],
  clean: (file: ts.SourceFile) => boolean,
): string[] {
  const surfacesKept = changed.every((file) => {
    const old = before(file);
    const now = after.getSourceFile(file);
    const a = old && exportSurface(old);
    const b = now && exportSurface(now);
    return a !== undefined && a === b;
  });
  if (!surfacesKept) return [...importers];
  const checker = after.getTypeChecker();
  return importers.filter((file) => {
    const sf = after.getSourceFile(file);
    return !sf || !clean(sf) || !isPlain(sf, after, checker);
  });
}

/**
 * What importers can see of a module: each exported declaration's name, kind and type
 * parameters (how many, which have defaults). Undefined when it cannot be told simply (re-exports,
 * default exports, namespaces, augmentations, a script).
 */
export function exportSurface(sf: ts.SourceFile): string | undefined {
  if (!tsApi.isExternalModule(sf)) return undefined;
  const entries: string[] = [];
  for (const s of sf.statements) {
    if (tsApi.isImportDeclaration(s)) continue;
    if (
      tsApi.isExportDeclaration(s) ||
      tsApi.isExportAssignment(s) ||
      tsApi.isModuleDeclaration(s) ||
      tsApi.isImportEqualsDeclaration(s)
    )
      return undefined;
    const modifiers = tsApi.canHaveModifiers(s) ? tsApi.getModifiers(s) : undefined;
    if (!modifiers?.some((m) => m.kind === SyntaxKind.ExportKeyword)) continue;
    if (modifiers.some((m) => m.kind === SyntaxKind.DefaultKeyword)) return undefined;
    if (tsApi.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) entries.push(`${d.name.getText(sf)} value`);
      continue;
    }
    const named = s as ts.Statement & {
      name?: ts.Identifier;
      typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration>;
    };
    if (!named.name) return undefined;
    const params = (named.typeParameters ?? []).map((p) => (p.default ? "d" : "r")).join("");
    entries.push(`${named.name.text} ${SyntaxKind[s.kind]} ${params}`);
  }
  return entries.sort().join("\n");
}

const plainFiles = new WeakMap<ts.SourceFile, boolean>();

/** Whether `sf` holds only plain declarations (see the module comment). */
function isPlain(sf: ts.SourceFile, program: ts.Program, checker: ts.TypeChecker): boolean {
  let plain = plainFiles.get(sf);
  if (plain === undefined) {
    plain = sf.statements.every((s) => isPlainStatement(s, program, checker));
    plainFiles.set(sf, plain);
  }
  return plain;
}

function isPlainStatement(s: ts.Statement, program: ts.Program, checker: ts.TypeChecker): boolean {
  if (tsApi.isImportDeclaration(s)) {
    // Named imports only: a namespace or default import can be used in ways not looked at here.
    const clause = s.importClause;
    return !clause || (!clause.name && (!clause.namedBindings || tsApi.isNamedImports(clause.namedBindings)));
  }
  if (tsApi.isExportDeclaration(s)) return true;
  if (tsApi.isInterfaceDeclaration(s)) {
    return (
      !s.heritageClauses && !s.typeParameters && s.members.every((m) => isPlainMember(m, program, checker))
    );
  }
  if (tsApi.isTypeAliasDeclaration(s)) return !s.typeParameters && isPlainType(s.type, program, checker);
  if (tsApi.isEnumDeclaration(s)) {
    return s.members.every(
      (m) => !m.initializer || tsApi.isStringLiteral(m.initializer) || tsApi.isNumericLiteral(m.initializer),
    );
  }
  return false;
}

function isPlainMember(m: ts.TypeElement, program: ts.Program, checker: ts.TypeChecker): boolean {
  if (tsApi.isPropertySignature(m)) {
    return !tsApi.isComputedPropertyName(m.name) && (!m.type || isPlainType(m.type, program, checker));
  }
  if (tsApi.isIndexSignatureDeclaration(m)) return isPlainType(m.type, program, checker);
  return false;
}

/** Lib generics whose type parameters constrain nothing an imported type could break. */
const PLAIN_GENERICS = new Set(["Array", "ReadonlyArray", "Set", "ReadonlySet", "Record"]);

function isPlainType(t: ts.TypeNode, program: ts.Program, checker: ts.TypeChecker): boolean {
  switch (t.kind) {
    case SyntaxKind.StringKeyword:
    case SyntaxKind.NumberKeyword:
    case SyntaxKind.BooleanKeyword:
    case SyntaxKind.BigIntKeyword:
    case SyntaxKind.AnyKeyword:
    case SyntaxKind.UnknownKeyword:
    case SyntaxKind.NullKeyword:
    case SyntaxKind.UndefinedKeyword:
    case SyntaxKind.NeverKeyword:
    case SyntaxKind.ObjectKeyword:
    case SyntaxKind.LiteralType:
      return true;
    case SyntaxKind.ParenthesizedType:
      return isPlainType((t as ts.ParenthesizedTypeNode).type, program, checker);
    case SyntaxKind.ArrayType:
      return isPlainType((t as ts.ArrayTypeNode).elementType, program, checker);
    case SyntaxKind.TypeOperator: {
      const op = t as ts.TypeOperatorNode;
      return op.operator === SyntaxKind.ReadonlyKeyword && isPlainType(op.type, program, checker);
    }
    case SyntaxKind.UnionType:
      return (t as ts.UnionTypeNode).types.every((m) => isPlainType(m, program, checker));
    case SyntaxKind.TypeLiteral:
      return (t as ts.TypeLiteralNode).members.every((m) => isPlainMember(m, program, checker));
    case SyntaxKind.TypeReference: {
      const ref = t as ts.TypeReferenceNode;
      if (!ref.typeArguments) return true;
      if (!tsApi.isIdentifier(ref.typeName) || !PLAIN_GENERICS.has(ref.typeName.text)) return false;
      const symbol = checker.getSymbolAtLocation(ref.typeName);
      const fromLib = symbol?.declarations?.every((d) =>
        program.isSourceFileDefaultLibrary(d.getSourceFile()),
      );
      return fromLib === true && ref.typeArguments.every((a) => isPlainType(a, program, checker));
    }
    default:
      return false;
  }
}
