/**
 * set-lists: `uniqueItems: true` (from `Set<T>` or @uniqueItems) is forbidden by Kubernetes
 * (G4: quadratic to check). A set of scalars says the same thing with
 * `x-kubernetes-list-type: set`, which the API server checks in linear time. For other
 * items the uniqueness cannot be kept: it is dropped with a warning at the field.
 *
 *   in:  {type: array, items: {type: string}, uniqueItems: true}
 *   out: {type: array, items: {type: string}, x-kubernetes-list-type: set}
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, reportAt, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "set-lists";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.uniqueItems;

const SCALARS = new Set(["string", "integer", "number", "boolean"]);

/** Kubernetes sets hold non-null scalars (G20, G29). */
function isScalar(items: DraftSchema | undefined): boolean {
  if (!items || items.nullable === true) return false;
  return (
    (items.type !== undefined && SCALARS.has(items.type)) || items["x-kubernetes-int-or-string"] === true
  );
}

export function setLists(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      if (node.uniqueItems === undefined) return node;
      const { uniqueItems, ...rest } = node;
      if (uniqueItems !== true) return rest;
      if (isScalar(node.items)) {
        const listType = rest["x-kubernetes-list-type"];
        if (listType === undefined || listType === "set") return { ...rest, "x-kubernetes-list-type": "set" };
      }
      // Said in the words of the types (a Set, @uniqueItems), not of the schema keyword dropped.
      const why = isScalar(node.items)
        ? `its @listType ${String(rest["x-kubernetes-list-type"])} is not a set`
        : "Kubernetes keeps only lists of strings, numbers or booleans unique";
      reportAt(ctx, node, path, {
        severity: "warning",
        code: codes.removedKeyword,
        message: `This list's items are meant to be unique (a Set, or @uniqueItems), but ${why}: the API server will accept duplicates.`,
        hint: "to have no two items with the same key, use an array tagged @listType map and @listMapKey <key field>; else write T[]",
      });
      return rest;
    },
    walkOptions(ctx, name, acts),
  );
}
