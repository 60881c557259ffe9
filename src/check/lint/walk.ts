/**
 * One walk of a version's schema for all the rules. Each node's own keys are read once, in one
 * loop: most nodes have only `type`, `description` and `properties`, and call no rule at all
 * (reading each rule's keywords on each of the corpus' ~300,000 nodes cost more than the rules).
 */
import type { Segment } from "../positions.js";
import type { LintRule, RawNode, Report, SchemaVisit } from "./rule.js";

const MAX_DEPTH = 200;
const BRANCHES = ["allOf", "anyOf", "oneOf"] as const;
const CHILDREN = ["items", "additionalProperties"] as const;

type Visitor = readonly [rule: LintRule, report: Report];

function isObject(v: unknown): v is RawNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function walkSchema(
  root: RawNode,
  base: readonly Segment[],
  rules: readonly LintRule[],
  reporter: (rule: LintRule, base: readonly Segment[]) => Report,
): void {
  const path: Segment[] = [...base];
  // Reports read `path` when called, so one reporter per rule serves every node.
  const byKey = new Map<string, Visitor[]>();
  for (const rule of rules) {
    if (!rule.node) continue;
    const visitor: Visitor = [rule, reporter(rule, path)];
    for (const key of rule.keys ?? []) byKey.set(key, [...(byKey.get(key) ?? []), visitor]);
  }
  if (byKey.size > 0) new Walk(path, byKey).own(root, true, false, 0);
}

/** The walk's state: one mutable path, pushed and popped. */
class Walk {
  constructor(
    private readonly path: Segment[],
    private readonly byKey: ReadonlyMap<string, readonly Visitor[]>,
  ) {}

  /** The rules a node calls: one list, emptied for each node. */
  private readonly called: Visitor[] = [];

  /** A node of its own (not a branch); its visit is made only if a rule or a branch needs it. */
  own(node: RawNode, resourceRoot: boolean, objectMeta: boolean, depth: number): void {
    if (depth > MAX_DEPTH) return;
    let visit: SchemaVisit | undefined;
    if (this.collect(node)) this.call((visit = ownVisit(node, resourceRoot, objectMeta)));
    const properties = node["properties"];
    if (isObject(properties)) {
      // Object.keys, not for-in: for-in over the parsed YAML's objects took twice as long.
      const names = Object.keys(properties);
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const child = properties[name];
        if (!isObject(child)) continue;
        this.path.push("properties", name);
        this.own(child, isEmbedded(child), objectMeta || (resourceRoot && name === "metadata"), depth + 1);
        this.path.length -= 2;
      }
    }
    for (const key of CHILDREN) {
      const child = node[key];
      if (!isObject(child)) continue;
      this.path.push(key);
      this.own(child, isEmbedded(child), objectMeta, depth + 1);
      this.path.length -= 1;
    }
    // Value validations are rare: their visit is made where there are some.
    if (
      node["allOf"] !== undefined ||
      node["anyOf"] !== undefined ||
      node["oneOf"] !== undefined ||
      node["not"] !== undefined
    )
      this.branches(visit ?? ownVisit(node, resourceRoot, objectMeta), depth);
  }

  /** The `allOf`/`anyOf`/`oneOf`/`not` branches of the node of `visit`. */
  private branches(visit: SchemaVisit, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const key of BRANCHES) {
      const list = visit.node[key];
      if (!Array.isArray(list)) continue;
      list.forEach((child: unknown, i) => {
        if (isObject(child)) this.branch({ ...visit, node: child, branch: true }, [key, i], depth);
      });
    }
    const not = visit.node["not"];
    if (isObject(not))
      this.branch({ ...visit, node: not, branch: true, negated: !visit.negated }, ["not"], depth);
  }

  private branch(visit: SchemaVisit, at: readonly Segment[], depth: number): void {
    const n = this.path.length;
    this.path.push(...at);
    if (this.collect(visit.node)) this.call(visit);
    this.branches(visit, depth + 1);
    this.path.length = n;
  }

  /** Gathers in `called` the rules that look at one of the node's keys, each once; whether there are any. */
  private collect(node: RawNode): boolean {
    const keys = Object.keys(node);
    const called = this.called;
    called.length = 0;
    for (let i = 0; i < keys.length; i++) {
      const visitors = this.byKey.get(keys[i]!);
      if (visitors === undefined) continue;
      for (const v of visitors) if (!called.includes(v)) called.push(v);
    }
    return called.length > 0;
  }

  /** Calls the rules `collect` gathered (a copy: the list is the walk's one scratch list). */
  private call(visit: SchemaVisit): void {
    for (const [rule, report] of [...this.called]) rule.node!(visit, report);
  }
}

function isEmbedded(node: RawNode): boolean {
  return node["x-kubernetes-embedded-resource"] === true;
}

function ownVisit(node: RawNode, resourceRoot: boolean, objectMeta: boolean): SchemaVisit {
  const type = node["type"];
  return {
    node,
    type: typeof type === "string" ? type : undefined,
    intOrString: node["x-kubernetes-int-or-string"] === true,
    owner: node,
    branch: false,
    negated: false,
    resourceRoot,
    objectMeta,
  };
}
