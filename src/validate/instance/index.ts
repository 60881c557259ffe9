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
import { schemaHasRules } from "../schema-has.js";
import { validateListSetsAndMaps } from "../value/list-sets.js";
import { applyDefaults, dropNonNullableNulls } from "./defaults.js";
import { objectMetaErrors, prepareMetadata, resolveTypeMeta } from "./metadata.js";
import { pruneUnknownFields } from "./prune.js";
import { isBlocking, schemaErrors, toStructural } from "./schema-validate.js";

export interface InstanceValidationResult {
  errors: FieldError[];
  warnings: FieldError[];
}

export const BLOCKED_CEL =
  "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

function unknownFieldWarning(path: string): FieldError {
  return { type: "FieldValueForbidden", field: path, detail: `unknown field ${JSON.stringify(path)}` };
}

/** A check that throws must not take the others down; its failure is reported as an internal error. */
function safely(label: string, check: () => FieldError[]): FieldError[] {
  try {
    return check();
  } catch (error) {
    return [
      {
        type: "InternalError",
        field: "",
        detail: `${label} failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
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
  const coerceErrors = safely("metadata decoding", () => {
    const problem = coerceMeta("", obj, structural, true);
    return problem ? [problem] : [];
  });
  if (coerceErrors.length > 0) return { errors: coerceErrors, warnings };
  if (version.subresources?.status !== undefined) delete obj.status;
  prepareMetadata(obj, namespaced);

  const errors: FieldError[] = [
    ...safely("metadata validation", () => objectMetaErrors(obj, namespaced)),
    ...safely("schema validation", () => schemaErrors(obj, structural)),
    ...safely("embedded resource validation", () => validateEmbeddedMeta("", obj, structural, false)),
    ...safely("list type validation", () => validateListSetsAndMaps("", structural, obj)),
  ];
  // The API server has a CEL validator only for schemas with rules.
  if (!schemaHasRules(schema)) return { errors, warnings };
  if (errors.some(isBlocking)) {
    errors.push({ type: "FieldValueInvalid", field: "", badValue: null, detail: BLOCKED_CEL });
  } else {
    const celVersion = parseCelVersion(options?.celEnvironmentCompatibilityVersion);
    errors.push(
      ...safely("CEL validation", () => evaluateRules(obj, schema, "", true, { version: celVersion })),
    );
  }
  return { errors, warnings };
}
