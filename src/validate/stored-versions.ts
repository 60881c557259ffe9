/** `ValidateCustomResourceDefinitionStoredVersions` (reference §3 V3–V4 and the 1.36 wording). */
import type { FieldError } from "./field-error.js";
import { index, invalid } from "./errors.js";

export interface StoredVersionsInput {
  name: string;
  storage: boolean;
}

export function validateStoredVersions(
  storedVersions: readonly string[] | null | undefined,
  versions: readonly StoredVersionsInput[],
  path = "status.storedVersions",
): FieldError[] {
  if (!storedVersions || storedVersions.length === 0)
    return [invalid(path, storedVersions ?? null, "must have at least one stored version")];
  const errs: FieldError[] = [];
  const remaining = new Map<string, number>();
  storedVersions.forEach((v, i) => remaining.set(v, i));
  for (const v of versions) {
    const stored = remaining.has(v.name);
    if (v.storage && !stored)
      errs.push(invalid(path, storedVersions, `must have the storage version ${v.name}`));
    if (stored) remaining.delete(v.name);
  }
  for (const [v, i] of remaining) {
    errs.push(
      invalid(
        index(path, i),
        v,
        `missing from spec.versions; ${v} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${v} and removes ${v} from status.storedVersions`,
      ),
    );
  }
  return errs;
}
