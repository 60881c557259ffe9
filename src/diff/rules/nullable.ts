/**
 * `nullable-removed` (breaking): `nullable: true` went away. A null field is then pruned from
 * requests and from objects read from etcd (or given its default), and a null list item or map
 * value is rejected, so clients that send null to mean something else than "unset" change behaviour.
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
      message: before
        ? "null is no longer accepted: a null field is pruned (or given its default), a null list item or map value rejected"
        : "null is now accepted",
      old: old.nullable,
      new: neu.nullable,
    });
  },
};
