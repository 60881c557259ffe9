/**
 * `pruning.Prune`: removes object fields a structural schema does not specify, keeping
 * TypeMeta/ObjectMeta fields of embedded resources (and of the root when `isResourceRoot`).
 * Works in place on a copy the caller owns.
 */
import { isPlainObject, own } from "./json.js";
import { asResourceRoot } from "./structural/resource-root.js";
import type { Structural } from "./structural/types.js";

const META_FIELDS = new Set(["apiVersion", "kind", "metadata"]);

export function prune(obj: unknown, s: Structural | undefined, isResourceRoot: boolean): void {
  pruneNode(obj, isResourceRoot ? asResourceRoot(s) : s, 0);
}

function pruneNode(x: unknown, s: Structural | undefined, depth: number): void {
  if (depth > 200) return;
  if (s?.extensions.xPreserveUnknownFields) {
    skipPrune(x, s, depth);
    return;
  }
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (!s) {
        delete x[k];
        continue;
      }
      if (s.extensions.xEmbeddedResource && META_FIELDS.has(k)) continue;
      const prop = own(s.properties, k);
      if (prop) pruneNode(x[k], prop, depth + 1);
      else if (s.generic.additionalProperties)
        pruneNode(x[k], s.generic.additionalProperties.structural, depth + 1);
      else delete x[k];
    }
  } else if (Array.isArray(x)) {
    for (const v of x) pruneNode(v, s?.items, depth + 1);
  }
}

function skipPrune(x: unknown, s: Structural, depth: number): void {
  if (depth > 200) return;
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (s.extensions.xEmbeddedResource && META_FIELDS.has(k)) continue;
      const prop = own(s.properties, k);
      if (prop) pruneNode(x[k], prop, depth + 1);
      else if (s.generic.additionalProperties)
        pruneNode(x[k], s.generic.additionalProperties.structural, depth + 1);
    }
  } else if (Array.isArray(x)) {
    if (s.items) for (const v of x) skipPrune(v, s.items, depth + 1);
  }
}
