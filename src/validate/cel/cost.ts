import type { DeclType } from "./decl-type.js";
import { MAP_KEY_TYPE } from "./decl-type.js";
import { callArgs, callName, callReceiver, PRESENCE_BINDING_PREFIX, type ASTNode } from "./engine.js";
import { RE2_MATCHES } from "./lib/regex.js";

/**
 * Worst-case cost estimation of a checked expression, following cel-go's `checker.Cost` and
 * Kubernetes' `library.CostEstimator` (the numbers decide whether the API server accepts a
 * CRD, so the model is reproduced rule by rule). cel-go estimates the macro-expanded AST; this
 * engine keeps macros as calls, so each macro is costed as the comprehension it expands to.
 * Sizes of strings, lists and maps come from the schema (maxLength, maxItems, maxProperties,
 * or what fits into a 3 MiB request).
 */

export interface Estimate {
  min: number;
  max: number;
}

/** cel-go works in uint64 and saturates; 2^64 stands for "unbounded" here. */
export const COST_MAX = 2 ** 64;
const STRING_TRAVERSAL = 0.1;
const REGEX_LENGTH = 0.25;
const LIST_CREATE = 10;
const MAP_CREATE = 30;
/** Kubernetes' format library assumes a 128-character regex for every named format. */
const MAX_NAME_FORMAT_REGEX_SIZE = 128;

const sat = (n: number): number => (n >= COST_MAX ? COST_MAX : n);
const fixed = (n: number): Estimate => ({ min: n, max: n });
const UNKNOWN: Estimate = { min: 0, max: COST_MAX };
const add = (a: Estimate, b: Estimate): Estimate => ({ min: sat(a.min + b.min), max: sat(a.max + b.max) });
const mul = (a: Estimate, b: Estimate): Estimate => ({ min: sat(a.min * b.min), max: sat(a.max * b.max) });
const union = (a: Estimate, b: Estimate): Estimate => ({
  min: Math.min(a.min, b.min),
  max: Math.max(a.max, b.max),
});
const byFactor = (a: Estimate, f: number): Estimate => ({
  min: sat(Math.ceil(a.min * f)),
  max: sat(Math.ceil(a.max * f)),
});
const sum = (xs: readonly Estimate[]): Estimate => xs.reduce(add, fixed(0));

interface EntrySize {
  container: "list" | "map";
  key: Estimate;
  val: Estimate;
}

interface LocalVar {
  path: string[] | undefined;
  size: Estimate | undefined;
  entry: EntrySize | undefined;
}

interface CheckedType {
  kind?: string;
  name?: string;
  valueType?: CheckedType;
}

function typeOf(node: ASTNode): CheckedType | undefined {
  return (node as { checkedType?: CheckedType }).checkedType;
}

const SCALARS = new Set([
  "bool",
  "double",
  "int",
  "uint",
  "google.protobuf.Duration",
  "google.protobuf.Timestamp",
]);

function isScalar(t: CheckedType | undefined): boolean {
  if (!t) return false;
  if (t.kind === "optional") return isScalar(t.valueType);
  return t.name !== undefined && SCALARS.has(t.name);
}

function kindOf(t: CheckedType | undefined): string {
  if (!t) return "dyn";
  if (
    t.kind === "list" ||
    t.kind === "map" ||
    t.kind === "optional" ||
    t.kind === "dyn" ||
    t.kind === "param"
  )
    return t.kind;
  if (t.kind === "message" && !t.name?.startsWith("google.protobuf.")) return "struct";
  return t.name ?? "dyn";
}

/** Namespace constants whose member calls are plain global functions in cel-go. */
const NAMESPACES = new Set(["sets", "strings", "format", "optional", "cel", "ip", "math"]);

const ACCUMULATOR = "__result__";

class Coster {
  private readonly sizes = new Map<ASTNode, Estimate>();
  private readonly entries = new Map<ASTNode, EntrySize>();
  private readonly paths = new Map<ASTNode, string[]>();
  private readonly locals = new Map<string, LocalVar[]>();
  constructor(private readonly root: DeclType) {}

  private push(name: string, v: LocalVar): void {
    const stack = this.locals.get(name) ?? [];
    stack.push(v);
    this.locals.set(name, stack);
  }

  private pop(name: string): void {
    this.locals.get(name)?.pop();
  }

  private peek(name: string): LocalVar | undefined {
    const stack = this.locals.get(name);
    return stack?.[stack.length - 1];
  }

  private pathOf(node: ASTNode): string[] | undefined {
    if (node.op === "id") {
      const local = this.peek(node.args as string);
      if (local) return local.path;
    }
    return this.paths.get(node);
  }

  /** Kubernetes' size estimator: follow the path from `self` through the schema's types. */
  private estimateFromPath(path: string[] | undefined): Estimate | undefined {
    if (!path || path.length === 0 || path[0] === ACCUMULATOR) return undefined;
    let current: DeclType | undefined = this.root;
    for (const step of path.slice(1)) {
      if (!current) return undefined;
      if (step === "@items" || step === "@values") current = current.elem;
      else if (step === "@keys") current = current.kind === "map" ? MAP_KEY_TYPE : undefined;
      else current = current.fields?.get(step)?.type;
    }
    return current ? { min: 0, max: current.maxElements } : undefined;
  }

  private literalSize(node: ASTNode): Estimate | undefined {
    if (node.op === "value") {
      const v = node.args as unknown;
      if (typeof v === "string") return fixed(Array.from(v).length);
      if (v instanceof Uint8Array) return fixed(v.length);
      return fixed(1);
    }
    if (node.op === "list") return fixed((node.args as ASTNode[]).length);
    if (node.op === "map") return fixed((node.args as unknown[]).length);
    return undefined;
  }

  size(node: ASTNode): Estimate | undefined {
    const computed = this.sizes.get(node);
    if (computed) return computed;
    const literal = this.literalSize(node);
    if (literal) return literal;
    const fromPath = this.estimateFromPath(this.pathOf(node));
    if (fromPath) {
      this.sizes.set(node, fromPath);
      return fromPath;
    }
    if (isScalar(typeOf(node))) return fixed(1);
    if (node.op === "id") return this.peek(node.args as string)?.size;
    return undefined;
  }

  private sizeOrUnknown(node: ASTNode): Estimate {
    return this.size(node) ?? UNKNOWN;
  }

  private entrySize(node: ASTNode): EntrySize | undefined {
    const computed = this.entries.get(node);
    if (computed) return computed;
    if (node.op === "id") return this.peek(node.args as string)?.entry;
    return undefined;
  }

  cost(node: ASTNode): Estimate {
    switch (node.op) {
      case "value":
        return fixed(0);
      case "id": {
        const name = node.args as string;
        if (!this.peek(name)) this.paths.set(node, [name]);
        return fixed(1);
      }
      case ".": {
        const [operand, field] = node.args as [ASTNode, string];
        let c = this.cost(operand);
        const k = kindOf(typeOf(operand));
        if (k === "map" || k === "struct" || k === "param") c = add(c, fixed(1));
        // cel-go appends to an empty path too; its estimator then skips the first element.
        this.paths.set(node, [...(this.pathOf(operand) ?? []), field]);
        return c;
      }
      case ".?":
        return add(fixed(1), this.cost((node.args as [ASTNode, string])[0]));
      case "[]":
        return this.costIndex(node);
      case "[?]": {
        const [a, b] = node.args as [ASTNode, ASTNode];
        return add(fixed(1), add(this.cost(a), this.cost(b)));
      }
      case "list":
        return this.costList(node);
      case "map":
        return this.costMap(node);
      case "&&":
      case "||": {
        const [l, r] = node.args as [ASTNode, ASTNode];
        const lc = this.cost(l);
        const rc = this.cost(r);
        return { min: lc.min, max: sat(lc.max + rc.max) };
      }
      case "?:":
        return this.costConditional(node);
      case "!_":
      case "-_":
        return add(fixed(1), this.cost(node.args as ASTNode));
      case "call":
      case "rcall":
        return this.costCall(node);
      default:
        return this.costOperator(node);
    }
  }

  private costIndex(node: ASTNode): Estimate {
    const [container, index] = node.args as [ASTNode, ASTNode];
    const c = add(fixed(1), add(this.cost(container), this.cost(index)));
    const k = kindOf(typeOf(container));
    if (k === "list" || k === "map") {
      this.paths.set(node, [...(this.pathOf(container) ?? []), k === "list" ? "@items" : "@values"]);
      const val = this.entrySize(container)?.val;
      if (val) this.sizes.set(node, val);
    }
    return c;
  }

  private costList(node: ASTNode): Estimate {
    const elems = node.args as ASTNode[];
    let total = fixed(0);
    let item: Estimate = elems.length === 0 ? fixed(0) : { min: COST_MAX, max: 0 };
    for (const e of elems) {
      total = add(total, this.cost(e));
      item = union(item, this.sizeOrUnknown(e));
    }
    this.entries.set(node, { container: "list", key: fixed(1), val: item });
    return add(total, fixed(LIST_CREATE));
  }

  private costMap(node: ASTNode): Estimate {
    const entries = node.args as Array<[ASTNode, ASTNode]>;
    let total = fixed(0);
    let key: Estimate = entries.length === 0 ? fixed(0) : { min: COST_MAX, max: 0 };
    let val: Estimate = entries.length === 0 ? fixed(0) : { min: COST_MAX, max: 0 };
    for (const [k, v] of entries) {
      total = add(total, add(this.cost(k), this.cost(v)));
      key = union(key, this.sizeOrUnknown(k));
      val = union(val, this.sizeOrUnknown(v));
    }
    this.entries.set(node, { container: "map", key, val });
    return add(total, fixed(MAP_CREATE));
  }

  private costConditional(node: ASTNode): Estimate {
    const [cond, t, f] = node.args as [ASTNode, ASTNode, ASTNode];
    const cc = this.cost(cond);
    const tc = this.cost(t);
    const fc = this.cost(f);
    this.sizes.set(node, union(this.sizeOrUnknown(t), this.sizeOrUnknown(f)));
    const te = this.entrySize(t);
    const fe = this.entrySize(f);
    if (te && fe)
      this.entries.set(node, {
        container: te.container,
        key: union(te.key, fe.key),
        val: union(te.val, fe.val),
      });
    return add(cc, union(tc, fc));
  }

  /** Sized comparison/equality: cel-go charges the shorter operand's length times 0.1. */
  private sizedCompare(l: ASTNode, r: ASTNode): Estimate {
    const ls = this.sizeOrUnknown(l);
    const rs = this.sizeOrUnknown(r);
    const smallestMax = Math.min(ls.max, rs.max);
    return byFactor({ min: smallestMax > 0 ? 1 : 0, max: smallestMax }, STRING_TRAVERSAL);
  }

  private costOperator(node: ASTNode): Estimate {
    const [l, r] = node.args as [ASTNode, ASTNode];
    const args = add(this.cost(l), this.cost(r));
    const lk = kindOf(typeOf(l));
    const rk = kindOf(typeOf(r));
    switch (node.op) {
      case "==":
      case "!=":
        if (node.op === "==" && isKubernetesValueType(typeOf(l)) && lk === rk) return add(fixed(1), args);
        return add(this.sizedCompare(l, r), args);
      case "<":
      case "<=":
      case ">":
      case ">=": {
        // The string and bytes overloads traverse; a dyn operand matches them too.
        const sized = (kind: string): boolean =>
          (lk === kind || lk === "dyn") && (rk === kind || rk === "dyn");
        if (!sized("string") && !sized("bytes")) return add(fixed(1), args);
        const compare = this.sizedCompare(l, r);
        // Two dyn operands match the O(1) numeric and time overloads as well.
        return add(lk === "dyn" && rk === "dyn" ? union(compare, fixed(1)) : compare, args);
      }
      case "+": {
        const result = kindOf(typeOf(node));
        if (result === "string" || result === "bytes" || result === "list" || result === "dyn") {
          const size = add(this.sizeOrUnknown(l), this.sizeOrUnknown(r));
          this.sizes.set(node, size);
          const le = this.entrySize(l);
          const re = this.entrySize(r);
          if (le && re)
            this.entries.set(node, {
              container: le.container,
              key: union(le.key, re.key),
              val: union(le.val, re.val),
            });
          if (result === "list") return add(fixed(1), args);
          const traversal = byFactor(size, STRING_TRAVERSAL);
          // A dyn result means dyn operands, which match the O(1) overloads too (int, list...).
          return add(result === "dyn" ? union(traversal, fixed(1)) : traversal, args);
        }
        return add(fixed(1), args);
      }
      case "in":
        if (rk === "list") return add(byFactor(this.sizeOrUnknown(r), 1), args);
        // A dyn container matches in_list (O(n)) and in_map (O(1)).
        if (rk === "dyn") return add(union(byFactor(this.sizeOrUnknown(r), 1), fixed(1)), args);
        return add(fixed(1), args);
      default:
        return add(fixed(1), args);
    }
  }

  private costComprehension(
    node: ASTNode,
    range: ASTNode,
    variable: string,
    init: "literal" | "list",
    initCost: Estimate,
    perIteration: () => Estimate,
    resultCost: Estimate,
  ): Estimate {
    let total = add(this.cost(range), initCost);
    const entry = this.entrySize(range);
    const container = entry?.container ?? (kindOf(typeOf(range)) === "map" ? "map" : "list");
    const base = this.pathOf(range);
    this.push(ACCUMULATOR, {
      path: undefined,
      size: init === "literal" ? fixed(1) : fixed(0),
      entry: undefined,
    });
    this.push(variable, {
      path: [...(base ?? []), container === "list" ? "@items" : "@keys"],
      size: container === "list" ? entry?.val : entry?.key,
      entry: undefined,
    });
    const iteration = perIteration();
    this.pop(variable);
    total = add(total, resultCost);
    this.pop(ACCUMULATOR);
    const count = this.sizeOrUnknown(range);
    total = add(total, mul(count, iteration));
    if (init === "list") this.sizes.set(node, count);
    return total;
  }

  private costMacro(node: ASTNode, name: string): Estimate | undefined {
    const receiver = callReceiver(node);
    const args = callArgs(node);
    const variable = args[0]?.op === "id" ? (args[0].args as string) : undefined;
    if (!receiver || !variable) return undefined;
    switch (name) {
      case "all":
      case "exists": {
        const predicate = args[1];
        if (!predicate || args.length !== 2) return undefined;
        // all: loop `@not_strictly_false(__result__)` (2), step `__result__ && p` (1 + p);
        // exists: loop `@not_strictly_false(!__result__)` (3), step `__result__ || p` (1 + p).
        const loop = name === "all" ? 2 : 3;
        return this.costComprehension(
          node,
          receiver,
          variable,
          "literal",
          fixed(0),
          () => {
            const p = this.cost(predicate);
            return add(fixed(loop), { min: 1, max: sat(1 + p.max) });
          },
          fixed(1),
        );
      }
      case "exists_one": {
        const predicate = args[1];
        if (!predicate) return undefined;
        // step `p ? __result__ + 1 : __result__`, result `__result__ == 1` (2).
        return this.costComprehension(
          node,
          receiver,
          variable,
          "literal",
          fixed(0),
          () => {
            return add(this.cost(predicate), { min: 1, max: 2 });
          },
          fixed(2),
        );
      }
      case "map": {
        const [, first, second] = args;
        if (!first) return undefined;
        // step `__result__ + [t]` (12 + t), or with a filter `p ? __result__ + [t] : __result__`.
        return this.costComprehension(
          node,
          receiver,
          variable,
          "list",
          fixed(LIST_CREATE),
          () => {
            if (second) {
              const p = this.cost(first);
              const t = this.cost(second);
              return add(p, union(fixed(1), add(fixed(12), t)));
            }
            return add(fixed(12), this.cost(first));
          },
          fixed(1),
        );
      }
      case "filter": {
        const predicate = args[1];
        if (!predicate) return undefined;
        // step `p ? __result__ + [x] : __result__` (p + 13).
        return this.costComprehension(
          node,
          receiver,
          variable,
          "list",
          fixed(LIST_CREATE),
          () => {
            return add(this.cost(predicate), { min: 1, max: 13 });
          },
          fixed(1),
        );
      }
    }
    return undefined;
  }

  private costCall(node: ASTNode): Estimate {
    const name = callName(node) ?? "";
    const receiverNode = callReceiver(node);
    const args = callArgs(node);
    if (node.op === "call" && name === "has") {
      const target = args[0];
      // Kubernetes sets PresenceTestHasCost(false): has(x.f) costs only its operand.
      if (target?.op === ".") return this.cost((target.args as [ASTNode, string])[0]);
      return target ? this.cost(target) : fixed(0);
    }
    if (node.op === "call" && name === "dyn" && args[0]) {
      const c = this.cost(args[0]);
      const s = this.size(args[0]);
      if (s) this.sizes.set(node, s);
      const e = this.entrySize(args[0]);
      if (e) this.entries.set(node, e);
      return add(fixed(1), c);
    }
    const macro = node.op === "rcall" ? this.costMacro(node, name) : undefined;
    if (macro) return macro;
    const namespaced = receiverNode?.op === "id" && NAMESPACES.has(receiverNode.args as string);
    if (
      namespaced &&
      name === "bind" &&
      args[0]?.op === "id" &&
      (args[0].args as string).startsWith(PRESENCE_BINDING_PREFIX)
    ) {
      // Our rewrite of `has(e.f)`: cel-go charges only the operand `e`.
      return args[1] ? this.cost(args[1]) : fixed(0);
    }
    if (namespaced && name === "bind") {
      // cel.bind(v, init, expr): an empty-list range (10) plus init and result.
      const [v, init, body] = args;
      if (!v || !init || !body) return fixed(0);
      const initCost = this.cost(init);
      this.push(v.args as string, {
        path: this.pathOf(init),
        size: this.size(init),
        entry: this.entrySize(init),
      });
      const bodyCost = this.cost(body);
      this.pop(v.args as string);
      const s = this.size(body);
      if (s) this.sizes.set(node, s);
      return add(fixed(LIST_CREATE), add(initCost, bodyCost));
    }
    const target = namespaced ? undefined : receiverNode;
    const argCosts = args.map((a) => this.cost(a));
    const argSum = sum(argCosts);
    const targetCost = target ? this.cost(target) : fixed(0);
    const fn = this.functionCost(
      node,
      namespaced ? `${receiverNode?.args as string}.${name}` : name,
      target,
      args,
    );
    return add(targetCost, add(fn ?? fixed(1), argSum));
  }

  /** The call's own cost (without its arguments), or undefined for the O(1) default. */
  private functionCost(
    node: ASTNode,
    name: string,
    target: ASTNode | undefined,
    args: ASTNode[],
  ): Estimate | undefined {
    const size = (n: ASTNode | undefined): Estimate => (n ? this.sizeOrUnknown(n) : UNKNOWN);
    const setSize = (s: Estimate): void => void this.sizes.set(node, s);
    switch (name) {
      case "isSorted":
      case "sum":
      case "max":
      case "min":
      case "indexOf":
      case "lastIndexOf": {
        if (!target) return undefined;
        const t = typeOf(target);
        if (t?.kind === "list") {
          let elCost = fixed(1);
          const elemKind = kindOf(t.valueType);
          if (elemKind === "string" || elemKind === "bytes") {
            const base = this.pathOf(target);
            const elemSize = (base ? this.estimateFromPath([...base, "@items"]) : undefined) ?? UNKNOWN;
            elCost = add(elCost, byFactor(elemSize, STRING_TRAVERSAL));
          }
          return mul(size(target), elCost);
        }
        return byFactor(size(target), STRING_TRAVERSAL);
      }
      case "url":
        if (!target && args.length === 1) {
          const s = size(args[0]);
          setSize(s);
          return byFactor(s, STRING_TRAVERSAL);
        }
        return undefined;
      case "lowerAscii":
      case "upperAscii":
      case "substring":
      case "trim": {
        if (!target) return undefined;
        const s = size(target);
        setSize(s);
        return byFactor(s, STRING_TRAVERSAL);
      }
      case "replace":
        if (target && args.length >= 2) {
          setSize(this.replaceSize(size(target), size(args[0]), size(args[1])));
          return byFactor(size(target), 2 * STRING_TRAVERSAL);
        }
        return undefined;
      case "split":
        if (target) {
          const s = size(target);
          const limit =
            args[1]?.op === "value" && typeof args[1].args === "bigint" ? Number(args[1].args) : s.max;
          setSize({ min: 0, max: limit });
          return byFactor(s, 2 * STRING_TRAVERSAL);
        }
        return undefined;
      case "join":
        if (target) {
          const listSize = size(target);
          const base = this.pathOf(target);
          const elemSize = (base ? this.estimateFromPath([...base, "@items"]) : undefined) ?? UNKNOWN;
          let s = mul(listSize, elemSize);
          if (args.length > 0) {
            const separators = {
              min: listSize.min > 0 ? listSize.min - 1 : 0,
              max: listSize.max > 0 ? listSize.max - 1 : 0,
            };
            s = add(s, mul(size(args[0]), separators));
          }
          setSize(s);
          return byFactor(s, STRING_TRAVERSAL);
        }
        return undefined;
      case "find":
      case "findAll":
        if (target && args.length >= 1) {
          const s = size(target);
          setSize({ min: 0, max: s.max });
          return mul(byFactor(add(s, fixed(1)), STRING_TRAVERSAL), byFactor(size(args[0]), REGEX_LENGTH));
        }
        return undefined;
      case "ip":
        return target ? fixed(1) : undefined;
      case "masked":
      case "prefixLength":
      case "family":
      case "isUnspecified":
      case "isLoopback":
      case "isLinkLocalMulticast":
      case "isLinkLocalUnicast":
      case "isGlobalUnicast":
      case "format.named":
      case "sign":
      case "asInteger":
      case "isInteger":
      case "asApproximateFloat":
      case "isGreaterThan":
      case "isLessThan":
      case "compareTo":
      case "add":
      case "sub":
      case "major":
      case "minor":
      case "patch":
      case "getScheme":
      case "getHostname":
      case "getHost":
      case "getPort":
      case "getEscapedPath":
      case "getQuery":
        return fixed(1);
      case "containsIP":
      case "containsCIDR": {
        if (!target || args.length < 1) return undefined;
        const bytes = { min: 4, max: 16 };
        let c = byFactor(add(bytes, bytes), STRING_TRAVERSAL);
        if (name === "containsCIDR") c = add(add(c, byFactor(bytes, STRING_TRAVERSAL)), fixed(1));
        if (kindOf(typeOf(args[0] as ASTNode)) === "string")
          c = add(c, byFactor(size(args[0]), STRING_TRAVERSAL));
        return c;
      }
      case "validate":
        if (target)
          return byFactor(
            byFactor(size(args[0]), STRING_TRAVERSAL),
            MAX_NAME_FORMAT_REGEX_SIZE * REGEX_LENGTH,
          );
        return undefined;
      case "format":
        return target ? byFactor(size(target), STRING_TRAVERSAL) : undefined;
      case "strings.quote": {
        const s = size(args[0]);
        setSize({ min: sat(s.min + 2), max: sat(s.max * 2 + 2) });
        return byFactor(s, STRING_TRAVERSAL);
      }
      case "startsWith":
      case "endsWith":
        return target && args.length === 1 ? byFactor(size(args[0]), STRING_TRAVERSAL) : undefined;
      case RE2_MATCHES:
        if (target && args.length === 1) {
          return mul(
            byFactor(add(size(target), fixed(1)), STRING_TRAVERSAL),
            byFactor(size(args[0]), REGEX_LENGTH),
          );
        }
        return undefined;
      case "contains":
        if (target && args.length === 1) {
          return mul(byFactor(size(target), STRING_TRAVERSAL), byFactor(size(args[0]), STRING_TRAVERSAL));
        }
        return undefined;
      case "string":
      case "bytes": {
        // Of the conversions, cel-go sizes only bytes_to_string and string_to_bytes; every other
        // one (`string(int)`, `string(string)`...) costs 1 and leaves its result's size unknown,
        // so concatenating it is unbounded, as in Kubernetes.
        if (args.length !== 1) return undefined;
        const from = kindOf(typeOf(args[0] as ASTNode));
        if (from !== (name === "string" ? "bytes" : "string") && from !== "dyn") return undefined;
        const s = size(args[0]);
        setSize(
          name === "bytes" ? { min: s.min, max: sat(s.max * 4) } : { min: Math.floor(s.min / 4), max: s.max },
        );
        const traversal = byFactor(s, STRING_TRAVERSAL);
        // A dyn argument matches every overload: the cost is the union of theirs (the sized one
        // and the O(1) ones), the size that of the only overload that has one.
        return from === "dyn" ? union(traversal, fixed(1)) : traversal;
      }
    }
    return undefined;
  }

  private replaceSize(s: Estimate, from: Estimate, to: Estimate): Estimate {
    const count = { min: 0, max: 0 };
    const kept = { min: 0, max: 0 };
    if (from.min === 0) {
      count.max = s.max < COST_MAX ? s.max + 1 : s.max;
      kept.max = s.max;
    } else if (to.max <= from.min) {
      kept.max = s.max;
    } else {
      count.max = Math.ceil(s.max / from.min);
    }
    if (from.max === 0) {
      count.min = s.min < COST_MAX ? s.min + 1 : s.min;
      kept.min = s.min;
    } else if (from.max <= to.min) {
      kept.min = s.min;
    } else {
      count.min = Math.ceil(s.min / from.max);
    }
    return add(mul(count, to), kept);
  }
}

const KUBERNETES_VALUE_TYPES = new Set([
  "kubernetes.Quantity",
  "kubernetes.Semver",
  "kubernetes.URL",
  "kubernetes.NamedFormat",
  "net.IP",
  "net.CIDR",
]);

function isKubernetesValueType(t: CheckedType | undefined): boolean {
  return t?.name !== undefined && KUBERNETES_VALUE_TYPES.has(t.name);
}

/** The worst-case cost of a checked expression whose `self` has type `selfType`. */
export function estimateCost(ast: ASTNode, selfType: DeclType): Estimate {
  return new Coster(selfType).cost(ast);
}
