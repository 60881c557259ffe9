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
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from "../../schema/types.js";
import { schemaOf, versionsOf } from "../crd-access.js";
import { FieldPath } from "../field-path.js";
import type { Finding } from "../finding.js";
import { alignImplicitRootFields } from "../implicit-root-fields.js";
import { compareText } from "../order.js";
import { compareSchemas } from "../schema-walk.js";
import { conversionStrategy } from "./conversion.js";
import type { CrdRule } from "./rule.js";

function storageVersion(crd: CustomResourceDefinition): CustomResourceDefinitionVersion | undefined {
  return versionsOf(crd).find((v) => v.storage === true);
}

/** The breaking differences between two versions' schemas, with paths from `openAPIV3Schema`. */
function breakingDifferences(
  from: CustomResourceDefinitionVersion,
  to: CustomResourceDefinitionVersion,
): Finding[] {
  const findings: Finding[] = [];
  const [oldRoot, newRoot] = alignImplicitRootFields(schemaOf(from), schemaOf(to));
  compareSchemas(oldRoot, newRoot, FieldPath.root().field("openAPIV3Schema"), (f) => findings.push(f));
  // A map type changes how server-side apply merges, not whether stored values are kept.
  // Sorted, so that the one named first never depends on the key order of the input.
  return findings
    .filter((f) => f.breaking && f.kind !== "map-type-changed")
    .map((f) => ({ finding: f, path: f.at.toString() }))
    .sort(
      (a, b) =>
        compareText(a.path, b.path) ||
        compareText(a.finding.kind, b.finding.kind) ||
        compareText(a.finding.message, b.finding.message),
    )
    .map(({ finding }) => finding);
}

export const storageVersionRule: CrdRule = {
  check(old, neu, at, report) {
    const before = storageVersion(old);
    const after = storageVersion(neu);
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
          : `${moved}; conversion None changes apiVersion alone, so objects stored as ${before.name} are read and written through the schema of ${after.name}, which breaks them at ${first.at.toString()}: ${first.message}${lost.length > 1 ? ` (and ${lost.length - 1} more)` : ""}`,
      old: before.name,
      new: after.name,
    });
  },
};
