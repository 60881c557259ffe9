/**
 * `map-type-changed` (breaking): `x-kubernetes-map-type` changed (unset counts as
 * `granular`). Server-side apply then merges the object as a whole or per key,
 * which changes field ownership and what controllers' apply patches do.
 * Example: `x-kubernetes-map-type: granular` → `x-kubernetes-map-type: atomic`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import type { SchemaRule } from "./rule.js";

function mapTypeOf(node: JSONSchemaProps): string {
  return node["x-kubernetes-map-type"] ?? "granular";
}

export const mapTypeRule: SchemaRule = {
  keywords: ["x-kubernetes-map-type"],
  check(old, neu, at, report) {
    if (mapTypeOf(old) === mapTypeOf(neu)) return;
    report({
      kind: "map-type-changed",
      breaking: true,
      at: at.field("x-kubernetes-map-type"),
      message: `map type changed from ${mapTypeOf(old)} to ${mapTypeOf(neu)}`,
      old: old["x-kubernetes-map-type"],
      new: neu["x-kubernetes-map-type"],
    });
  },
};
