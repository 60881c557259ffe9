import { checkedTypeName } from "./engine.js";
import { RE2_MATCHES } from "./lib/regex.js";

/**
 * Compile errors printed the way cel-go prints them in Kubernetes' messages:
 * `ERROR: <input>:1:6: found no matching overload for '_==_' applied to '(string, bool)'`
 * followed by the source line and a caret line. The engine's own wording is translated for the
 * common cases (undefined field, a field of a scalar, missing overload, undeclared reference,
 * syntax error).
 */

/** The part of the engine's error objects this module reads. */
export interface EngineError {
  message: string;
  summary?: string;
  code?: string;
  name?: string;
  range?: { start: number; end: number };
  node?: { pos?: number; start?: number; end?: number; op?: string; args?: unknown };
}

export function celIssue(source: string, offset: number, message: string): string {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const column = Array.from(source.slice(lineStart, offset)).length;
  const text = source.split("\n")[line - 1] ?? "";
  return `ERROR: <input>:${line}:${column + 1}: ${message}\n | ${text}\n | ${".".repeat(column)}^`;
}

const OPERATOR_NAMES: Record<string, string> = {
  "==": "_==_",
  "!=": "_!=_",
  "<": "_<_",
  "<=": "_<=_",
  ">": "_>_",
  ">=": "_>=_",
  "+": "_+_",
  "-": "_-_",
  "*": "_*_",
  "/": "_/_",
  "%": "_%_",
  in: "@in",
};

/** Engine type names → cel-go's spelling (`list<int>` → `list(int)`, our object types → `object`). */
export function celTypeName(name: string): string {
  return name
    .replace(/\bObject_\d+\b/g, "object")
    .replace(/<(.*)>/, "($1)")
    .replace(/^optional\(/, "optional_type(")
    .replace(/google\.protobuf\.Timestamp/g, "google.protobuf.Timestamp")
    .replace(/\bA\b|\bT\b/g, "dyn");
}

/** The checked type of an operand the engine annotated, in cel-go's spelling. */
function operandType(operand: unknown): string | undefined {
  const name = checkedTypeName(operand);
  return name === undefined ? undefined : celTypeName(name);
}

/** Where `token` first occurs after `operand` (`[` of an index, `?` of a conditional), if it does. */
export function tokenAfter(source: string, operand: unknown, token: string): number | undefined {
  const end = (operand as { end?: number } | undefined)?.end;
  const at = typeof end === "number" ? source.indexOf(token, end) : -1;
  return at < 0 ? undefined : at;
}

/** The dot of the selection whose field starts at `field` (cel-go places a selection there). */
export function dotBefore(source: string, field: number | undefined): number | undefined {
  const dot = typeof field === "number" ? source.lastIndexOf(".", field - 1) : -1;
  return dot < 0 ? undefined : dot;
}

/**
 * Operators cel-go checks as calls (`_[_]`, `!_`, `-_`, `_?_:_`), which the engine refuses in words
 * of its own: cel-go finds no matching overload, at the operator.
 */
function operatorOverload(
  summary: string,
  source: string,
  error: EngineError,
): { message: string; offset: number | undefined } | undefined {
  const node = error.node;
  const args = Array.isArray(node?.args) ? (node.args as unknown[]) : node?.args ? [node.args] : [];
  const overload = (name: string, types: (string | undefined)[], offset: number | undefined) =>
    types.every((t) => t !== undefined)
      ? { message: `found no matching overload for '${name}' applied to '(${types.join(", ")})'`, offset }
      : undefined;
  // `list[string]`, `int[0]`: no index overload takes them.
  let m = /^(?:List index must be int, got '(.+)'|Cannot index type '.+')$/.exec(summary);
  if (m && node?.op === "[]")
    return overload(
      "_[_]",
      [operandType(args[0]), m[1] ? celTypeName(m[1]) : operandType(args[1])],
      tokenAfter(source, args[0], "["),
    );
  m = /^no such overload: ([!-])(\S+)$/.exec(summary);
  if (m && (node?.op === "!_" || node?.op === "-_"))
    return overload(
      `${m[1]}_`,
      [celTypeName(m[2] ?? "")],
      typeof node.start === "number" ? node.start : undefined,
    );
  m = /^Ternary branches must have the same type, got '(.+)' and '(.+)'$/.exec(summary);
  if (m && node?.op === "?:")
    return overload(
      "_?_:_",
      [operandType(args[0]), celTypeName(m[1] ?? ""), celTypeName(m[2] ?? "")],
      tokenAfter(source, args[0], "?"),
    );
  return undefined;
}

/**
 * cel-go places a call (`f(x)`, `x.f(y)`) at its opening parenthesis; the engine, at the start of
 * the call or of its receiver.
 */
function callParenthesis(source: string, node: EngineError["node"]): number | undefined {
  const args = node?.args;
  if (!Array.isArray(args) || typeof args[0] !== "string" || typeof node?.start !== "number")
    return undefined;
  const receiver = node.op === "rcall" ? (args[1] as { end?: number } | undefined) : undefined;
  const from = receiver?.end ?? node.start;
  // `matches` runs as RE2_MATCHES (engine.ts), under that name in the AST.
  const written = args[0] === RE2_MATCHES ? "matches" : args[0];
  const name = source.indexOf(written, from);
  const open = name < 0 ? -1 : source.indexOf("(", name + written.length);
  return open < 0 ? undefined : open;
}

function operatorOffset(source: string, node: EngineError["node"], op: string): number | undefined {
  const args = node?.args;
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const [left, right] = args as Array<{ end?: number; start?: number }>;
  if (typeof left?.end !== "number" || typeof right?.start !== "number") return undefined;
  const at = source.indexOf(op, left.end);
  return at >= 0 && at < right.start ? at : undefined;
}

function translate(
  summary: string,
  source: string,
  error: EngineError,
  isFunction: (name: string) => boolean,
): { message: string; offset: number | undefined } {
  const start = error.node?.pos ?? error.node?.start ?? error.range?.start;
  let m = /^No such key: (.*)$/.exec(summary);
  if (m) {
    const args = error.node?.args;
    const operand = Array.isArray(args) ? (args[0] as { end?: number } | undefined) : undefined;
    return { message: `undefined field '${m[1] ?? ""}'`, offset: operand?.end ?? start };
  }
  m = /^no such overload: (.+?) (==|!=|<=|>=|<|>|\+|-|\*|\/|%|in) (.+)$/.exec(summary);
  if (m) {
    const op = m[2] ?? "";
    return {
      message: `found no matching overload for '${OPERATOR_NAMES[op] ?? op}' applied to '(${celTypeName(m[1] ?? "")}, ${celTypeName(m[3] ?? "")})'`,
      offset: operatorOffset(source, error.node, op) ?? start,
    };
  }
  m = /^found no matching overload for '(?:(.+)\.)?(\w+)\((.*)\)'$/.exec(summary);
  if (m) {
    const fn = m[2] === RE2_MATCHES ? "matches" : (m[2] ?? "");
    const args = (m[3] ?? "").split(/,\s*/).filter(Boolean).map(celTypeName).join(", ");
    const target = m[1] ? `${celTypeName(m[1])}.` : "";
    const offset = callParenthesis(source, error.node) ?? start;
    // The engine says so of a function no overload of which exists; cel-go, that it has no such name.
    if (!isFunction(m[2] ?? ""))
      return { message: `undeclared reference to '${fn}' (in container '')`, offset };
    return { message: `found no matching overload for '${fn}' applied to '${target}(${args})'`, offset };
  }
  m = /^Cannot index type '(.+)'$/.exec(summary);
  if (m && error.node?.op === ".") {
    // cel-go's checker places it at the selection's dot, as an undefined field.
    return {
      message: `type '${celTypeName(m[1] ?? "")}' does not support field selection`,
      offset: dotBefore(source, error.node.pos) ?? start,
    };
  }
  const operatorCall = operatorOverload(summary, source, error);
  if (operatorCall) return operatorCall;
  m = /^Unknown variable: (.*)$/.exec(summary);
  if (m) return { message: `undeclared reference to '${m[1] ?? ""}' (in container '')`, offset: start };
  if (error.name === "ParseError") {
    const literal = numberLiteral(summary, source, start ?? 0);
    if (literal !== undefined) return { message: literal, offset: start };
    return { message: `Syntax error: ${syntaxMessage(summary, source, start ?? 0)}`, offset: start };
  }
  // Any other message in the engine's words still names no type of ours (`Object_3`): those are internal.
  return {
    message: summary.replaceAll(RE2_MATCHES, "matches").replace(/\bObject_\d+\b/g, "object"),
    offset: start,
  };
}

/**
 * A number literal 64 bits cannot hold, which the engine refuses in its own words: cel-go's
 * parser says "invalid double literal" (`1e400`), "invalid uint literal" (`18446744073709551616u`)
 * or "invalid int literal", not a syntax error.
 */
function numberLiteral(summary: string, source: string, offset: number): string | undefined {
  if (/^Invalid number: /.test(summary)) return "invalid double literal";
  if (!/^Invalid (?:hex )?integer: /.test(summary)) return undefined;
  const token = /^(?:0[xX][0-9a-fA-F]+|[0-9]+)([uU]?)/.exec(source.slice(offset));
  return token?.[1] ? "invalid uint literal" : "invalid int literal";
}

const TOKEN_TEXT: Record<string, string> = { BOOLEAN: "", NULL: "null", IN: "in" };

/** ANTLR's wording for the parse errors Kubernetes users see most. */
function syntaxMessage(summary: string, source: string, offset: number): string {
  const expected = /^Expected (\w+), got (\w+)$/.exec(summary);
  if (expected) {
    const got = expected[2] ?? "";
    if (got === "IN") return `no viable alternative at input '.in'`;
    const text = Object.hasOwn(TOKEN_TEXT, got) ? (/^\w+/.exec(source.slice(offset))?.[0] ?? "") : got;
    return `mismatched input '${text}' expecting ${expected[1] ?? ""}`;
  }
  if (/^Unterminated (string|bytes)/.test(summary)) {
    return `token recognition error at: '${source.slice(offset).split("\n")[0] ?? ""}'`;
  }
  return summary;
}

/** One engine error as cel-go's issue text. */
export function formatEngineError(
  error: unknown,
  source: string,
  isFunction: (name: string) => boolean = () => true,
): string {
  if (typeof error !== "object" || error === null) return celIssue(source, 0, String(error));
  const e = error as EngineError;
  const summary = (e.summary ?? e.message).split("\n")[0] ?? "";
  const { message, offset } = translate(summary, source, e, isFunction);
  return celIssue(source, offset ?? 0, message);
}
