import {
  astChildren,
  callArgs,
  callName,
  checkedTypeName,
  type ASTNode,
  rewriteForEngine,
  unsupportedFeature,
  useRe2Matches,
  walkAst,
} from "./engine.js";
import { serialize } from "@marcbachmann/cel-js";
import { celIssue, dotBefore, formatEngineError } from "./error-format.js";
import { intLiteralError } from "./int-literals.js";
import { mapIndexError } from "./map-index.js";
import { compileRe2 } from "./re2.js";
import { RE2_MATCHES } from "./lib/regex.js";
import type { TypedEnvironment } from "./typed-env.js";
import { atLeast } from "./version.js";

/**
 * Type-checking of rules and message expressions against the schema node they sit on, as
 * Kubernetes' `cel.Compile` does: `self` has the node's type, `oldSelf` the same type (optional
 * when `optionalOldSelf` is set), and the result must be a bool (a string for messageExpression).
 */

export type CompileResult =
  | { kind: "ok"; ast: ASTNode; usesOldSelf: boolean; typed: TypedEnvironment }
  | { kind: "error"; detail: string }
  | { kind: "wrong-type"; type: string }
  | { kind: "unsupported"; feature: string };

export { checkingEnvironment, typedEnvironment, type TypedEnvironment } from "./typed-env.js";

/** True when the expression reads `oldSelf` (not shadowed by a comprehension variable). */
export function referencesOldSelf(ast: ASTNode): boolean {
  const visit = (node: ASTNode, bound: ReadonlySet<string>): boolean => {
    if (node.op === "id") return node.args === "oldSelf" && !bound.has("oldSelf");
    const name = callName(node);
    const args = callArgs(node);
    if (node.op === "rcall" && name && MACROS_WITH_VARIABLE.has(name) && args[0]?.op === "id") {
      const inner = new Set(bound).add(args[0].args as string);
      const receiver = node.args[1] as ASTNode;
      return visit(receiver, bound) || args.slice(1).some((a) => visit(a, inner));
    }
    return astChildren(node).some((c) => visit(c, bound));
  };
  return visit(ast, new Set());
}

const MACROS_WITH_VARIABLE = new Set(["all", "exists", "exists_one", "map", "filter"]);

function literalString(node: ASTNode | undefined): string | undefined {
  return node?.op === "value" && typeof node.args === "string" ? node.args : undefined;
}

/** Kubernetes 1.29+ rejects regex, duration and timestamp literals that cannot work at runtime. */
function literalErrors(ast: ASTNode, source: string, typed: TypedEnvironment): string | undefined {
  if (!atLeast(typed.version, 1, 29)) return undefined;
  let problem: string | undefined;
  walkAst(ast, (node) => {
    if (problem) return;
    const name = callName(node);
    const args = callArgs(node);
    if (name === RE2_MATCHES || name === "find" || name === "findAll") {
      const pattern = literalString(node.op === "call" ? args[1] : args[0]);
      if (pattern !== undefined) {
        const compiled = compileRe2(pattern);
        if (compiled instanceof Error) {
          const shown = name === RE2_MATCHES ? "matches" : name;
          problem = celIssue(source, node.start, `invalid ${shown} argument`);
        }
      }
    }
    if ((name === "duration" || name === "timestamp") && node.op === "call") {
      const literal = literalString(args[0]);
      if (literal !== undefined) {
        try {
          typed.env.evaluate(`${name}(${JSON.stringify(literal)})`);
        } catch {
          problem = celIssue(source, node.start, `invalid ${name} argument`);
        }
      }
    }
  });
  return problem;
}

const functionNamesOf = new WeakMap<TypedEnvironment, ReadonlySet<string>>();

/** The names of the functions an environment declares (asked only to word an error). */
function functionNames(typed: TypedEnvironment): ReadonlySet<string> {
  let names = functionNamesOf.get(typed);
  if (!names)
    functionNamesOf.set(typed, (names = new Set(typed.env.getDefinitions().functions.map((f) => f.name))));
  return names;
}

/** The AST of `source` itself, which the engine may not parse (a macro it lacks). */
function parsedAsWritten(typed: TypedEnvironment, source: string): ASTNode | undefined {
  try {
    return typed.env.parse(source).ast;
  } catch {
    return undefined;
  }
}

/** cel-go rejects `has(x.f)` when `x` is an object type without field `f`; the engine does not. */
function presenceTestErrors(ast: ASTNode, source: string, typed: TypedEnvironment): string | undefined {
  let problem: string | undefined;
  walkAst(ast, (node) => {
    if (problem || node.op !== "call" || node.args[0] !== "has") return;
    const target = node.args[1][0];
    if (target?.op !== ".") return;
    const [operand, field] = target.args;
    const typeName = operandTypeName(operand, typed);
    const decl = typeName ? typed.objectTypes.get(typeName) : undefined;
    if (decl?.fields && !decl.fields.has(field)) {
      const keywordAlias = atLeast(typed.version, 1, 31) && decl.fields.has(`__${field}__`);
      if (!keywordAlias)
        problem = celIssue(source, selectionDot(target, operand, source), `undefined field '${field}'`);
    }
  });
  return problem;
}

/**
 * Where cel-go places an error about a selection: its dot, the last before the field's name. (An
 * index operand's `end` runs past it: `self.list[0].nope`.)
 */
function selectionDot(target: ASTNode, operand: ASTNode, source: string): number {
  return dotBefore(source, target.pos) ?? operand.end;
}

/**
 * The type of a presence test's operand. The engine types only the root of has()'s argument
 * (`self` of `has(self.x.y)`), so a deeper operand is checked alone; one that names a macro's
 * variable does not check alone, and is left unjudged.
 */
function operandTypeName(operand: ASTNode, typed: TypedEnvironment): string | undefined {
  const known = checkedTypeName(operand);
  if (known !== undefined) return known;
  try {
    const alone = typed.env.check(serialize(operand));
    return alone.valid ? alone.type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Results by environment, then by what was compiled. Environments are built once and shared by
 * every rule whose named fields have one shape (typed-env.ts), and the same rule is often met
 * again there: on each version of a CRD whose versions' schemas differ elsewhere, in each copy of
 * a type. Compiling depends on nothing else, so such a rule is compiled once.
 */
const compiledIn = new WeakMap<TypedEnvironment, Map<string, CompileResult>>();

/** Parse and type-check one expression in a typed environment. */
export function compileExpression(
  typed: TypedEnvironment,
  source: string,
  expect: "bool" | "string",
): CompileResult {
  let results = compiledIn.get(typed);
  if (!results) compiledIn.set(typed, (results = new Map()));
  const key = `${expect}\0${source}`;
  let result = results.get(key);
  if (!result) results.set(key, (result = compileAnew(typed, source, expect)));
  return result;
}

function compileAnew(typed: TypedEnvironment, source: string, expect: "bool" | "string"): CompileResult {
  let parsed;
  let rewritten: string;
  try {
    rewritten = rewriteForEngine(source, (text) => typed.env.parse(text).ast);
    parsed = typed.env.parse(rewritten);
  } catch (error) {
    return { kind: "error", detail: formatEngineError(error, source) };
  }
  const ast = parsed.ast;
  // A parse error in cel-go, reported before any check; placed in the text as written.
  const written = rewritten === source ? ast : parsedAsWritten(typed, source);
  const literal = written && intLiteralError(written, source);
  if (literal) return { kind: "error", detail: literal };
  const unsupported = unsupportedFeature(ast, typed.version);
  if (unsupported) return { kind: "unsupported", feature: unsupported };
  useRe2Matches(ast);
  const checked = parsed.check();
  if (!checked.valid)
    return {
      kind: "error",
      detail: formatEngineError(checked.error, source, (name) => functionNames(typed).has(name)),
    };
  const extra =
    presenceTestErrors(ast, source, typed) ??
    (rewritten === source ? mapIndexError(ast, source) : undefined) ??
    literalErrors(ast, source, typed);
  if (extra) return { kind: "error", detail: extra };
  if (checked.type !== expect) return { kind: "wrong-type", type: checked.type ?? "" };
  return { kind: "ok", ast, usesOldSelf: referencesOldSelf(ast), typed };
}
