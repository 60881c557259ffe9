/**
 * What an `infer` in a conditional type takes from the checked type. The checker's answer to
 * `A extends (infer E)[] ? E : never` for `A = int32[]` is `number`: it forgot the int32, as it
 * does for every alias of a primitive. The pattern around the `infer` says where in the written
 * check type the answer was written, so the reader can read it from there, as it reads
 * `Spec["ports"][number]`:
 *
 *   (infer E)[], readonly (infer E)[], Array<infer E>, ReadonlyArray<infer E>  -> the list's item
 *   { name: infer V }                                                          -> the property `name`
 *   Box<infer V> (the user's generic)                                          -> the argument written for Box
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import { isFromLib, isNullishNode, unparenthesized } from "./type-arguments.js";

const { SyntaxKind } = tsApi;
const {
  isArrayTypeNode,
  isIdentifier,
  isInferTypeNode,
  isPropertySignature,
  isStringLiteral,
  isTypeLiteralNode,
  isTypeOperatorNode,
  isTypeReferenceNode,
  isUnionTypeNode,
} = tsApi;

export type InferredFrom =
  | { readonly kind: "item" }
  | { readonly kind: "property"; readonly name: string }
  | { readonly kind: "argument"; readonly generic: ts.Symbol; readonly index: number };

/**
 * Where the true branch of `node` takes its type from, when that branch is only a type that the
 * `extends` clause infers (`? E :`) in one of the patterns above; undefined otherwise.
 */
export function inferredFrom(
  node: ts.ConditionalTypeNode,
  checker: ts.TypeChecker,
): InferredFrom | undefined {
  const branch = unparenthesized(node.trueType);
  if (!isTypeReferenceNode(branch) || branch.typeArguments || !isIdentifier(branch.typeName))
    return undefined;
  const inferred = checker.getSymbolAtLocation(branch.typeName);
  if (!inferred) return undefined;
  const binds = (n: ts.TypeNode | undefined): boolean => {
    const bare = n && unparenthesized(n);
    return (
      bare !== undefined &&
      isInferTypeNode(bare) &&
      !bare.typeParameter.constraint &&
      checker.getSymbolAtLocation(bare.typeParameter.name) === inferred
    );
  };
  let pattern = unparenthesized(node.extendsType);
  // `(infer E)[] | undefined`, for an optional property's type.
  if (isUnionTypeNode(pattern)) {
    const defined = pattern.types.filter((t) => !isNullishNode(t));
    if (defined.length !== 1) return undefined;
    pattern = unparenthesized(defined[0]!);
  }
  if (isTypeOperatorNode(pattern) && pattern.operator === SyntaxKind.ReadonlyKeyword)
    pattern = unparenthesized(pattern.type);
  if (isArrayTypeNode(pattern)) return binds(pattern.elementType) ? { kind: "item" } : undefined;
  if (isTypeLiteralNode(pattern)) {
    const [member] = pattern.members;
    if (pattern.members.length !== 1 || !member || !isPropertySignature(member) || !binds(member.type))
      return undefined;
    const name = member.name;
    return isIdentifier(name) || isStringLiteral(name) ? { kind: "property", name: name.text } : undefined;
  }
  if (!isTypeReferenceNode(pattern) || !pattern.typeArguments) return undefined;
  const index = pattern.typeArguments.findIndex(binds);
  if (index === -1) return undefined;
  const generic = checker.getSymbolAtLocation(pattern.typeName);
  if (!generic) return undefined;
  const name = generic.getName();
  const list = (name === "Array" || name === "ReadonlyArray") && pattern.typeArguments.length === 1;
  return list && isFromLib(generic.declarations?.[0])
    ? { kind: "item" }
    : { kind: "argument", generic, index };
}
