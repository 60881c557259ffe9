/**
 * The shape of a property's TypeScript type as both packages write it: a list, a string-keyed
 * map, or a name (a primitive keyword or another declared type).
 */
import ts from "typescript";

export type TypeShape =
  { kind: "array"; items: TypeShape } | { kind: "map"; values: TypeShape } | { kind: "named"; name: string };

/** Parses `@kubernetes/client-node`'s `attributeTypeMap` type strings: `Array<X>`, `{ [key: string]: X; }`, `X`. */
export function parseClientNodeType(text: string): TypeShape {
  const trimmed = text.trim();
  const array = /^Array<(.*)>$/s.exec(trimmed);
  if (array?.[1] !== undefined) return { kind: "array", items: parseClientNodeType(array[1]) };
  const map = /^\{ \[key: string\]: (.*); \}$/s.exec(trimmed);
  if (map?.[1] !== undefined) return { kind: "map", values: parseClientNodeType(map[1]) };
  return { kind: "named", name: trimmed };
}

/**
 * Reads a declaration's type node. String literal unions (the packages' enums) count as
 * `string`: controller-gen does not turn Kubernetes' `+enum` into `enum` either.
 */
export function shapeOfTypeNode(node: ts.TypeNode): TypeShape {
  if (ts.isArrayTypeNode(node)) return { kind: "array", items: shapeOfTypeNode(node.elementType) };
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    const [argument] = node.typeArguments ?? [];
    if (name === "Array" && argument) return { kind: "array", items: shapeOfTypeNode(argument) };
    return { kind: "named", name };
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index) return { kind: "map", values: shapeOfTypeNode(index.type) };
    return { kind: "named", name: "object" };
  }
  if (ts.isLiteralTypeNode(node)) return { kind: "named", name: literalKind(node.literal) };
  if (ts.isUnionTypeNode(node)) {
    const kinds = new Set(node.types.map((member) => shapeName(shapeOfTypeNode(member))));
    const [only] = kinds;
    return { kind: "named", name: kinds.size === 1 && only !== undefined ? only : node.getText() };
  }
  if (ts.isParenthesizedTypeNode(node)) return shapeOfTypeNode(node.type);
  return { kind: "named", name: node.getText() };
}

function literalKind(literal: ts.LiteralTypeNode["literal"]): string {
  if (ts.isStringLiteral(literal)) return "string";
  if (ts.isNumericLiteral(literal)) return "number";
  if (literal.kind === ts.SyntaxKind.TrueKeyword || literal.kind === ts.SyntaxKind.FalseKeyword)
    return "boolean";
  return literal.getText();
}

function shapeName(shape: TypeShape): string {
  return shape.kind === "named" ? shape.name : shape.kind;
}

export function describeShape(shape: TypeShape): string {
  if (shape.kind === "array") return `Array<${describeShape(shape.items)}>`;
  if (shape.kind === "map") return `Map<${describeShape(shape.values)}>`;
  return shape.name;
}
