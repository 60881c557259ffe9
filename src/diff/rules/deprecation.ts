/**
 * `version-deprecated` (not breaking): a version became `deprecated: true`. Clients
 * keep working and now get a warning header; listed so reviewers notice.
 * Example: `{name: v1beta1}` → `{name: v1beta1, deprecated: true}`.
 *
 * `version-deprecation-changed` (not breaking): a version is no longer deprecated, or
 * the `deprecationWarning` its clients get changed.
 */
import type { VersionRule } from "./rule.js";

export const deprecationRule: VersionRule = {
  check(old, neu, at, report) {
    const before = old.deprecated === true;
    const after = neu.deprecated === true;
    if (!before && after) {
      report({
        kind: "version-deprecated",
        breaking: false,
        at: at.field("deprecated"),
        message: `version ${neu.name} is now deprecated`,
        old: old.deprecated,
        new: neu.deprecated,
      });
    } else if (before && !after) {
      report({
        kind: "version-deprecation-changed",
        breaking: false,
        at: at.field("deprecated"),
        message: `version ${neu.name} is no longer deprecated`,
        old: old.deprecated,
        new: neu.deprecated,
      });
    } else if (before && after && old.deprecationWarning !== neu.deprecationWarning) {
      report({
        kind: "version-deprecation-changed",
        breaking: false,
        at: at.field("deprecationWarning"),
        message: `the deprecation warning of version ${neu.name} changed`,
        old: old.deprecationWarning,
        new: neu.deprecationWarning,
      });
    }
  },
};
