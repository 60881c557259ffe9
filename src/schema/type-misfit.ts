/**
 * What a node keeps from its TypeScript type that the `type` a tag set (`@schemaType`) rules
 * out: a list's item schema or a map's value schema on a node that is no list or map, which
 * Kubernetes accepts and never checks, or literal values of another kind than the type (an enum
 * Kubernetes does not check against the type, and then refuses every such value). Properties
 * on a node that is no object are transforms/unsupported-keywords' CRD3007 of their own.
 */
import { isPlainObject, jsonKind, kindFitsType } from "../validate/json.js";

/** What this reads of a schema node: a draft's or a final one's. */
export interface MisfitNode {
  type?: string | undefined;
  items?: unknown;
  additionalProperties?: unknown;
  enum?: unknown[] | undefined;
}

export interface TypeMisfit {
  /** The keyword that no value of the type can use. */
  keyword: "items" | "additionalProperties" | "enum";
  message: string;
  hint: string;
}

const SCHEMA_TYPES = new Set(["string", "integer", "number", "boolean", "array", "object"]);

/**
 * Whether `node` has a misfit: `typeMisfits` without its messages, for transforms/walk.ts's scan of
 * every node, where most lists, maps and literal unions have none.
 */
export function hasTypeMisfit(node: MisfitNode): boolean {
  const { type } = node;
  if (type === undefined || !SCHEMA_TYPES.has(type)) return false;
  if (type !== "array" && isPlainObject(node.items)) return true;
  if (type !== "object" && isPlainObject(node.additionalProperties)) return true;
  const values = node.enum;
  if (values === undefined) return false;
  for (const v of values) if (v !== null && !kindFitsType(jsonKind(v), type)) return true;
  return false;
}

/** The misfits of `node`, none when it has no single type (an int-or-string, any value). */
export function typeMisfits(node: MisfitNode): TypeMisfit[] {
  const { type } = node;
  if (type === undefined || !SCHEMA_TYPES.has(type)) return [];
  const out: TypeMisfit[] = [];
  const keepHint = `to write the field as a ${type} with a schema of its own (a type with its own JSON encoding), add @schemaless beside @schemaType ${type}; else remove the @schemaType`;
  if (type !== "array" && isPlainObject(node.items))
    out.push({
      keyword: "items",
      message: `@schemaType ${type} on a list type keeps its item schema, which no ${type} has: Kubernetes accepts the schema and checks none of it.`,
      hint: keepHint,
    });
  if (type !== "object" && isPlainObject(node.additionalProperties))
    out.push({
      keyword: "additionalProperties",
      message: `@schemaType ${type} on a map type keeps its value schema, which no ${type} has: Kubernetes accepts the schema and checks none of it.`,
      hint: keepHint,
    });
  const values = node.enum ?? [];
  const refused = values.filter((v) => v !== null && !kindFitsType(jsonKind(v), type));
  if (refused.length > 0) {
    const listed = refused.map((v) => JSON.stringify(v)).join(", ");
    const every = refused.length === values.filter((v) => v !== null).length;
    out.push({
      keyword: "enum",
      message: `@schemaType ${type} on a type of the values ${listed}, ${refused.length === 1 ? "which is" : "which are"} no ${type}: Kubernetes does not check enum values against the type, accepts the schema and then refuses ${every ? `every value${values.includes(null) ? " but null" : ""}` : refused.length === 1 ? "that value" : "those values"}.`,
      hint: "remove the @schemaType: the TypeScript type gives the schema its type",
    });
  }
  return out;
}
