/**
 * `default-changed` (breaking): an existing `default` changed or was removed. The API
 * server applies defaults when reading objects from etcd too, so objects that never
 * set the field silently get a different value.
 * Example: `default: 1` → `default: 3`.
 *
 * `default-added` (not breaking): objects without the field get a value where they
 * had none; nothing valid becomes invalid.
 */
import { jsonEqual, preview } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

export const defaultRule: SchemaRule = {
  keywords: ["default"],
  check(old, neu, at, report) {
    if (jsonEqual(old.default, neu.default)) return;
    const added = old.default === undefined;
    report({
      kind: added ? "default-added" : "default-changed",
      breaking: !added,
      at: at.field("default"),
      message: added
        ? `default ${preview(neu.default)} was added`
        : `default changed from ${preview(old.default)} to ${neu.default === undefined ? "none" : preview(neu.default)}; objects that omit the field read a different value`,
      old: old.default,
      new: neu.default,
    });
  },
};
