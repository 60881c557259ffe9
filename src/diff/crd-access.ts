/**
 * Tolerant readers for CRD fields. Inputs come from arbitrary YAML, so a missing or
 * mistyped list must read as empty instead of crashing the diff.
 */
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionVersion,
  JSONSchemaProps,
} from "../schema/types.js";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function crdName(crd: CustomResourceDefinition): string {
  const name: unknown = crd.metadata?.name;
  if (typeof name === "string" && name !== "") return name;
  return `${namesOf(crd).plural ?? "<unnamed>"}.${crd.spec?.group ?? "<no-group>"}`;
}

export function versionsOf(crd: CustomResourceDefinition): CustomResourceDefinitionVersion[] {
  const versions: unknown = crd.spec?.versions;
  if (!Array.isArray(versions)) return [];
  return versions.filter(
    (v): v is CustomResourceDefinitionVersion => isRecord(v) && typeof v.name === "string",
  );
}

/** The version marked `storage: true`, the one objects are written to etcd in. */
export function storageVersionOf(crd: CustomResourceDefinition): CustomResourceDefinitionVersion | undefined {
  return versionsOf(crd).find((v) => v.storage === true);
}

export function namesOf(crd: CustomResourceDefinition): Partial<CustomResourceDefinitionNames> {
  const names: unknown = crd.spec?.names;
  return isRecord(names) ? (names as Partial<CustomResourceDefinitionNames>) : {};
}

/** `status.storedVersions`: the versions objects were ever stored in, when the CRD carries its status. */
export function storedVersionsOf(crd: CustomResourceDefinition): string[] {
  const status: unknown = crd.status;
  return isRecord(status) ? stringList(status.storedVersions) : [];
}

export function schemaOf(version: CustomResourceDefinitionVersion): JSONSchemaProps {
  const schema: unknown = version.schema?.openAPIV3Schema;
  return isRecord(schema) ? (schema as JSONSchemaProps) : {};
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Schema maps (`properties`) read as empty unless they are objects of objects. The map has no
 * prototype: a property named `constructor` or `toString` must not find Object's, and one
 * named `__proto__` must stay a property.
 */
export function schemaMap(value: unknown): Record<string, JSONSchemaProps> {
  const out = Object.create(null) as Record<string, JSONSchemaProps>;
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (isRecord(v)) out[k] = v as JSONSchemaProps;
  return out;
}
