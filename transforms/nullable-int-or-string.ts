/**
 * nullable-int-or-string: an optional or `| null` int-or-string property gets
 * `nullable: true`. Server-side apply sends `null` for unset optional values; an
 * int-or-string without nullable makes the API server reject them (kube-rs #1885).
 * Required properties are left alone unless the TS type admits null (already nullable).
 *
 *   in:  {properties: {port: {x-kubernetes-int-or-string: true, anyOf: [...]}}}       (port optional)
 *   out: {properties: {port: {x-kubernetes-int-or-string: true, anyOf: [...], nullable: true}}}
 */
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "nullable-int-or-string";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.intOrString;

export function nullableIntOrString(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node) => {
      // Kubernetes' own schemas (e.g. PodSpec's Quantity fields) are kept as Kubernetes publishes them.
      if (!node.properties || node["x-crdgen-verbatim"] === true) return node;
      if (!Object.values(node.properties).some((p) => p["x-kubernetes-int-or-string"] === true)) return node;
      const required = new Set(node.required ?? []);
      let changed = false;
      const properties: Record<string, DraftSchema> = {};
      for (const [name, prop] of Object.entries(node.properties)) {
        if (prop["x-kubernetes-int-or-string"] === true && !required.has(name) && prop.nullable !== true) {
          properties[name] = { ...prop, nullable: true };
          changed = true;
        } else {
          properties[name] = prop;
        }
      }
      return changed ? { ...node, properties } : node;
    },
    walkOptions(ctx, name, acts),
  );
}
