/**
 * One schema's validation, `validateCustomResourceDefinitionValidation`, with Kubernetes'
 * short-circuits: structural errors hide default checks, default errors hide CEL, a
 * NewStructural failure is only shown when nothing else failed, and CEL is not compiled at
 * nodes whose own subtree already has schema errors.
 */
import type { ValidationMemo } from "./memo.js";
import type { JSONSchemaProps } from "../schema/types.js";
import { celErrorsForSchema } from "./cel/index.js";
import type { FieldError } from "./field-error.js";
import { child, forbidden, invalid } from "./errors.js";
import { formatFieldError } from "./format.js";
import { validateDefaults } from "./defaults.js";
import type { ValidationOptions } from "./options.js";
import { walkSchema } from "./schema-walk.js";
import { statusRootErrors } from "./status-root.js";
import { newStructural, type NewStructuralResult } from "./structural/convert.js";
import { validateStructural } from "./structural/validate.js";

export interface SchemaValidationResult {
  errors: FieldError[];
  /** Whether Kubernetes would go on to compile CEL rules (structural, defaults valid). */
  celEligible: boolean;
  /** The schema's NewStructural result, when it was needed (callers reuse it). */
  structural?: NewStructuralResult;
}

/** `schemaPath` is the path of `openAPIV3Schema` itself. */
export function validateOpenAPISchema(
  schema: JSONSchemaProps,
  schemaPath: string,
  statusEnabled: boolean,
  opts: ValidationOptions,
  memo?: ValidationMemo,
): SchemaValidationResult {
  const errs: FieldError[] = [];
  if (statusEnabled) errs.push(...statusRootErrors(schema, schemaPath));
  if (schema.nullable)
    errs.push(forbidden(child(schemaPath, "nullable"), "nullable cannot be true at the root"));

  let structuralInitErrs: FieldError[] = [];
  let celEligible = false;
  let structural: NewStructuralResult | undefined;
  if (opts.requireStructuralSchema) {
    const ss = (structural = newStructural(schema, memo));
    if (!ss.ok) structuralInitErrs = [invalid(schemaPath, "", ss.error)];
    else {
      const structuralErrs = validateStructural(schemaPath, ss.schema);
      if (structuralErrs.length > 0) errs.push(...structuralErrs);
      else {
        const defaultErrs = validateDefaults(
          schemaPath,
          ss.schema,
          true,
          opts.requirePrunedDefaults,
          opts.celEnvironmentCompatibilityVersion,
        );
        if (defaultErrs.length > 0) errs.push(...defaultErrs);
        else celEligible = true;
      }
    }
  }

  const walk = walkSchema(schema, schemaPath, opts);
  errs.push(...walk.errors);
  if (celEligible) errs.push(...celErrors(schema, schemaPath, opts, walk.nodesWithErrors, errs));
  if (errs.length === 0) errs.push(...structuralInitErrs);
  return { errors: errs, celEligible, structural };
}

/** CEL errors for this schema, minus those at nodes Kubernetes would not compile, minus duplicates. */
function celErrors(
  schema: JSONSchemaProps,
  schemaPath: string,
  opts: ValidationOptions,
  nodesWithErrors: ReadonlySet<string>,
  already: readonly FieldError[],
): FieldError[] {
  let found: FieldError[];
  try {
    found = celErrorsForSchema(schema, schemaPath, opts);
  } catch (e) {
    // A CEL failure must not take the rest of validation down with it.
    return [
      {
        type: "InternalError",
        field: child(schemaPath, "x-kubernetes-validations"),
        detail: `CEL check failed: ${String(e)}`,
      },
    ];
  }
  const seen = new Set(already.map(formatFieldError));
  return found.filter((e) => {
    const at = e.field.lastIndexOf(".x-kubernetes-validations");
    if (at >= 0 && nodesWithErrors.has(e.field.slice(0, at))) return false;
    const text = formatFieldError(e);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
