import type { FieldErrorType } from "../../src/validate/field-error.js";

/** The error types CRD validation reports (FieldValueTypeInvalid only comes from custom resources). */
export const CRD_ERROR_TYPES: ReadonlySet<FieldErrorType> = new Set([
  "FieldValueRequired",
  "FieldValueInvalid",
  "FieldValueForbidden",
  "FieldValueNotSupported",
  "FieldValueDuplicate",
  "FieldValueTooMany",
  "FieldValueTooLong",
  "InternalError",
]);
