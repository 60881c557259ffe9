/**
 * finalize: the last transform. Removes crdgen's internal annotations (`x-crdgen-*`)
 * and empty `required`/`properties`, which otherwise cause endless GitOps drift
 * (the API server drops them, so the stored object never matches the file). Keys come out
 * sorted, the order the output is written in.
 *
 *   in:  {type: object, required: [], properties: {}, x-crdgen-origin: {...}}
 *   out: {type: object}
 *
 * Every node carries its origin, so every node is copied: in one pass that builds each node
 * once, rather than the shared walk, which would copy a node for its new children and again
 * for its keys. In a watch session, subtrees finalized last run are taken as they were.
 */
import type { DraftSchema } from "../src/emit/draft.js";
import { sortedKeys } from "../src/schema/sorted-keys.js";
import type { TransformContext } from "./context.js";

export const name = "finalize";

/** Finalized nodes by input node (kept by a watch session): the result depends on nothing else. */
export type FinalizeMemo = WeakMap<DraftSchema, DraftSchema>;

export function finalize(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return finalized(schema, ctx.memo?.finalized);
}

function finalized(node: DraftSchema, memo: FinalizeMemo | undefined): DraftSchema {
  const known = memo?.get(node);
  if (known) return known;
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Keys in the order the YAML writer prints them (sorted), so rendering copies nothing.
  for (const key of sortedKeys(node)) {
    const value = n[key];
    if (value === undefined || key.startsWith("x-crdgen-")) continue;
    switch (key) {
      case "properties": {
        let properties: Record<string, DraftSchema> | undefined;
        const children = value as Record<string, DraftSchema>;
        for (const child in children) (properties ??= {})[child] = finalized(children[child]!, memo);
        if (properties) out[key] = properties;
        continue;
      }
      case "required":
        if (Array.isArray(value) && value.length === 0) continue;
        break;
      case "items":
      case "not":
      case "additionalProperties":
        // Tuple items are not a schema of ours (unsupported-keywords reported them).
        out[key] = isSchema(value) ? finalized(value, memo) : value;
        continue;
      case "allOf":
      case "anyOf":
      case "oneOf":
        out[key] = Array.isArray(value) ? value.map((branch: DraftSchema) => finalized(branch, memo)) : value;
        continue;
    }
    out[key] = value;
  }
  memo?.set(node, out as DraftSchema);
  return out as DraftSchema;
}

function isSchema(value: unknown): value is DraftSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
