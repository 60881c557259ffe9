/**
 * Files whose declarations can change what a name means in any file, whether it imports them or
 * not: scripts (their top-level declarations are global, TypeScript's lib files among them) and
 * modules that augment the global scope (`declare global`) or other modules (`declare module "x"`).
 * A JSON file is neither, though TypeScript does not count it as a module.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

export function declaresGlobals(sf: ts.SourceFile): boolean {
  if (/\.json$/i.test(sf.fileName)) return false;
  return !tsApi.isExternalModule(sf) || sf.statements.some(isAugmentation);
}

function isAugmentation(statement: ts.Statement): boolean {
  return (
    tsApi.isModuleDeclaration(statement) &&
    ((statement.flags & tsApi.NodeFlags.GlobalAugmentation) !== 0 || tsApi.isStringLiteral(statement.name))
  );
}
