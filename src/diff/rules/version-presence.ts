/**
 * `version-removed`: a version left `spec.versions`.
 * - Breaking when objects may be stored in it: it was the storage version, or the old CRD's
 *   `status.storedVersions` (a CRD read back from a cluster carries it) lists it. The API server
 *   refuses such an update (`status.storedVersions[i]: ... missing from spec.versions`) until a
 *   storage migration has rewritten those objects and removed the version from storedVersions.
 *   Example: versions `[v1beta1 (storage), v1]` → `[v1]`.
 * - Breaking when it was served: clients of that apiVersion get 404.
 *   Example: versions `[v1beta1, v1]` → `[v1]`.
 * - Listed but not breaking when it was already unserved and is not known to be stored: nobody
 *   could use it any more. The message still says what the API server checks, since a CRD file
 *   seldom carries its status.
 *
 * `version-added` (not breaking): a new apiVersion is served next to the old ones.
 */
import type { CustomResourceDefinitionVersion } from "../../schema/types.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";

/** What holds objects stored as the removed version, if anything is known to. */
function storedIn(
  version: CustomResourceDefinitionVersion,
  storedVersions: readonly string[],
): string | undefined {
  if (storedVersions.includes(version.name)) return "status.storedVersions lists it";
  if (version.storage === true) return "it was the storage version";
  return undefined;
}

/** `storedVersions`: the old CRD's `status.storedVersions`, empty when the file has no status. */
export function reportVersionRemoved(
  version: CustomResourceDefinitionVersion,
  storedVersions: readonly string[],
  at: FieldPath,
  report: Report,
): void {
  const { name } = version;
  const stored = storedIn(version, storedVersions);
  const served = version.served === true;
  let message: string;
  if (stored !== undefined) {
    message = `version ${name} was removed, but objects may be stored in it (${stored}): the API server refuses this until a storage migration has rewritten them and removed ${name} from status.storedVersions; keep it, unserved, until then`;
  } else if (served) {
    message = `version ${name} was removed; requests to it fail (and the API server refuses the update while status.storedVersions lists it)`;
  } else {
    message = `version ${name} was removed (it was already unserved); the API server refuses the update while status.storedVersions lists it`;
  }
  report({
    kind: "version-removed",
    breaking: stored !== undefined || served,
    at,
    message,
    old: name,
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
