/**
 * Kubernetes' field.Error, the unit every validator rule reports. Printing follows
 * k8s.io/apimachinery: `<path>: <Type>: <detail>` or, for Invalid,
 * `<path>: Invalid value: <value>: <detail>`.
 */
export type FieldErrorType =
  | "FieldValueRequired"
  | "FieldValueInvalid"
  | "FieldValueTypeInvalid"
  | "FieldValueForbidden"
  | "FieldValueNotSupported"
  | "FieldValueDuplicate"
  | "FieldValueTooMany"
  | "FieldValueTooLong"
  | "InternalError";

export interface FieldError {
  type: FieldErrorType;
  /** Kubernetes-style path, e.g. `spec.versions[0].schema.openAPIV3Schema.properties[spec].type`. */
  field: string;
  /** The offending value, when the error type prints one. */
  badValue?: unknown;
  detail: string;
}
