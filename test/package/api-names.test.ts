/**
 * Every crdgen type that a function of the programmatic API takes or returns can be named by a
 * user: it is exported from the package too. Otherwise a user who keeps a stage's result or cache
 * in a variable of their own (`let caches: RunCaches`) has no way to write its type.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const INDEX = `${REPO}src/index.ts`;

/** crdgen's own named types in `type`: itself, its union members, type arguments and array elements. */
function namedTypes(checker: ts.TypeChecker, type: ts.Type, out: Set<ts.Symbol>, depth = 0): void {
  if (depth > 3) return;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  const named = declaration && !ts.isTypeLiteralNode(declaration) && symbol!.name !== "__type";
  if (
    named &&
    declaration.getSourceFile().fileName.startsWith(REPO) &&
    !/node_modules/.test(declaration.getSourceFile().fileName)
  )
    out.add(symbol!);
  const parts = [
    ...(type.isUnionOrIntersection() ? type.types : []),
    ...(type.aliasTypeArguments ?? []),
    ...(type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference
      ? checker.getTypeArguments(type as ts.TypeReference)
      : []),
  ];
  for (const part of parts) namedTypes(checker, part, out, depth + 1);
}

it("exports every crdgen type the API's functions take or return", () => {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const program = ts.createProgram({ rootNames: [INDEX], options });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  const exports = checker.getExportsOfModule(module);
  const resolve = (s: ts.Symbol): ts.Symbol =>
    s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  const exported = new Set(exports.map(resolve));

  const unnamed: string[] = [];
  let functions = 0;
  for (const entry of exports) {
    const symbol = resolve(entry);
    if (!(symbol.flags & ts.SymbolFlags.Function)) continue;
    functions++;
    const declaration = symbol.valueDeclaration ?? symbol.declarations![0]!;
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    const used = new Set<ts.Symbol>();
    for (const signature of type.getCallSignatures()) {
      for (const parameter of signature.parameters)
        namedTypes(checker, checker.getTypeOfSymbolAtLocation(parameter, declaration), used);
      namedTypes(checker, signature.getReturnType(), used);
    }
    for (const s of used) if (!exported.has(s)) unnamed.push(`${entry.name} uses ${s.name}`);
  }
  expect(functions).toBeGreaterThan(15);
  expect(unnamed).toEqual([]);
}, 60_000);
