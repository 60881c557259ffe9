/**
 * CEL `x-kubernetes-validations` checks of CRD schemas, as the API server runs them on create:
 * compilation against the schema's types, reason/fieldPath/message rules, oldSelf rules, and
 * the estimated-cost budgets per expression and per schema.
 */
import type { CustomResourceDefinition } from "../../schema/types.js";
import type { FieldError } from "../field-error.js";
import type { ValidationOptions } from "../options.js";
import { celErrorsForSchema } from "./rules-walk.js";

export { celErrorsForSchema };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * CEL errors of every version's schema. Kubernetes converts a v1 CRD whose versions all share
 * one schema (or that has one version) to the internal top-level `spec.validation`, so its
 * errors read `spec.validation.openAPIV3Schema...`; otherwise `spec.versions[i].schema...`.
 */
export function celErrorsForCrd(crd: CustomResourceDefinition, options: ValidationOptions): FieldError[] {
  const versions = crd.spec?.versions ?? [];
  const schemas = versions.map((v) => v.schema?.openAPIV3Schema);
  const first = schemas[0];
  const shared = schemas.length > 0 && schemas.every((s) => canonical(s) === canonical(first));
  if (shared) return first ? celErrorsForSchema(first, "spec.validation.openAPIV3Schema", options) : [];
  return schemas.flatMap((schema, i) =>
    schema ? celErrorsForSchema(schema, `spec.versions[${i}].schema.openAPIV3Schema`, options) : [],
  );
}
