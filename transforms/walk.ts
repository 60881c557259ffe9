/**
 * The one schema walk every transform uses: rebuilds a tree bottom-up, handing each node
 * (with its children already rewritten) to a function that returns its replacement.
 * Never mutates its input, so transforms stay pure.
 */
import type { DraftSchema } from "../src/emit/draft.js";

/** A readable path to a node, e.g. `spec.containers[].ports`. */
export type SchemaPath = string;

export type NodeRewrite = (node: DraftSchema, path: SchemaPath) => DraftSchema;

const BRANCHES = ["allOf", "anyOf", "oneOf"] as const;

export function mapSchema(schema: DraftSchema, rewrite: NodeRewrite, path: SchemaPath = ""): DraftSchema {
  const out: DraftSchema = { ...schema };
  if (schema.properties) {
    const props: Record<string, DraftSchema> = {};
    for (const [name, child] of Object.entries(schema.properties)) {
      props[name] = mapSchema(child, rewrite, join(path, name));
    }
    out.properties = props;
  }
  if (schema.items && !Array.isArray(schema.items)) out.items = mapSchema(schema.items, rewrite, `${path}[]`);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    out.additionalProperties = mapSchema(schema.additionalProperties, rewrite, `${path}[*]`);
  }
  for (const key of BRANCHES) {
    const branches = schema[key];
    if (branches) out[key] = branches.map((b, i) => mapSchema(b, rewrite, `${path}.${key}[${i}]`));
  }
  if (schema.not) out.not = mapSchema(schema.not, rewrite, `${path}.not`);
  return rewrite(out, path);
}

/** Visits every node top-down without rebuilding (for checks). */
export function visitSchema(schema: DraftSchema, visit: (node: DraftSchema, path: SchemaPath) => void, path = ""): void {
  visit(schema, path);
  for (const [name, child] of Object.entries(schema.properties ?? {})) visitSchema(child, visit, join(path, name));
  if (schema.items && !Array.isArray(schema.items)) visitSchema(schema.items, visit, `${path}[]`);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    visitSchema(schema.additionalProperties, visit, `${path}[*]`);
  }
  for (const key of BRANCHES) schema[key]?.forEach((b, i) => visitSchema(b, visit, `${path}.${key}[${i}]`));
  if (schema.not) visitSchema(schema.not, visit, `${path}.not`);
}

function join(path: SchemaPath, name: string): SchemaPath {
  return path === "" ? name : `${path}.${name}`;
}

/** Removes keys whose value is undefined, so rewritten nodes compare and print cleanly. */
export function compact(node: DraftSchema): DraftSchema {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (v !== undefined) out[k] = v;
  return out as DraftSchema;
}
