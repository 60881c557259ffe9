/**
 * `storage-version-changed` (breaking): the version marked `storage: true` moved.
 * Objects already in etcd stay encoded in the old version until rewritten; the old
 * version must stay in `status.storedVersions` and keep being convertible until a
 * storage migration runs, so rolling this out needs a plan.
 * Example: `v1beta1` storage → `v1` storage.
 */
import type { CustomResourceDefinition } from "../../schema/types.js";
import { versionsOf } from "../crd-access.js";
import type { CrdRule } from "./rule.js";

function storageVersion(crd: CustomResourceDefinition): string | undefined {
  return versionsOf(crd).find((v) => v.storage === true)?.name;
}

export const storageVersionRule: CrdRule = {
  check(old, neu, at, report) {
    const before = storageVersion(old);
    const after = storageVersion(neu);
    if (before === after || before === undefined || after === undefined) return;
    const newIndex = versionsOf(neu).findIndex((v) => v.name === after);
    report({
      kind: "storage-version-changed",
      breaking: true,
      at: at.field("spec").field("versions").named(after, newIndex).field("storage"),
      version: after,
      message: `storage version moved from ${before} to ${after}; objects stored as ${before} need a storage migration`,
      old: before,
      new: after,
    });
  },
};
