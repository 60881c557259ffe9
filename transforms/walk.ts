/**
 * The one schema walk every transform uses: rebuilds a tree bottom-up, handing each node
 * (with its children already rewritten) to a function that returns its replacement, or the
 * node itself when nothing changes. Never mutates its input, so transforms stay pure; a
 * rewrite must not mutate the node it is given either (it may be shared with the input).
 */
import type { DraftSchema } from "../src/emit/draft.js";

/** A readable path to a node, e.g. `spec.containers[].ports`. */
export type SchemaPath = string;

export type NodeRewrite = (node: DraftSchema, path: SchemaPath) => DraftSchema;

/**
 * A rewrite's results on subtrees of earlier runs (watch mode): a subtree met again, as the
 * same object at the same path, is not walked again. Rewrites are pure functions of the node
 * and its path, so the result is the same; a subtree whose walk reported a diagnostic is not
 * remembered, so the diagnostic is reported again.
 */
export interface WalkMemo {
  /** By input node: its result at one path, or at each path it was met (a type used twice). */
  readonly results: WeakMap<DraftSchema, MemoEntry>;
  /** Diagnostics reported so far (by any transform). */
  reported(): number;
}

const BRANCHES = ["allOf", "anyOf", "oneOf"] as const;

export type MemoEntry =
  { readonly path: SchemaPath; readonly out: DraftSchema } | Map<SchemaPath, DraftSchema>;

function remembered(entry: MemoEntry | undefined, path: SchemaPath): DraftSchema | undefined {
  if (entry === undefined) return undefined;
  if (entry instanceof Map) return entry.get(path);
  return entry.path === path ? entry.out : undefined;
}

function remember(memo: WalkMemo, node: DraftSchema, path: SchemaPath, out: DraftSchema): void {
  const entry = memo.results.get(node);
  if (entry instanceof Map) entry.set(path, out);
  else if (entry !== undefined && entry.path !== path)
    memo.results.set(
      node,
      new Map([
        [entry.path, entry.out],
        [path, out],
      ]),
    );
  else memo.results.set(node, { path, out });
}

export function mapSchema(schema: DraftSchema, rewrite: NodeRewrite, memo?: WalkMemo): DraftSchema {
  return mapNode(schema, rewrite, "", memo);
}

function mapNode(
  schema: DraftSchema,
  rewrite: NodeRewrite,
  path: SchemaPath,
  memo: WalkMemo | undefined,
): DraftSchema {
  if (memo) {
    const known = remembered(memo.results.get(schema), path);
    if (known) return known;
    const before = memo.reported();
    const out = walk(schema, rewrite, path, memo);
    if (memo.reported() === before) remember(memo, schema, path, out);
    return out;
  }
  return walk(schema, rewrite, path, undefined);
}

function walk(
  schema: DraftSchema,
  rewrite: NodeRewrite,
  path: SchemaPath,
  memo: WalkMemo | undefined,
): DraftSchema {
  // Structural sharing: a node is copied only when one of its children changed, so a transform
  // that touches a few nodes allocates a few nodes, not a second copy of the whole tree. The
  // walk runs ten times over every node of a CRD, so it allocates nothing it does not return.
  let out: DraftSchema | undefined;
  const properties = schema.properties;
  if (properties) {
    let props: Record<string, DraftSchema> | undefined;
    for (const name in properties) {
      const child = properties[name]!;
      const next = mapNode(child, rewrite, join(path, name), memo);
      if (next !== child && !props) props = { ...properties };
      if (props) props[name] = next;
    }
    if (props) (out ??= { ...schema }).properties = props;
  }
  const items = schema.items;
  if (items && !Array.isArray(items)) {
    const next = mapNode(items, rewrite, `${path}[]`, memo);
    if (next !== items) (out ??= { ...schema }).items = next;
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === "object") {
    const next = mapNode(additional, rewrite, `${path}[*]`, memo);
    if (next !== additional) (out ??= { ...schema }).additionalProperties = next;
  }
  for (const key of BRANCHES) {
    const branches = schema[key];
    if (!branches) continue;
    let changed: DraftSchema[] | undefined;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i]!;
      const next = mapNode(branch, rewrite, `${path}.${key}[${i}]`, memo);
      if (next !== branch && !changed) changed = branches.slice();
      if (changed) changed[i] = next;
    }
    if (changed) (out ??= { ...schema })[key] = changed;
  }
  if (schema.not) {
    const next = mapNode(schema.not, rewrite, `${path}.not`, memo);
    if (next !== schema.not) (out ??= { ...schema }).not = next;
  }
  return rewrite(out ?? schema, path);
}

function join(path: SchemaPath, name: string): SchemaPath {
  return path === "" ? name : `${path}.${name}`;
}
