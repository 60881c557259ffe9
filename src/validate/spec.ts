/** `validateCustomResourceDefinitionSpec`: everything under `spec`, in Kubernetes' order. */
import type { ValidationMemo } from "./memo.js";
import type { FieldError } from "./field-error.js";
import { child, index, invalid, required } from "./errors.js";
import { validateColumn } from "./columns.js";
import { validateConversion } from "./conversion.js";
import type { InternalSpec } from "./model.js";
import { validateGroup, validateNames, validateRequiredNames, validateScope } from "./names.js";
import type { ValidationOptions } from "./options.js";
import { schemaHasDefaults, schemaHasKubernetesExtensions } from "./schema-has.js";
import { validateOpenAPISchema } from "./schema-validation.js";
import { validateSelectableFields } from "./selectable-fields.js";
import { newStructural, type NewStructuralResult } from "./structural/convert.js";
import type { Structural } from "./structural/types.js";
import { hasStatusEnabled, validateSubresources } from "./subresources.js";
import {
  hasAnyStatusEnabled,
  subresourcesForVersion,
  validateVersion,
  validateVersionList,
} from "./versions.js";

function allSchemas(spec: InternalSpec) {
  return [spec.validation?.openAPIV3Schema, ...spec.versions.map((v) => v.schema?.openAPIV3Schema)];
}

/** `memo`: a session's schema subtrees already validated (validate/memo.ts). */
export function validateSpec(
  spec: InternalSpec,
  options: ValidationOptions,
  memo?: ValidationMemo,
): FieldError[] {
  const errs: FieldError[] = [...validateGroup(spec.group), ...validateScope(spec.scope)];
  const opts = { ...options };
  // Pruning (preserveUnknownFields false, always so in v1) needs structural schemas.
  if (!spec.preserveUnknownFields) opts.requireStructuralSchema = true;

  const hasTopLevelSchema = spec.validation?.openAPIV3Schema !== undefined;
  if (!hasTopLevelSchema && (opts.requireOpenAPISchema || !spec.preserveUnknownFields)) {
    spec.versions.forEach((v, i) => {
      if (v.schema?.openAPIV3Schema) return;
      const p = child(index("spec.versions", i), "schema", "openAPIV3Schema");
      if (opts.requireOpenAPISchema) errs.push(required(p, ""));
      else if (v.served) errs.push(required(p, "because otherwise all fields are pruned"));
    });
  }
  if (opts.allowDefaults && allSchemas(spec).some(schemaHasDefaults)) {
    opts.requireStructuralSchema = true;
    if (spec.preserveUnknownFields)
      errs.push(
        invalid("spec.preserveUnknownFields", true, "must be false in order to use defaults in the schema"),
      );
  }
  if (allSchemas(spec).some(schemaHasKubernetesExtensions)) opts.requireStructuralSchema = true;

  spec.versions.forEach((v, i) => {
    const statusEnabled = hasStatusEnabled(subresourcesForVersion(spec, v));
    errs.push(...validateVersion(v, index("spec.versions", i), statusEnabled, opts, memo));
  });
  errs.push(...validateVersionList(spec));
  errs.push(...validateRequiredNames(spec.names));
  errs.push(...validateNames(spec.names, "spec.names"));

  const topSchema = spec.validation?.openAPIV3Schema;
  let topStructural: NewStructuralResult | undefined;
  if (topSchema) {
    const result = validateOpenAPISchema(
      topSchema,
      "spec.validation.openAPIV3Schema",
      hasAnyStatusEnabled(spec),
      opts,
      memo,
    );
    errs.push(...result.errors);
    topStructural = result.structural;
  }
  errs.push(...validateSubresources(spec.subresources, "spec.subresources"));
  spec.additionalPrinterColumns.forEach((c, i) =>
    errs.push(...validateColumn(c, index("spec.additionalPrinterColumns", i))),
  );
  if (spec.selectableFields.length > 0) {
    if (!spec.validation) {
      errs.push(invalid("spec.selectableFields", "", "may only be set when validations.schema is included"));
    } else {
      let structural: Structural | undefined;
      if (topSchema) {
        const ss = topStructural ?? newStructural(topSchema, memo);
        if (ss.ok) structural = ss.schema;
        else errs.push(invalid("spec.schema.openAPIV3Schema", "", ss.error));
      }
      errs.push(...validateSelectableFields(spec.selectableFields, structural, "spec.selectableFields"));
    }
  }
  errs.push(...validateConversion(spec.conversion, spec.preserveUnknownFields, opts));
  return errs;
}
