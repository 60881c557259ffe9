/**
 * `selectable-field-removed` (breaking): a path left a version's `selectableFields`. List
 * and watch requests that filter on it (`kubectl get widgets --field-selector spec.color=red`)
 * are then rejected by the API server, as for any field it cannot select on.
 * Example: `selectableFields: [{jsonPath: .spec.color}]` → no selectableFields.
 *
 * `selectable-field-added` (not breaking): a new field selector is accepted.
 * Fields are matched by `jsonPath`.
 */
import { isRecord } from "../crd-access.js";
import type { VersionRule } from "./rule.js";

function paths(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f: unknown) => (isRecord(f) && typeof f.jsonPath === "string" ? [f.jsonPath] : []));
}

export const selectableFieldsRule: VersionRule = {
  check(old, neu, at, report) {
    const before = paths(old.selectableFields);
    const after = paths(neu.selectableFields);
    const list = at.field("selectableFields");
    for (const path of before.filter((p) => !after.includes(p))) {
      report({
        kind: "selectable-field-removed",
        breaking: true,
        at: list,
        message: `field selector ${path} was removed; list and watch requests selecting on it are rejected`,
        old: path,
      });
    }
    for (const path of after.filter((p) => !before.includes(p))) {
      report({
        kind: "selectable-field-added",
        breaking: false,
        at: list,
        message: `field selector ${path} was added`,
        new: path,
      });
    }
  },
};
