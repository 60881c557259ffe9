/**
 * `field-required` (breaking): a name joined `required`, whether the field existed
 * before or is new. Existing objects without it fail validation on their next update (a
 * change to `required` is never ratcheted), and clients that omit it are rejected.
 * Example: `required: [image]` → `required: [image, replicas]`.
 * Not breaking when the field has a `default` in the new schema: the API server applies
 * defaults to requests and to objects read from etcd before it validates, so the field is
 * never missing. Example: `replicas: {default: 1}` joining `required`.
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
    const defaulted = (name: string): boolean => schemaMap(neu.properties)[name]?.default !== undefined;
    for (const name of after.filter((n) => !before.includes(n))) {
      const field = `${existed(name) ? "field" : "new field"} "${name}" is now required`;
      report({
        kind: "field-required",
        breaking: !defaulted(name),
        at: at.field("properties").key(name),
        message: defaulted(name)
          ? `${field}; its default fills it in wherever it is missing`
          : existed(name)
            ? `${field}; objects without it are rejected`
            : `${field}; existing objects do not have it`,
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
