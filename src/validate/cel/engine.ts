/**
 * The CEL engine behind `x-kubernetes-validations`.
 *
 * Why @marcbachmann/cel-js (and not @bufbuild/cel): Kubernetes compiles every rule against the
 * schema's types before it accepts a CRD, so the engine must type-check with declared variable
 * types and object types whose fields are known ("undefined field 'x'", "found no matching
 * overload for '_==_' applied to '(string, bool)'"). cel-js has a public type checker with
 * registered object types, the optional syntax (`self.?x.orValue(y)`, `l[?0]`, Kubernetes
 * 1.28+), all standard macros (has/all/exists/exists_one/map/filter, cel.bind), timestamps and
 * durations, custom functions with overloads and type parameters, and it annotates the AST with
 * the checked types, which our cost estimator needs. @bufbuild/cel 0.6 has no optional syntax
 * and keeps its checker private (object types need protobuf descriptors), so it cannot reject
 * rules the way the API server does.
 *
 * What cel-js lacks we add here: Kubernetes' libraries (lists, regex, urls, quantity, ip/cidr,
 * format, semver, sets, the missing `ext.Strings` functions), the standard conversions it lacks
 * (`string(duration)`, `int(timestamp)`...), the optional library's macros `optMap` and
 * `optFlatMap` (expanded before parsing, as cel-go expands them) and RE2 regular expressions
 * (cel-js matches with JavaScript RegExp, so `matches` calls are renamed to our RE2 version after
 * parsing). Declared
 * but not implemented: two-variable comprehensions (1.32+: `all(i, v, p)`, `existsOne`,
 * `transformList`, `transformMap`, `transformMapEntry`), the image library and the authorizer
 * library (which CRD rules cannot reach anyway). A rule using them is reported as unsupported,
 * never as invalid.
 */
import { Environment } from "@marcbachmann/cel-js";
import type { ASTNode } from "@marcbachmann/cel-js";
import { registerConversions } from "./lib/conversions.js";
import { registerFormatLibrary } from "./lib/format.js";
import { registerListLibrary } from "./lib/lists.js";
import { registerNetLibrary } from "./lib/net.js";
import { registerQuantityLibrary } from "./lib/quantity.js";
import { RE2_MATCHES, registerRegexLibrary } from "./lib/regex.js";
import { registerSemverLibrary } from "./lib/semver.js";
import { registerSetsLibrary } from "./lib/sets.js";
import { registerStringExtensions } from "./lib/strings.js";
import { registerUrlLibrary } from "./lib/urls.js";
import { atLeast, versionKey } from "./version.js";
import type { CelVersion } from "./version.js";

export type { ASTNode };

/** Every library a version of the Kubernetes base environment has, on top of the engine. */
function createBaseEnvironment(version: CelVersion): Environment {
  const env = new Environment({
    enableOptionalTypes: atLeast(version, 1, 28),
    homogeneousAggregateLiterals: true,
    unlistedVariablesAreDyn: false,
  });
  registerConversions(env);
  registerRegexLibrary(env);
  registerListLibrary(env);
  registerUrlLibrary(env);
  registerStringExtensions(env);
  if (atLeast(version, 1, 28)) registerQuantityLibrary(env);
  if (atLeast(version, 1, 29)) registerSetsLibrary(env);
  if (atLeast(version, 1, 30)) registerNetLibrary(env);
  if (atLeast(version, 1, 31)) registerFormatLibrary(env);
  if (atLeast(version, 1, 33)) registerSemverLibrary(env);
  registerNullComparisons(env, version);
  return env;
}

/** Types cel-go lets you compare with `null` (its "legacy nullable" kinds); the result is false. */
function registerNullComparisons(env: Environment, version: CelVersion): void {
  const nullable = ["google.protobuf.Timestamp", "google.protobuf.Duration", "kubernetes.URL"];
  if (atLeast(version, 1, 28)) nullable.push("optional<dyn>", "kubernetes.Quantity");
  if (atLeast(version, 1, 30)) nullable.push("net.IP", "net.CIDR");
  if (atLeast(version, 1, 31)) nullable.push("kubernetes.NamedFormat");
  if (atLeast(version, 1, 33)) nullable.push("kubernetes.Semver");
  for (const type of nullable) registerNullComparison(env, type);
}

export function registerNullComparison(env: Environment, type: string): void {
  env.registerOperator(`${type} == null`, (a: unknown, b: unknown) => a === null && b === null);
}

const baseEnvironments = new Map<string, Environment>();

/** The shared base environment of a version; callers must `clone()` it before registering. */
export function baseEnvironment(version: CelVersion): Environment {
  const key = versionKey(version);
  let env = baseEnvironments.get(key);
  if (!env) {
    env = createBaseEnvironment(version);
    baseEnvironments.set(key, env);
  }
  return env;
}

/** Children of an AST node, whatever its operator. */
export function astChildren(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isAstNode(value)) out.push(value);
  };
  if (node.op === "value" || node.op === "id") return out;
  visit(node.args);
  return out;
}

/** The type name the engine's checker gave a node (`map<string, int>`), if it gave one. */
export function checkedTypeName(node: unknown): string | undefined {
  return (node as { checkedType?: { name?: string } } | undefined)?.checkedType?.name;
}

export function isAstNode(value: unknown): value is ASTNode {
  return typeof value === "object" && value !== null && "op" in value && "args" in value && "start" in value;
}

/** The function name of a `call` (`f(x)`) or `rcall` (`x.f()`) node. */
export function callName(node: ASTNode): string | undefined {
  if (node.op === "call" || node.op === "rcall") return node.args[0];
  return undefined;
}

/** The arguments of a call node (without the receiver). */
export function callArgs(node: ASTNode): ASTNode[] {
  if (node.op === "call") return node.args[1];
  if (node.op === "rcall") return node.args[2];
  return [];
}

export function callReceiver(node: ASTNode): ASTNode | undefined {
  return node.op === "rcall" ? node.args[1] : undefined;
}

export function walkAst(node: ASTNode, visit: (node: ASTNode) => void): void {
  visit(node);
  for (const child of astChildren(node)) walkAst(child, visit);
}

/** Route `matches` through RE2 (see the header). Mutates the freshly parsed AST. */
export function useRe2Matches(ast: ASTNode): void {
  walkAst(ast, (node) => {
    if ((node.op === "call" || node.op === "rcall") && node.args[0] === "matches") {
      (node.args as [string, ...unknown[]])[0] = RE2_MATCHES;
    }
  });
}

const TWO_VARIABLE_MACROS = new Set(["transformList", "transformMap", "transformMapEntry", "existsOne"]);
const IMAGE_FUNCTIONS = new Set(["image", "isImage", "containerImage"]);

/** A feature of the version's environment that this engine does not implement, if the AST uses one. */
export function unsupportedFeature(ast: ASTNode, version: CelVersion): string | undefined {
  let found: string | undefined;
  walkAst(ast, (node) => {
    const name = callName(node);
    if (!name || found) return;
    if (atLeast(version, 1, 32)) {
      if (TWO_VARIABLE_MACROS.has(name)) found = `two-variable comprehension ${name}`;
      if ((name === "all" || name === "exists") && node.op === "rcall" && callArgs(node).length === 3) {
        found = `two-variable comprehension ${name}`;
      }
    }
    if (atLeast(version, 1, 33) && IMAGE_FUNCTIONS.has(name)) found = `image library function ${name}`;
  });
  return found;
}

/** `source` as the engine can parse and check it: cel-go's macros it lacks expanded, `has()` of any operand. */
export function rewriteForEngine(source: string, parse: (text: string) => ASTNode): string {
  return rewritePresenceTests(rewriteOptionalMacros(source, parse), parse);
}

/**
 * The optional library's macros the engine lacks, `t.optMap(v, e)` and `t.optFlatMap(v, e)`,
 * rewritten as cel-go expands them: `t.hasValue() ? optional.of(cel.bind(v, t.value(), e)) :
 * optional.none()` (optFlatMap without the `optional.of`). Innermost first, a round at a time.
 */
export function rewriteOptionalMacros(source: string, parse: (text: string) => ASTNode): string {
  if (!/\.opt(?:Flat)?Map\s*\(/.test(source)) return source;
  return rewriteInRounds(source, parse, (text, ast) => {
    let call: ASTNode | undefined;
    walkAst(ast, (node) => {
      const name = callName(node);
      if (node.op !== "rcall" || (name !== "optMap" && name !== "optFlatMap")) return;
      const [variable] = callArgs(node);
      // A variable that is no plain name is cel-go's error, which parsing the original reports.
      if (callArgs(node).length !== 2 || variable?.op !== "id") return;
      // The last one found starts last: none is nested inside it.
      if (!call || node.start >= call.start) call = node;
    });
    if (!call) return undefined;
    const target = sourceOf(text, callReceiver(call)!);
    const [variable, body] = callArgs(call) as [ASTNode, ASTNode];
    const bound = `cel.bind(${String(variable.args)}, (${target}).value(), ${sourceOf(text, body)})`;
    const mapped = callName(call) === "optMap" ? `optional.of(${bound})` : bound;
    return replaceNode(text, call, `((${target}).hasValue() ? ${mapped} : optional.none())`);
  });
}

/**
 * Rewrites `source` a round at a time, each on a fresh parse of the last, until `round` has
 * nothing more to do (returns undefined), the text no longer parses, or after 8 rounds.
 */
function rewriteInRounds(
  source: string,
  parse: (text: string) => ASTNode,
  round: (text: string, ast: ASTNode, index: number) => string | undefined,
): string {
  let text = source;
  for (let index = 0; index < 8; index++) {
    let ast: ASTNode;
    try {
      ast = parse(text);
    } catch {
      return text;
    }
    const next = round(text, ast, index);
    if (next === undefined) return text;
    text = next;
  }
  return text;
}

/** The source text of `node`, its parentheses balanced (see `balanced`). */
function sourceOf(text: string, node: ASTNode): string {
  return text.slice(...balanced(text, node.start, node.end));
}

/** `text` with `node`'s source (parentheses balanced) replaced. */
function replaceNode(text: string, node: ASTNode, replacement: string): string {
  const [from, to] = balanced(text, node.start, node.end);
  return text.slice(0, from) + replacement + text.slice(to);
}

/**
 * The span widened to balanced parentheses: the engine's spans of a parenthesized expression may
 * leave out its opening or closing parenthesis. Quoted text is skipped.
 */
function balanced(text: string, start: number, end: number): [number, number] {
  let open = 0; // unclosed `(` in the span
  let unopened = 0; // `)` in the span without its `(`
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      for (i++; i < end && text[i] !== ch; i++) if (text[i] === "\\") i++;
    } else if (ch === "(") open++;
    else if (ch === ")") {
      if (open > 0) open--;
      else unopened++;
    }
  }
  let s = start;
  let e = end;
  for (; unopened > 0 && s > 0; s--) if (text[s - 1] === "(") unopened--;
  for (; open > 0 && e < text.length; e++) if (text[e] === ")") open--;
  return [s, e];
}

export const PRESENCE_BINDING_PREFIX = "__has";

/** The innermost operand of a field-selection chain (`a.b.c` → `a`). */
function chainRoot(node: ASTNode): ASTNode {
  let current = node;
  while (current.op === "." || current.op === ".?") current = current.args[0] as ASTNode;
  return current;
}

/**
 * cel-go accepts `has(e.f)` for any operand `e` (`has(self[0].x)`); the engine only for a chain of
 * selections from an identifier. Such calls are rewritten to the equivalent
 * `cel.bind(__hasN__, e, has(__hasN__.f))` before parsing for real.
 */
export function rewritePresenceTests(source: string, parse: (text: string) => ASTNode): string {
  return rewriteInRounds(source, parse, (text, ast, round) => {
    const targets: Array<{ call: ASTNode; operand: ASTNode; field: string; optional: boolean }> = [];
    const visit = (node: ASTNode): void => {
      const arg = node.op === "call" && node.args[0] === "has" ? (node.args[1] as ASTNode[])[0] : undefined;
      if (arg && (arg.op === "." || arg.op === ".?") && chainRoot(arg).op !== "id") {
        const [operand, field] = arg.args as [ASTNode, string];
        targets.push({ call: node, operand, field, optional: arg.op === ".?" });
        return;
      }
      for (const child of astChildren(node)) visit(child);
    };
    visit(ast);
    if (targets.length === 0) return undefined;
    // Last first, so that each replacement leaves the places of the ones before it as they were.
    targets.sort((a, b) => b.call.start - a.call.start);
    let out = text;
    for (const [i, t] of targets.entries()) {
      const name = `${PRESENCE_BINDING_PREFIX}${round}_${i}__`;
      const operand = sourceOf(out, t.operand);
      out = replaceNode(
        out,
        t.call,
        `cel.bind(${name}, ${operand}, has(${name}${t.optional ? ".?" : "."}${t.field}))`,
      );
    }
    return out;
  });
}
