/**
 * `nullable-removed` (breaking): `nullable: true` went away. Explicit nulls are then
 * pruned from requests and stored objects (or rejected), so clients that send null
 * to mean "unset here" change behaviour.
 * Example: `nullable: true` → no `nullable`.
 *
 * `nullable-added` (not breaking): null is now accepted as well.
 */
import type { SchemaRule } from "./rule.js";

export const nullableRule: SchemaRule = {
  keywords: ["nullable"],
  check(old, neu, at, report) {
    const before = old.nullable === true;
    const after = neu.nullable === true;
    if (before === after) return;
    report({
      kind: before ? "nullable-removed" : "nullable-added",
      breaking: before,
      at: at.field("nullable"),
      message: before ? "null is no longer accepted" : "null is now accepted",
      old: old.nullable,
      new: neu.nullable,
    });
  },
};
