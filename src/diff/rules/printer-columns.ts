/**
 * `printer-column-removed` (not breaking, informational): a column of
 * `additionalPrinterColumns` is gone. Only `kubectl get` output changes; no API
 * client or stored object is affected, though scripts parsing the table may be.
 * Example: column `Ready` removed.
 *
 * `printer-column-added` / `printer-column-changed` (not breaking). Columns are
 * matched by name.
 */
import type { CustomResourceColumnDefinition } from "../../schema/types.js";
import { isRecord } from "../crd-access.js";
import { jsonEqual } from "../json-equal.js";
import type { VersionRule } from "./rule.js";

function columns(value: unknown): CustomResourceColumnDefinition[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is CustomResourceColumnDefinition => isRecord(c) && typeof c.name === "string");
}

/** Pairs columns by name; a repeated name pairs its n-th old use with its n-th new use. */
function matchColumns(
  before: CustomResourceColumnDefinition[],
  after: CustomResourceColumnDefinition[],
): {
  pairs: [CustomResourceColumnDefinition, number][];
  removed: CustomResourceColumnDefinition[];
  added: number[];
} {
  const unmatched = new Set(after.keys());
  const pairs: [CustomResourceColumnDefinition, number][] = [];
  const removed: CustomResourceColumnDefinition[] = [];
  for (const column of before) {
    const index = [...unmatched].find((i) => after[i]?.name === column.name);
    if (index === undefined) {
      removed.push(column);
    } else {
      pairs.push([column, index]);
      unmatched.delete(index);
    }
  }
  return { pairs, removed, added: [...unmatched] };
}

export const printerColumnsRule: VersionRule = {
  check(old, neu, at, report) {
    const before = columns(old.additionalPrinterColumns);
    const after = columns(neu.additionalPrinterColumns);
    const list = at.field("additionalPrinterColumns");
    const { pairs, removed, added } = matchColumns(before, after);
    for (const [column, index] of pairs) {
      const match = after[index];
      if (jsonEqual(column, match)) continue;
      report({
        kind: "printer-column-changed",
        breaking: false,
        at: list.named(column.name, index),
        message: `printer column "${column.name}" changed`,
        old: column,
        new: match,
      });
    }
    for (const column of removed) {
      report({
        kind: "printer-column-removed",
        breaking: false,
        at: list.named(column.name, undefined),
        message: `printer column "${column.name}" was removed`,
        old: column,
      });
    }
    for (const index of added) {
      const column = after[index] as CustomResourceColumnDefinition;
      report({
        kind: "printer-column-added",
        breaking: false,
        at: list.named(column.name, index),
        message: `printer column "${column.name}" was added`,
        new: column,
      });
    }
  },
};
