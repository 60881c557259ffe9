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
 * `version-added`: a new apiVersion is served next to the old ones. Not breaking, unless the
 * conversion strategy is `None` and the new version's schema breaks what the storage version
 * holds (a field it lacks, another type). The API server serves a request through the request
 * version's schema: it reads a stored object, changes its `apiVersion` alone, prunes it by that
 * schema, and stores what the request writes back in the storage version. So an object written
 * through the new version loses the fields that version lacks.
 * - Breaking when the new version is served and becomes the preferred one (the highest
 *   priority, v1 > v1beta2 > v1alpha1): kubectl uses it for every command that names no version
 *   (`kubectl edit`, `label`, `annotate`, `patch`, `scale`), so those commands, unchanged, now
 *   prune stored data. Example: storage `v1beta1` with `spec.size`, `v1` added without it.
 * - Not breaking, with a warning in the message, when it is not preferred: only a client that
 *   asks for it loses data.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from "../../schema/types.js";
import { compareVersions } from "../../emit/versions.js";
import { storageVersionOf, versionsOf } from "../crd-access.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";
import { breakingDifferences, describeBreaks } from "../schema-breaks.js";
import { conversionStrategy } from "./conversion.js";

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

/** The version kubectl uses when none is named: the served one of highest priority. */
function preferredVersion(crd: CustomResourceDefinition): string | undefined {
  const served = versionsOf(crd)
    .filter((v) => v.served === true)
    .map((v) => v.name)
    .sort(compareVersions);
  return served[0];
}

/** Why writes through `version` break stored objects, or undefined when they do not. */
function lossThrough(
  version: CustomResourceDefinitionVersion,
  neu: CustomResourceDefinition,
): { preferred: boolean; message: string } | undefined {
  const storage = storageVersionOf(neu);
  // An unserved version takes no requests; a webhook converts; the storage version's own move
  // is storage-version.ts's to report.
  if (version.served !== true || storage === undefined || storage.name === version.name) return undefined;
  if (conversionStrategy(neu) !== "None") return undefined;
  const breaks = breakingDifferences(storage, version);
  if (breaks.length === 0) return undefined;
  const preferred = preferredVersion(neu) === version.name;
  const through = `conversion None changes apiVersion alone, so a request to ${version.name} reads and writes objects stored as ${storage.name} through the schema of ${version.name}, which breaks them at ${describeBreaks(breaks)}`;
  return {
    preferred,
    message: preferred
      ? `${version.name} is now the preferred version, which kubectl uses when none is named (edit, label, patch, scale); ${through}`
      : `warning: ${through}`,
  };
}

/** `neu` is the new CRD, whose storage version and conversion decide what the new version breaks. */
export function reportVersionAdded(
  version: CustomResourceDefinitionVersion,
  neu: CustomResourceDefinition,
  at: FieldPath,
  report: Report,
): void {
  const loss = lossThrough(version, neu);
  report({
    kind: "version-added",
    breaking: loss?.preferred === true,
    at,
    message:
      loss === undefined
        ? `version ${version.name} was added`
        : `version ${version.name} was added; ${loss.message}`,
    new: version.name,
  });
}
