/** Prints field errors exactly like k8s.io/apimachinery's `field.Error.Error()`. */
import type { FieldError, FieldErrorType } from "./field-error.js";
import { goValue } from "./go-print.js";

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: "Required value",
  FieldValueInvalid: "Invalid value",
  // Kubernetes prints a type mismatch (ErrorTypeTypeInvalid) with the same words.
  FieldValueTypeInvalid: "Invalid value",
  FieldValueForbidden: "Forbidden",
  FieldValueNotSupported: "Unsupported value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueTooMany: "Too many",
  FieldValueTooLong: "Too long",
  InternalError: "Internal error",
};

/** Types whose message never shows the bad value. */
const VALUE_HIDDEN = new Set<FieldErrorType>([
  "FieldValueRequired",
  "FieldValueForbidden",
  "FieldValueTooLong",
  "InternalError",
]);

/**
 * `<path>: <Type>[: <value>][: <detail>]`; an empty path prints as `<nil>`, like Go's nil field.Path.
 * An error without a `badValue` property prints no value (Kubernetes' `field.OmitValueType`);
 * `badValue: null` or `undefined` prints `null`.
 */
export function formatFieldError(e: FieldError): string {
  return `${e.field || "<nil>"}: ${formatFieldErrorBody(e)}`;
}

/** The message without the path. */
export function formatFieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type] ?? String(e.type);
  const showValue = !VALUE_HIDDEN.has(e.type) && "badValue" in e;
  if (showValue) s += `: ${goValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}
