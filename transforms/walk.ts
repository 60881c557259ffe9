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
  // that touches a few nodes allocates a few nodes, not a second copy of the whole tree.
  let out: DraftSchema | undefined;
  const set = <K extends keyof DraftSchema>(key: K, value: DraftSchema[K]) => {
    out ??= { ...schema };
    out[key] = value;
  };
  if (schema.properties) {
    let props: Record<string, DraftSchema> | undefined;
    for (const [name, child] of Object.entries(schema.properties)) {
      const next = mapSchema(child, rewrite, join(path, name));
      if (next !== child && !props) props = { ...schema.properties };
      if (props) props[name] = next;
    }
    if (props) set("properties", props);
  }
  if (schema.items && !Array.isArray(schema.items)) {
    const next = mapSchema(schema.items, rewrite, `${path}[]`);
    if (next !== schema.items) set("items", next);
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    const next = mapSchema(schema.additionalProperties, rewrite, `${path}[*]`);
    if (next !== schema.additionalProperties) set("additionalProperties", next);
  }
  for (const key of BRANCHES) {
    const branches = schema[key];
    if (!branches) continue;
    const next = branches.map((b, i) => mapSchema(b, rewrite, `${path}.${key}[${i}]`));
    if (next.some((b, i) => b !== branches[i])) set(key, next);
  }
  if (schema.not) {
    const next = mapSchema(schema.not, rewrite, `${path}.not`);
    if (next !== schema.not) set("not", next);
  }
  return rewrite(out ?? schema, path);
}

function join(path: SchemaPath, name: string): SchemaPath {
  return path === "" ? name : `${path}.${name}`;
}
