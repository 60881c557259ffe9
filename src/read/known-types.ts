/**
 * Types recognised by name rather than by structure: integer aliases (users may declare
 * their own `type int32 = number`) and, later, the Kubernetes types crdgen exports.
 */
import { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrType } from "../ir/model.js";

export type KnownType = (origin: SourceLocation) => IrType;

const INTEGER_ALIASES: Record<string, string | undefined> = { int32: "int32", int64: "int64", integer: undefined };

export function knownTypeByName(name: string, decl: ts.Node): KnownType | undefined {
  if (name in INTEGER_ALIASES && ts.isTypeAliasDeclaration(decl)) {
    const format = INTEGER_ALIASES[name];
    return (origin) => ({ kind: "primitive", type: "integer", format, origin });
  }
  return undefined;
}
