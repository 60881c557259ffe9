/**
 * `selectable-field-removed` (breaking): a path left a version's `selectableFields`. List
 * and watch requests that filter on it (`kubectl get widgets --field-selector spec.color=red`)
 * are then rejected by the API server, as for any field it cannot select on.
 * Example: `selectableFields: [{jsonPath: .spec.color}]` → no selectableFields.
 *
 * `selectable-field-added` (not breaking): a new field selector is accepted.
 * Fields are matched by `jsonPath`, which also names them in a change's path
 * (`selectableFields[.spec.color]`).
 */
import { isRecord } from "../crd-access.js";
import type { VersionRule } from "./rule.js";

/** Each entry's jsonPath by its index in the list (entries without one are skipped). */
function paths(value: unknown): Map<string, number> {
  const out = new Map<string, number>();
  if (!Array.isArray(value)) return out;
  value.forEach((f: unknown, index) => {
    if (isRecord(f) && typeof f.jsonPath === "string" && !out.has(f.jsonPath)) out.set(f.jsonPath, index);
  });
  return out;
}

export const selectableFieldsRule: VersionRule = {
  check(old, neu, at, report) {
    const before = paths(old.selectableFields);
    const after = paths(neu.selectableFields);
    const list = at.field("selectableFields");
    for (const path of before.keys()) {
      if (after.has(path)) continue;
      report({
        kind: "selectable-field-removed",
        breaking: true,
        at: list.named(path, undefined),
        message: `field selector ${path} was removed; list and watch requests selecting on it are rejected`,
        old: path,
      });
    }
    for (const [path, index] of after) {
      if (before.has(path)) continue;
      report({
        kind: "selectable-field-added",
        breaking: false,
        at: list.named(path, index),
        message: `field selector ${path} was added`,
        new: path,
      });
    }
  },
};
