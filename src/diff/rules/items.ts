/**
 * `schema-changed` for `items` that stopped or started being a single schema (added,
 * removed, or turned into a tuple). Breaking: element validation and pruning change
 * for every stored list. When both sides are single schemas they are walked like any
 * field instead, so this rarely fires on valid structural schemas.
 * Example: `items: {type: string}` → no `items`.
 */
import { isRecord } from "../crd-access.js";
import { jsonEqual } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

export const itemsRule: SchemaRule = {
  keywords: ["items"],
  check(old, neu, at, report) {
    if ((isRecord(old.items) && isRecord(neu.items)) || jsonEqual(old.items, neu.items)) return;
    report({
      kind: "schema-changed",
      breaking: true,
      at: at.field("items"),
      message: "the list item schema was added, removed or replaced",
      old: old.items,
      new: neu.items,
    });
  },
};
