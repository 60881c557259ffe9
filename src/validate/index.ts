/**
 * crdgen's Kubernetes 1.36 CRD validator: what `kubectl create` of an apiextensions.k8s.io/v1
 * CustomResourceDefinition is checked against, reported as Kubernetes field errors.
 */
import type { ValidationMemo } from "./memo.js";
import type { FieldError } from "./field-error.js";
import { internalError, invalid, notSupported } from "./errors.js";
import { validateAPIApproval } from "./api-approval.js";
import { CRD_API_VERSION, decodeCrdForCreate } from "./decode/crd.js";
import { Decoder } from "./decode/decoder.js";
import { decodeSchema } from "./decode/schema.js";
import { isPlainObject } from "./json.js";
import { crdNameValidator, validateNames } from "./names.js";
import { validateObjectMeta } from "./object-meta.js";
import { resolveOptions, type ValidationOptions } from "./options.js";
import { validateOpenAPISchema } from "./schema-validation.js";
import { validateSpec } from "./spec.js";
import { validateStoredVersions } from "./stored-versions.js";

export type { FieldError, FieldErrorType } from "./field-error.js";
export { formatFieldError } from "./format.js";
export { V1_CREATE_OPTIONS, type ValidationOptions } from "./options.js";
export { validateStoredVersions } from "./stored-versions.js";
export { ValidationMemo, type ConvertedSubtree, type DecodedSubtree } from "./memo.js";

/**
 * Every create-time error Kubernetes 1.36 reports for `crd` (an apiextensions.k8s.io/v1 object).
 * Never throws. `memo`: what a long-lived session keeps between its runs (validate/memo.ts); the
 * errors are the same with or without it.
 */
export function validateCrd(
  crd: unknown,
  options?: Partial<ValidationOptions>,
  memo?: ValidationMemo,
): FieldError[] {
  try {
    if (!isPlainObject(crd))
      return [invalid("", crd ?? null, "a CustomResourceDefinition must be a JSON object")];
    const apiVersion = crd["apiVersion"];
    if (
      typeof apiVersion === "string" &&
      apiVersion.startsWith("apiextensions.k8s.io/") &&
      apiVersion !== CRD_API_VERSION
    ) {
      // Kubernetes 1.22+ serves only v1; an older CRD is rejected before any field is looked at.
      return [notSupported("apiVersion", apiVersion, [CRD_API_VERSION])];
    }
    const opts = resolveOptions(options);
    const { crd: internal, errors } = decodeCrdForCreate(crd, memo);
    const errs: FieldError[] = [...errors];
    errs.push(...validateObjectMeta(internal.metadata, false, crdNameValidator(internal.spec), "metadata"));
    errs.push(...validateSpec(internal.spec, opts, memo));
    errs.push(...validateNames(internal.status.acceptedNames, "status.acceptedNames"));
    errs.push(...validateStoredVersions(internal.status.storedVersions, internal.spec.versions));
    errs.push(...validateAPIApproval(internal.spec.group, internal.metadata.annotations));
    if (internal.spec.preserveUnknownFields) {
      errs.push(
        invalid(
          "spec.preserveUnknownFields",
          true,
          "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead",
        ),
      );
    }
    return errs;
  } catch (e) {
    return [internalError("", `crdgen validator failure: ${e instanceof Error ? e.message : String(e)}`)];
  }
}

export interface SchemaContext {
  /** Whether the status subresource is enabled for the version (restricts the root schema). */
  statusSubresourceEnabled?: boolean;
}

/**
 * Validates one `openAPIV3Schema` value with the given options (Kubernetes'
 * `validateCustomResourceDefinitionValidation`). `pathPrefix` is the schema's own path.
 */
export function validateSchema(
  schema: unknown,
  options: Partial<ValidationOptions>,
  pathPrefix = "spec.validation.openAPIV3Schema",
  context: SchemaContext = {},
): FieldError[] {
  try {
    const dec = new Decoder();
    const decoded = decodeSchema(schema, pathPrefix, dec);
    const errs = [...dec.errors];
    if (decoded)
      errs.push(
        ...validateOpenAPISchema(
          decoded,
          pathPrefix,
          context.statusSubresourceEnabled ?? false,
          resolveOptions(options),
        ).errors,
      );
    return errs;
  } catch (e) {
    return [
      internalError(pathPrefix, `crdgen validator failure: ${e instanceof Error ? e.message : String(e)}`),
    ];
  }
}
