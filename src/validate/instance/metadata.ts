import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from "../../schema/types.js";
import { nameIsDNSSubdomain } from "../dns.js";
import { invalid } from "../errors.js";
import type { FieldError } from "../field-error.js";
import { unmarshalObjectMeta, validateObjectMeta } from "../object-meta.js";

/**
 * TypeMeta and ObjectMeta of a custom resource on create: the apiVersion/kind must name the
 * CRD (`customResourceValidator.ValidateTypeMeta`), and metadata is checked like any object's
 * (`ValidateObjectMetaAccessor` with DNS-subdomain names). `create` fills what the API server
 * fills before validating: a generated name for `generateName`, the request's namespace.
 */

export interface TypeMetaResult {
  version?: CustomResourceDefinitionVersion;
  errors: FieldError[];
}

function str(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}

/** The CRD version the instance's apiVersion names, or the errors Kubernetes reports. */
export function resolveTypeMeta(crd: CustomResourceDefinition, obj: Record<string, unknown>): TypeMetaResult {
  const group = crd.spec?.group ?? "";
  const kind = crd.spec?.names?.kind ?? "";
  const versions = crd.spec?.versions ?? [];
  const apiVersion = str(obj.apiVersion) ?? "";
  const version = versions.find((v) => `${group}/${v.name}` === apiVersion);
  const errors: FieldError[] = [];
  if (str(obj.kind) !== kind) errors.push(invalid("kind", obj.kind ?? "", `must be ${kind}`));
  if (!version) {
    const served = versions.find((v) => v.served) ?? versions[0];
    errors.push(invalid("apiVersion", obj.apiVersion ?? "", `must be ${group}/${served?.name ?? ""}`));
  }
  return version ? { version, errors } : { errors };
}

/**
 * apiserver's SimpleNameGenerator: the prefix cut to 58 characters, then 5 random ones, so that a
 * generated name fits 63. A longer generateName is itself an error; the name made from it is not.
 */
const MAX_GENERATED_PREFIX = 63 - 5;
function generatedName(prefix: string): string {
  return `${prefix.slice(0, MAX_GENERATED_PREFIX)}x7k2q`;
}

/** What BeforeCreate does to metadata: namespace from the request, a generated name. */
export function prepareMetadata(obj: Record<string, unknown>, namespaced: boolean): void {
  const meta = obj.metadata;
  if (typeof meta !== "object" || meta === null || Array.isArray(meta)) return;
  const m = meta as Record<string, unknown>;
  if (namespaced && (m.namespace === undefined || m.namespace === "")) m.namespace = "default";
  if (!namespaced) delete m.namespace;
  if ((m.name === undefined || m.name === "") && typeof m.generateName === "string" && m.generateName) {
    m.name = generatedName(m.generateName);
  }
}

export function objectMetaErrors(obj: Record<string, unknown>, namespaced: boolean): FieldError[] {
  const { meta, error } = unmarshalObjectMeta(obj.metadata ?? null);
  if (error) return [invalid("metadata", obj.metadata, error)];
  return validateObjectMeta(meta, namespaced, nameIsDNSSubdomain, "metadata");
}
