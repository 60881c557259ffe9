/**
 * `scope-changed` (breaking): `spec.scope` switched between Namespaced and Cluster.
 * REST paths change (with or without `/namespaces/<ns>`), and existing objects cannot
 * be served under the new scope. Example: `scope: Namespaced` → `scope: Cluster`.
 */
import type { CrdRule } from "./rule.js";

export const scopeRule: CrdRule = {
  check(old, neu, at, report) {
    if (old.spec?.scope === neu.spec?.scope) return;
    report({
      kind: "scope-changed",
      breaking: true,
      at: at.field("spec").field("scope"),
      message: `scope changed from ${old.spec?.scope} to ${neu.spec?.scope}; resource paths and existing objects break`,
      old: old.spec?.scope,
      new: neu.spec?.scope,
    });
  },
};
