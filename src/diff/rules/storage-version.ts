/**
 * `storage-version-changed`: the version marked `storage: true` moved. The API server accepts
 * it: objects already in etcd stay encoded in the old version (which stays in
 * `status.storedVersions`, so removing it later is refused until a storage migration), and are
 * converted whenever they are read or written.
 * - Breaking when the conversion strategy is `None` and the new storage version's schema loses
 *   what the old one's held (a field removed or renamed, a value no longer valid): `None`
 *   converts by rewriting `apiVersion` alone, so stored objects are read, and on their next
 *   write stored, through the new schema, which prunes or rejects what it lacks.
 *   Example: `v1beta1` (with `spec.size`) storage → `v1` (with `spec.replicas`) storage, no webhook.
 * - Not breaking otherwise (a webhook converts, or the schemas agree): listed, since the old
 *   version must stay until a storage migration has run.
 */
import { storageVersionOf, versionsOf } from "../crd-access.js";
import { breakingDifferences, describeBreaks } from "../schema-breaks.js";
import { conversionStrategy } from "./conversion.js";
import type { CrdRule } from "./rule.js";

export const storageVersionRule: CrdRule = {
  check(old, neu, at, report) {
    const before = storageVersionOf(old);
    const after = storageVersionOf(neu);
    if (before === undefined || after === undefined || before.name === after.name) return;
    const moved = `storage version moved from ${before.name} to ${after.name}`;
    const lost = conversionStrategy(neu) === "None" ? breakingDifferences(before, after) : [];
    const [first] = lost;
    const newIndex = versionsOf(neu).indexOf(after);
    report({
      kind: "storage-version-changed",
      breaking: first !== undefined,
      at: at.field("spec").field("versions").named(after.name, newIndex).field("storage"),
      version: after.name,
      message:
        first === undefined
          ? `${moved}; objects stored as ${before.name} stay so until rewritten: keep ${before.name} in spec.versions until a storage migration has run`
          : `${moved}; conversion None changes apiVersion alone, so objects stored as ${before.name} are read and written through the schema of ${after.name}, which breaks them at ${describeBreaks(lost)}`,
      old: before.name,
      new: after.name,
    });
  },
};
