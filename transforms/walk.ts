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

const BRANCHES = ["allOf", "anyOf", "oneOf"] as const;

export function mapSchema(schema: DraftSchema, rewrite: NodeRewrite, path: SchemaPath = ""): DraftSchema {
  // Structural sharing: a node is copied only when one of its children changed, so a transform
  // that touches a few nodes allocates a few nodes, not a second copy of the whole tree. The
  // walk runs ten times over every node of a CRD, so it allocates nothing it does not return.
  let out: DraftSchema | undefined;
  const properties = schema.properties;
  if (properties) {
    let props: Record<string, DraftSchema> | undefined;
    for (const name in properties) {
      const child = properties[name]!;
      const next = mapSchema(child, rewrite, join(path, name));
      if (next !== child && !props) props = { ...properties };
      if (props) props[name] = next;
    }
    if (props) (out ??= { ...schema }).properties = props;
  }
  const items = schema.items;
  if (items && !Array.isArray(items)) {
    const next = mapSchema(items, rewrite, `${path}[]`);
    if (next !== items) (out ??= { ...schema }).items = next;
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === "object") {
    const next = mapSchema(additional, rewrite, `${path}[*]`);
    if (next !== additional) (out ??= { ...schema }).additionalProperties = next;
  }
  for (const key of BRANCHES) {
    const branches = schema[key];
    if (!branches) continue;
    let changed: DraftSchema[] | undefined;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i]!;
      const next = mapSchema(branch, rewrite, `${path}.${key}[${i}]`);
      if (next !== branch && !changed) changed = branches.slice();
      if (changed) changed[i] = next;
    }
    if (changed) (out ??= { ...schema })[key] = changed;
  }
  if (schema.not) {
    const next = mapSchema(schema.not, rewrite, `${path}.not`);
    if (next !== schema.not) (out ??= { ...schema }).not = next;
  }
  return rewrite(out ?? schema, path);
}

function join(path: SchemaPath, name: string): SchemaPath {
  return path === "" ? name : `${path}.${name}`;
}
