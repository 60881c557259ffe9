/**
 * `version-removed` (breaking when the old version was served or was the storage
 * version): clients of that apiVersion get 404, and objects stored in it can no longer
 * be decoded. Removing a version that was already unserved and not stored is listed
 * but not breaking: nobody could use it any more.
 * Example: versions `[v1beta1, v1]` → `[v1]`.
 *
 * `version-added` (not breaking): a new apiVersion is served next to the old ones.
 */
import type { CustomResourceDefinitionVersion } from "../../schema/types.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";

export function reportVersionRemoved(
  version: CustomResourceDefinitionVersion,
  at: FieldPath,
  report: Report,
): void {
  const used = version.served === true || version.storage === true;
  report({
    kind: "version-removed",
    breaking: used,
    at,
    message: used
      ? `version ${version.name} was removed; its clients and objects stored in it break`
      : `version ${version.name} was removed (it was already unserved)`,
    old: version.name,
  });
}

export function reportVersionAdded(
  version: CustomResourceDefinitionVersion,
  at: FieldPath,
  report: Report,
): void {
  report({
    kind: "version-added",
    breaking: false,
    at,
    message: `version ${version.name} was added`,
    new: version.name,
  });
}
