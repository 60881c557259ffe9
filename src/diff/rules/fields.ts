/**
 * `field-removed` (breaking): a property is gone from `properties`. The API server
 * prunes it from requests and from stored objects on their next write, so data is
 * lost and clients that set or read it break.
 * Example: `properties: {replicas, image}` → `properties: {image}`.
 *
 * `field-added` (not breaking on its own): a new property. If it is also required,
 * `required.ts` reports that separately as breaking.
 */
import { schemaMap } from "../crd-access.js";
import type { SchemaRule } from "./rule.js";

export const fieldsRule: SchemaRule = {
  keywords: ["properties"],
  check(old, neu, at, report) {
    const before = schemaMap(old.properties);
    const after = schemaMap(neu.properties);
    for (const name of Object.keys(before)) {
      if (Object.hasOwn(after, name)) continue;
      report({
        kind: "field-removed",
        breaking: true,
        at: at.field("properties").key(name),
        message: `field "${name}" was removed; stored values are pruned and clients using it break`,
        old: before[name]?.type,
      });
    }
    for (const name of Object.keys(after)) {
      if (Object.hasOwn(before, name)) continue;
      report({
        kind: "field-added",
        breaking: false,
        at: at.field("properties").key(name),
        message: `field "${name}" was added`,
        new: after[name]?.type,
      });
    }
  },
};
