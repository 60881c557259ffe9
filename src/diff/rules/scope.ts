/**
 * `scope-changed` (breaking): `spec.scope` switched between Namespaced and Cluster.
 * REST paths change (with or without `/namespaces/<ns>`), and the API server refuses the
 * change on an established CRD (`spec.scope: field is immutable`): the CRD has to be
 * deleted, with all its objects, and created again. Example: `scope: Namespaced` → `scope: Cluster`.
 */
import type { CrdRule } from "./rule.js";

export const scopeRule: CrdRule = {
  check(old, neu, at, report) {
    if (old.spec?.scope === neu.spec?.scope) return;
    report({
      kind: "scope-changed",
      breaking: true,
      at: at.field("spec").field("scope"),
      message: `scope changed from ${old.spec?.scope} to ${neu.spec?.scope}; the API server refuses this on an existing CRD (scope is immutable), so it must be deleted with all its objects and re-created`,
      old: old.spec?.scope,
      new: neu.spec?.scope,
    });
  },
};
