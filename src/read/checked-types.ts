/**
 * Facts about the checker's types that reading a field asks for: what a union holds besides
 * `undefined` and `null`, whether it is all literals, which interfaces declare it.
 */
import type { ts } from "ts-morph";
import { isHeritageOwner } from "./declarations.js";
import { tsApi } from "./typescript.js";

const { TypeFlags, SymbolFlags } = tsApi;

/** The members of `type` (itself, if no union) other than `undefined`. */
export function definedMembers(type: ts.Type): ts.Type[] {
  const members = type.flags & TypeFlags.Union ? (type as ts.UnionType).types : [type];
  return members.filter((t) => !(t.flags & TypeFlags.Undefined));
}

/** A union with `undefined` among its members (what an optional property checks as). */
export function admitsUndefined(type: ts.Type): boolean {
  return type.flags & TypeFlags.Union
    ? (type as ts.UnionType).types.some((t) => t.flags & TypeFlags.Undefined)
    : false;
}

/**
 * `never`, `undefined`, `void` or a union of them (`?: void` is `void | undefined`): an optional
 * property of such a type is never in JSON.
 */
export function holdsNoValue(type: ts.Type): boolean {
  const members = type.flags & TypeFlags.Union ? (type as ts.UnionType).types : [type];
  return members.every((t) => t.flags & (TypeFlags.Never | TypeFlags.Undefined | TypeFlags.Void));
}

/** Whether `type` is a union whose members, undefined aside, are all literals (`"A" | "B" | undefined`). */
export function isLiteralUnion(type: ts.Type): boolean {
  return (
    (type.flags & TypeFlags.Union) !== 0 &&
    definedMembers(type).every((t) => t.flags & (TypeFlags.Literal | TypeFlags.EnumLiteral))
  );
}

/** `T` for `T | undefined`, `T | null` or `T | null | undefined`; any other type as it is. */
export function withoutNullish(type: ts.Type): ts.Type {
  if (!(type.flags & TypeFlags.Union)) return type;
  const defined = (type as ts.UnionType).types.filter(
    (t) => !(t.flags & (TypeFlags.Undefined | TypeFlags.Null)),
  );
  return defined.length === 1 ? defined[0]! : type;
}

/** `T` for the `T | undefined` of an optional property; any other type as it is. */
export function withoutUndefined(type: ts.Type): ts.Type {
  if (!(type.flags & TypeFlags.Union)) return type;
  const defined = definedMembers(type);
  return defined.length === 1 ? defined[0]! : type;
}

/** TypeScript's error types (`any` standing for a name it could not resolve), by intrinsic name. */
export function isErrorType(type: ts.Type): boolean {
  const name = (type as { intrinsicName?: string }).intrinsicName;
  return name === "error" || name === "unresolved";
}

/** The literal type `true`. */
export function isTrue(type: ts.Type): boolean {
  return (type as { intrinsicName?: string }).intrinsicName === "true";
}

/** The interfaces and classes `type` is declared by: for an intersection, those of its members. */
export function heritageOwners(type: ts.Type): (ts.InterfaceDeclaration | ts.ClassDeclaration)[] {
  const members = type.flags & TypeFlags.Intersection ? (type as ts.IntersectionType).types : [type];
  return members.flatMap((t) => t.symbol?.declarations?.filter(isHeritageOwner) ?? []);
}

/**
 * The declaration of the property a key-remapping mapped type renamed
 * (`{ [K in keyof T as \`x-${K & string}\`]: T[K] }`): the checker links a filtered key's
 * property (`as Exclude<K, "kind">`) to its declarations, a renamed one only to its origin
 * (an internal field, read defensively). Its written type and doc comment are the value's.
 */
export function remappedDeclaration(symbol: ts.Symbol): ts.Declaration | undefined {
  if (!(symbol.flags & SymbolFlags.Transient)) return undefined;
  const origin = (symbol as { links?: { syntheticOrigin?: ts.Symbol } }).links?.syntheticOrigin;
  return origin?.valueDeclaration ?? origin?.declarations?.[0];
}
