/**
 * finalize: the last transform. Removes crdgen's internal annotations (`x-crdgen-*`)
 * and empty `required`/`properties`, which otherwise cause endless GitOps drift
 * (the API server drops them, so the stored object never matches the file), and puts the
 * schema in the canonical form it is written in (src/write/canonical.ts): keys sorted, user
 * data (`default`, `example`, `enum`) as written. Rendering then takes it as it is.
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
import {
  builtInCanonicalForm,
  canonicalKeywordValue,
  SCHEMA_LISTS,
  SCHEMA_MAPS,
  SCHEMA_VALUES,
} from "../src/write/canonical.js";
import type { TransformContext } from "./context.js";

export const name = "finalize";

/** Finalized nodes by input node (kept by a watch session): the result depends on nothing else. */
export type FinalizeMemo = WeakMap<DraftSchema, DraftSchema>;

export function finalize(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  const memo = ctx.memo?.finalized;
  const finalized = (node: DraftSchema): DraftSchema => {
    const known = memo?.get(node);
    if (known) return known;
    const out = finalNode(node, finalized);
    memo?.set(node, out);
    return out;
  };
  return builtInCanonicalForm(finalized(schema));
}

/**
 * One node in final form, its schema-valued children mapped by `child`: finalize's own
 * recursion, or (emit/direct.ts) nothing, when they are final already.
 */
export function finalNode(node: DraftSchema, child: (node: DraftSchema) => DraftSchema): DraftSchema {
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys(node)) {
    const value = n[key];
    if (value === undefined || key.startsWith("x-crdgen-")) continue;
    if (key === "required" && Array.isArray(value) && value.length === 0) continue;
    if (SCHEMA_MAPS.has(key)) {
      // Schemas by name, in the order they were declared.
      let schemas: Record<string, DraftSchema> | undefined;
      const children = value as Record<string, DraftSchema>;
      for (const name in children) (schemas ??= {})[name] = child(children[name]!);
      if (schemas) out[key] = schemas;
      else if (key !== "properties") out[key] = value;
    } else if (SCHEMA_VALUES.has(key) || SCHEMA_LISTS.has(key)) {
      // A schema, a list of them (branches, tuple items) or a boolean.
      out[key] = Array.isArray(value)
        ? value.map((item: DraftSchema) => child(item))
        : typeof value === "object" && value !== null
          ? child(value as DraftSchema)
          : value;
    } else {
      out[key] = canonicalKeywordValue(key, value);
    }
  }
  return out as DraftSchema;
}
