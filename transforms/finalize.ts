/**
 * finalize: the last transform. Removes crdgen's internal annotations (`x-crdgen-*`)
 * and empty `required`/`properties`, which otherwise cause endless GitOps drift
 * (the API server drops them, so the stored object never matches the file). Keys come out
 * sorted, the order the output is written in.
 *
 *   in:  {type: object, required: [], properties: {}, x-crdgen-origin: {...}}
 *   out: {type: object}
 */
import type { DraftSchema } from "../src/emit/draft.js";
import { sortedKeys } from "../src/schema/sorted-keys.js";
import { walkOptions, type TransformContext } from "./context.js";
import { mapSchema } from "./walk.js";

export const name = "finalize";

export function finalize(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node) => {
      const out: Record<string, unknown> = {};
      // Keys in the order the YAML writer prints them (sorted), so rendering copies nothing.
      for (const key of sortedKeys(node)) {
        const value = (node as Record<string, unknown>)[key];
        if (key.startsWith("x-crdgen-") || value === undefined) continue;
        if (key === "required" && Array.isArray(value) && value.length === 0) continue;
        if (key === "properties" && Object.keys(value as object).length === 0) continue;
        out[key] = value;
      }
      return out as DraftSchema;
    },
    walkOptions(ctx, name),
  );
}
