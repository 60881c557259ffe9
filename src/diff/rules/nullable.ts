/**
 * `nullable-removed` (breaking): `nullable: true` went away. A null field is then pruned from
 * requests and from objects read from etcd (or given its default), and a null list item or map
 * value is rejected, so clients that send null to mean something else than "unset" change behaviour.
 * Example: `nullable: true` → no `nullable`.
 *
 * `nullable-added` (not breaking): null is now accepted as well. Breaking when a null sent before
 * was not simply dropped, or its keeping is counted or read: a field with a `default` got the default
 * for a null and now keeps the null; and a null now kept counts towards the holding object's
 * `maxProperties` and is seen by its rules that name the field (../default-fill.ts).
 */
import { fillRisk } from "../default-fill.js";
import { preview } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

export const nullableRule: SchemaRule = {
  keywords: ["nullable"],
  check(old, neu, at, report, holder) {
    const before = old.nullable === true;
    const after = neu.nullable === true;
    if (before === after) return;
    if (before) {
      report({
        kind: "nullable-removed",
        breaking: true,
        at: at.field("nullable"),
        message:
          "null is no longer accepted: a null field is pruned (or given its default), a null list item or map value rejected",
        old: old.nullable,
        new: neu.nullable,
      });
      return;
    }
    // A null used to get the default when both sides have one; else it was dropped.
    const defaulted = old.default !== undefined && neu.default !== undefined;
    const risk = defaulted
      ? `a null no longer gets the default ${preview(neu.default)}: it is kept as null`
      : fillRisk(holder, "null");
    report({
      kind: "nullable-added",
      breaking: risk !== undefined,
      at: at.field("nullable"),
      message: `null is now accepted${risk === undefined ? "" : `; ${risk}`}`,
      old: old.nullable,
      new: neu.nullable,
    });
  },
};
