/**
 * Integer literals the CRD would not say as written (see schema/inexact-integers.ts): a numeric
 * literal type or enum value is a JavaScript number. Literals with a fraction or an exponent are
 * floats, which users expect to round, as in tags (tags/parse.ts).
 */
import type { ts } from "ts-morph";
import { isInexact } from "../schema/inexact-integers.js";
import { tsApi } from "./typescript.js";

const { SyntaxKind } = tsApi;

/**
 * What `node` (a literal type's literal, or an enum member's initializer) spells, as written, when
 * the CRD could not say TypeScript's `value` for it: a number JSON has no value for (`1e400`,
 * `1e200 * 1e200` and `0 / 0` are Infinity and NaN), or an integer it would print as another.
 * Undefined when the CRD says what was written.
 */
export function unwritableLiteral(node: ts.Node, value: number): string | undefined {
  return Number.isFinite(value) ? inexactIntegerLiteral(node, value) : node.getText();
}

/**
 * The integer `node` spells (a numeric literal, or one with a sign), as written, when TypeScript's
 * `value` for it prints as another integer; undefined when it prints as that integer or `node` is anything
 * else (an expression, a float, a legacy octal literal, which tsc reports itself).
 */
export function inexactIntegerLiteral(node: ts.Node, value: number): string | undefined {
  // A safe integer is exact: an integer literal beyond 2^53 never reads as one.
  if (Number.isSafeInteger(value)) return undefined;
  let sign = "";
  let literal = node;
  if (tsApi.isPrefixUnaryExpression(node)) {
    if (node.operator === SyntaxKind.MinusToken) sign = "-";
    else if (node.operator !== SyntaxKind.PlusToken) return undefined;
    literal = node.operand;
  }
  if (!tsApi.isNumericLiteral(literal)) return undefined;
  // The node's own text is already TypeScript's number printed back: read what was written.
  const written = literal.getText().replace(/_/g, "");
  const radix = /^0[xXoObB]/.test(written);
  if (!radix && (/[.eE]/.test(written) || /^0\d/.test(written))) return undefined;
  const integer = BigInt(sign + (radix ? BigInt(written).toString() : written));
  return isInexact(integer, value) ? sign + literal.getText() : undefined;
}
