/**
 * `group-changed` (breaking): `spec.group` differs. The group is part of every REST
 * path and apiVersion, so clients and stored objects of the old group are orphaned;
 * Kubernetes treats it as a different CRD. Example: `example.io` → `example.com`.
 * Such CRDs have different names; the engine pairs them by kind and plural.
 */
import type { CrdRule } from "./rule.js";

export const groupRule: CrdRule = {
  check(old, neu, at, report) {
    if (old.spec?.group === neu.spec?.group) return;
    report({
      kind: "group-changed",
      breaking: true,
      at: at.field("spec").field("group"),
      message: `API group changed from ${old.spec?.group} to ${neu.spec?.group}; that makes it another CRD (its name is <plural>.<group>): objects of the old one are not carried over and its clients stop working`,
      old: old.spec?.group,
      new: neu.spec?.group,
    });
  },
};
