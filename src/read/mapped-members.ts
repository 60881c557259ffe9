/**
 * The members of a user's mapped type whose template changes a property's type
 * (`Lists<T> = { [K in keyof T]: T[K][] }`). The checker links each member to the property it
 * maps, so the member has that property's declaration, doc comment and tags, but not its type:
 * `T[K][]` over `name: string` is a list. Such a member is read from the template, `T[K]`
 * standing for the property as `Base["name"]` does (its written type and value tags); only the
 * tags that document the field stay on the member.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const { ObjectFlags, SyntaxKind, TypeFlags } = tsApi;
const { isIndexedAccessTypeNode, isMappedTypeNode, isTypeOperatorNode, isTypeReferenceNode } = tsApi;

/** The template of a mapped type over another type's keys, as written. */
export interface MappedTemplate {
  readonly node: ts.MappedTypeNode;
  /** The template, `T[K][]` of `{ [K in keyof T]: T[K][] }`. */
  readonly template: ts.TypeNode;
  /** The key parameter, `K`. */
  readonly key: ts.Symbol;
  /** The type whose keys are mapped, `T` of `keyof T`, and its written node. */
  readonly source: ts.Type;
  readonly operand: ts.TypeNode;
}

/**
 * The written template of `type` when it is a mapped type over the keys of a type
 * (`{ [K in keyof T]: ... }`, or `[P in K]` for `K extends keyof T`); undefined otherwise.
 * Asked of every object read: the flag test comes first.
 */
export function mappedTemplateOf(type: ts.Type, checker: ts.TypeChecker): MappedTemplate | undefined {
  if (!(type.flags & TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ObjectFlags.Mapped))
    return undefined;
  const node = type.symbol?.declarations?.[0];
  if (!node || !isMappedTypeNode(node) || !node.type) return undefined;
  const key = checker.getSymbolAtLocation(node.typeParameter.name);
  const operand = keysOf(node.typeParameter.constraint, checker);
  if (!key || !operand) return undefined;
  return { node, template: node.type, key, source: checker.getTypeFromTypeNode(operand), operand };
}

/** `T` for a written `keyof T`, or for a parameter `K` constrained to `keyof T`. */
function keysOf(constraint: ts.TypeNode | undefined, checker: ts.TypeChecker): ts.TypeNode | undefined {
  if (!constraint) return undefined;
  if (isTypeOperatorNode(constraint) && constraint.operator === SyntaxKind.KeyOfKeyword)
    return constraint.type;
  if (!isTypeReferenceNode(constraint)) return undefined;
  const parameter = checker.getSymbolAtLocation(constraint.typeName)?.declarations?.[0];
  if (!parameter || parameter.kind !== SyntaxKind.TypeParameter) return undefined;
  const inner = (parameter as ts.TypeParameterDeclaration).constraint;
  return inner && isTypeOperatorNode(inner) && inner.operator === SyntaxKind.KeyOfKeyword
    ? inner.type
    : undefined;
}

/** Whether `node` is the template's `T[K]`: the mapped key indexing the type whose keys are mapped. */
export function isMappedValue(node: ts.TypeNode, mapped: MappedTemplate, checker: ts.TypeChecker): boolean {
  if (!isIndexedAccessTypeNode(node) || !isTypeReferenceNode(node.indexType)) return false;
  if (checker.getSymbolAtLocation(node.indexType.typeName) !== mapped.key) return false;
  return checker.getTypeFromTypeNode(node.objectType) === mapped.source;
}

/**
 * Tags about the field itself, not its values: they stay on a member whose type the template
 * changed. The others move to `T[K]`, except `@default`, `@exampleValue` and `@immutable`, which
 * speak of the mapped property's values and fit no other type.
 */
const FIELD_TAGS = new Set(["title", "externalDocs", "deprecated", "description"]);

export function isFieldTag(name: string): boolean {
  return FIELD_TAGS.has(name);
}

/**
 * Whether two types are the same kind of JSON value (both objects, lists, strings, numbers or
 * booleans), `undefined` and `null` left out: a template the reader does not follow
 * (`T[K] extends object ? DeepPartial<T[K]> : T[K]`) keeps the property's tags when it keeps its kind.
 */
export function sameJsonKind(a: ts.Type, b: ts.Type, checker: ts.TypeChecker): boolean {
  const kindsOf = (t: ts.Type) => {
    const members = t.flags & TypeFlags.Union ? (t as ts.UnionType).types : [t];
    const kinds = new Set<string>();
    for (const m of members) {
      if (m.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)) continue;
      kinds.add(jsonKind(m, checker));
    }
    return kinds;
  };
  const x = kindsOf(a);
  const y = kindsOf(b);
  return x.size === y.size && [...x].every((k) => y.has(k));
}

function jsonKind(type: ts.Type, checker: ts.TypeChecker): string {
  const f = type.flags;
  if (f & TypeFlags.StringLike) return "string";
  if (f & TypeFlags.NumberLike) return "number";
  if (f & TypeFlags.BooleanLike) return "boolean";
  if (checker.isArrayType(type) || checker.isTupleType(type)) return "array";
  if (f & (TypeFlags.Object | TypeFlags.Intersection | TypeFlags.NonPrimitive)) return "object";
  return "other";
}
