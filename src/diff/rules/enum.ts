/**
 * `enum-value-removed` (breaking): a value left `enum`; clients sending it are rejected, and so
 * are updates that set it (Kubernetes 1.30+ ratchets: an update leaving a stored one unchanged passes).
 * Example: `enum: [Always, Never]` → `enum: [Always]`.
 *
 * `enum-added` (breaking): a field that accepted any value now has an `enum`.
 *
 * `enum-value-added` (not breaking) and `enum-removed` (the whole `enum` dropped;
 * not breaking). Values are compared as JSON, ignoring order.
 */
import type { JsonValue } from "../../schema/types.js";
import { canonicalJson, preview } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

/** The values without repeats, first occurrence kept. */
function unique(values: JsonValue[]): JsonValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = canonicalJson(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const enumRule: SchemaRule = {
  keywords: ["enum"],
  check(old, neu, at, report) {
    const before = Array.isArray(old.enum) ? old.enum : undefined;
    const after = Array.isArray(neu.enum) ? neu.enum : undefined;
    const path = at.field("enum");
    if (before === undefined && after === undefined) return;
    if (before === undefined && after !== undefined) {
      report({
        kind: "enum-added",
        breaking: true,
        at: path,
        message: `values are now limited to ${preview(after)}`,
        new: after,
      });
      return;
    }
    if (before !== undefined && after === undefined) {
      report({ kind: "enum-removed", breaking: false, at: path, message: "enum was removed", old: before });
      return;
    }
    const keysOf = (values: JsonValue[]): Set<string> => new Set(values.map(canonicalJson));
    const beforeKeys = keysOf(before ?? []);
    const afterKeys = keysOf(after ?? []);
    for (const value of unique(before ?? [])) {
      if (afterKeys.has(canonicalJson(value))) continue;
      report({
        kind: "enum-value-removed",
        breaking: true,
        at: path,
        message: `enum value ${preview(value)} was removed`,
        old: value,
      });
    }
    for (const value of unique(after ?? [])) {
      if (beforeKeys.has(canonicalJson(value))) continue;
      report({
        kind: "enum-value-added",
        breaking: false,
        at: path,
        message: `enum value ${preview(value)} was added`,
        new: value,
      });
    }
  },
};
