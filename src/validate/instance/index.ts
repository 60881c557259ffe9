/**
 * Validation of a custom resource against its CRD, as the API server handles a create:
 * decode-time pruning (unknown fields become warnings), dropping of non-nullable nulls,
 * defaulting, metadata coercion, then the registry's validation: TypeMeta, ObjectMeta, the
 * OpenAPI schema, embedded-resource metadata, list-type uniqueness, and the CEL rules (unless
 * an earlier error blocks them).
 */
import type { CustomResourceDefinition } from "../../schema/types.js";
import { evaluateRules } from "../cel/evaluate.js";
import { parseCelVersion } from "../cel/version.js";
import { coerceMeta, validateEmbeddedMeta } from "../embedded-meta.js";
import { invalid } from "../errors.js";
import type { FieldError } from "../field-error.js";
import { validateListSetsAndMaps } from "../value/list-sets.js";
import { applyDefaults, dropNonNullableNulls } from "./defaults.js";
import { objectMetaErrors, prepareMetadata, resolveTypeMeta } from "./metadata.js";
import { pruneUnknownFields } from "./prune.js";
import { isBlocking, schemaErrors, toStructural } from "./schema-validate.js";

export interface InstanceValidationResult {
  errors: FieldError[];
  warnings: FieldError[];
}

const BLOCKED_CEL =
  "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

function unknownFieldWarning(path: string): FieldError {
  return { type: "FieldValueForbidden", field: path, detail: `unknown field ${JSON.stringify(path)}` };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function validateInstance(
  crd: CustomResourceDefinition,
  instance: unknown,
  options?: { celEnvironmentCompatibilityVersion?: string },
): InstanceValidationResult {
  if (!isObject(instance)) {
    return {
      errors: [invalid("", instance ?? null, "must be a JSON object with apiVersion, kind and metadata")],
      warnings: [],
    };
  }
  const obj = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
  const typeMeta = resolveTypeMeta(crd, obj);
  if (typeMeta.errors.length > 0 || !typeMeta.version) return { errors: typeMeta.errors, warnings: [] };
  const version = typeMeta.version;
  const schema = version.schema?.openAPIV3Schema;
  const namespaced = crd.spec.scope !== "Cluster";
  if (!schema) {
    prepareMetadata(obj, namespaced);
    return { errors: objectMetaErrors(obj, namespaced), warnings: [] };
  }
  const structural = toStructural(schema);
  if (typeof structural === "string") {
    return { errors: [invalid("", "", `the CRD schema is not structural: ${structural}`)], warnings: [] };
  }

  const warnings = pruneUnknownFields(obj, schema).map(unknownFieldWarning);
  dropNonNullableNulls(obj, schema);
  applyDefaults(obj, schema);
  const coerceError = coerceMeta("", obj, structural, true);
  if (coerceError) return { errors: [coerceError], warnings };
  if (version.subresources?.status !== undefined) delete obj.status;
  prepareMetadata(obj, namespaced);

  const errors: FieldError[] = [
    ...objectMetaErrors(obj, namespaced),
    ...schemaErrors(obj, structural),
    ...validateEmbeddedMeta("", obj, structural, false),
    ...validateListSetsAndMaps("", structural, obj),
  ];
  if (!JSON.stringify(schema).includes('"x-kubernetes-validations"')) return { errors, warnings };
  if (errors.some(isBlocking)) {
    errors.push({ type: "FieldValueInvalid", field: "", badValue: null, detail: BLOCKED_CEL });
  } else {
    const celVersion = parseCelVersion(options?.celEnvironmentCompatibilityVersion);
    errors.push(...evaluateRules(obj, schema, "", true, { version: celVersion }));
  }
  return { errors, warnings };
}
