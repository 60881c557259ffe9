/**
 * `list-type-changed` (breaking): `x-kubernetes-list-type` changed (unset counts as
 * `atomic`). `set` and `map` reject duplicates that `atomic` stored lists may hold,
 * and server-side apply merges the lists differently, so field ownership and
 * controllers' patches change meaning.
 * Example: `x-kubernetes-list-type: atomic` → `x-kubernetes-list-type: map`.
 *
 * `list-map-keys-changed` (breaking): the keys of a list that is a `map` on both sides
 * changed (order ignored): entries are identified differently, so merges and duplicate
 * checks change. Example: `x-kubernetes-list-map-keys: [name]` → `[name, protocol]`.
 * A list that becomes or stops being a `map` gets one `list-type-changed` naming its keys.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { stringList } from "../crd-access.js";
import type { SchemaRule } from "./rule.js";

function listTypeOf(node: JSONSchemaProps): string {
  return node["x-kubernetes-list-type"] ?? "atomic";
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((k, i) => k === [...b].sort()[i]);
}

/** `map` lists are named with their keys: `map [name, protocol]`. */
function describe(node: JSONSchemaProps, keys: string[]): string {
  const type = listTypeOf(node);
  return type === "map" ? `map [${keys.join(", ")}]` : type;
}

export const listTypeRule: SchemaRule = {
  keywords: ["x-kubernetes-list-type", "x-kubernetes-list-map-keys"],
  check(old, neu, at, report) {
    const before = stringList(old["x-kubernetes-list-map-keys"]);
    const after = stringList(neu["x-kubernetes-list-map-keys"]);
    if (listTypeOf(old) !== listTypeOf(neu)) {
      report({
        kind: "list-type-changed",
        breaking: true,
        at: at.field("x-kubernetes-list-type"),
        message: `list type changed from ${describe(old, before)} to ${describe(neu, after)}`,
        old: old["x-kubernetes-list-type"],
        new: neu["x-kubernetes-list-type"],
      });
      return;
    }
    if (!sameKeys(before, after)) {
      report({
        kind: "list-map-keys-changed",
        breaking: true,
        at: at.field("x-kubernetes-list-map-keys"),
        message: `list map keys changed from [${before.join(", ")}] to [${after.join(", ")}]`,
        old: old["x-kubernetes-list-map-keys"],
        new: neu["x-kubernetes-list-map-keys"],
      });
    }
  },
};
