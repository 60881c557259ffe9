/**
 * `version-deprecated` (not breaking): a version became `deprecated: true`. Clients
 * keep working and now get a warning header; listed so reviewers notice.
 * Example: `{name: v1beta1}` → `{name: v1beta1, deprecated: true}`.
 */
import type { VersionRule } from "./rule.js";

export const deprecationRule: VersionRule = {
  check(old, neu, at, report) {
    if (old.deprecated === true || neu.deprecated !== true) return;
    report({
      kind: "version-deprecated",
      breaking: false,
      at: at.field("deprecated"),
      message: `version ${neu.name} is now deprecated`,
      old: old.deprecated,
      new: neu.deprecated,
    });
  },
};
