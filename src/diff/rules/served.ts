/**
 * `version-unserved` (breaking): `served` went from true to false, so the apiVersion
 * disappears from discovery and every request to it fails.
 * Example: `{name: v1beta1, served: true}` → `{name: v1beta1, served: false}`.
 *
 * `version-served` (not breaking): a version starts being served.
 */
import type { VersionRule } from "./rule.js";

export const servedRule: VersionRule = {
  check(old, neu, at, report) {
    const before = old.served === true;
    const after = neu.served === true;
    if (before === after) return;
    report({
      kind: before ? "version-unserved" : "version-served",
      breaking: before,
      at: at.field("served"),
      message: before
        ? `version ${neu.name} is no longer served; requests to it fail`
        : `version ${neu.name} is now served`,
      old: old.served,
      new: neu.served,
    });
  },
};
