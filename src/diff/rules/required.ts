/**
 * `field-required` (breaking): a name joined `required`, whether the field existed
 * before or is new. Existing objects without it fail validation on their next update,
 * and clients that omit it are rejected.
 * Example: `required: [image]` → `required: [image, replicas]`.
 *
 * `field-optional` (not breaking): a name left `required`; everything valid stays valid.
 */
import { schemaMap, stringList } from "../crd-access.js";
import type { SchemaRule } from "./rule.js";

export const requiredRule: SchemaRule = {
  keywords: ["required"],
  check(old, neu, at, report) {
    const before = stringList(old.required);
    const after = stringList(neu.required);
    const existed = (name: string): boolean => Object.hasOwn(schemaMap(old.properties), name);
    for (const name of after.filter((n) => !before.includes(n))) {
      report({
        kind: "field-required",
        breaking: true,
        at: at.field("properties").key(name),
        message: existed(name)
          ? `field "${name}" is now required; objects without it are rejected`
          : `new field "${name}" is required; existing objects do not have it`,
        old: false,
        new: true,
      });
    }
    for (const name of before.filter((n) => !after.includes(n))) {
      report({
        kind: "field-optional",
        breaking: false,
        at: at.field("properties").key(name),
        message: `field "${name}" is no longer required`,
        old: true,
        new: false,
      });
    }
  },
};
