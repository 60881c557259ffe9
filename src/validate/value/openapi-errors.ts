/**
 * kube-openapi's validation errors and their conversion to field errors, as the API server's
 * `kubeOpenAPIResultToFieldErrors` does. Messages follow kube-openapi (`<name> in body ...`).
 */
import { child, invalid, notSupported, required, tooLong, tooMany } from "../errors.js";
import type { FieldError } from "../field-error.js";

/** One kube-openapi result error, before conversion to a field error. */
export type OpenAPIError =
  | { code: "required"; name: string }
  | { code: "enum"; name: string; value: unknown; values: readonly unknown[] }
  | { code: "tooLong"; name: string; value: unknown; max: number }
  | { code: "tooManyItems" | "tooManyProperties"; name: string; actual: number; max: number }
  | { code: "invalidType"; name: string; value: unknown; message: string }
  | { code: "invalid"; name: string; value: unknown; message: string }
  | { code: "composite"; message: string };

const IN = "body";

/** `<name> in body <text>`, kube-openapi's message layout. */
export function inBody(name: string, text: string): string {
  return `${name} in ${IN} ${text}`;
}

/**
 * Identity of an error for kube-openapi's `AddErrors`, which drops an error whose message was
 * already reported in the same result. Equal fields give equal messages.
 */
export function errorKey(e: OpenAPIError): string {
  return JSON.stringify(e);
}

export function toFieldError(fldPath: string, e: OpenAPIError): FieldError {
  if (e.code === "composite") return invalid(fldPath, "", e.message);
  // kube-openapi names map entries and required fields `<parent>.<key>`, so a root one starts with ".".
  const path = e.name && e.name !== "." ? child(fldPath, e.name.replace(/^\./, "")) : fldPath;
  switch (e.code) {
    case "required":
      return required(path, "");
    case "enum":
      return notSupported(
        path,
        e.value,
        e.values.map((x) => (typeof x === "string" ? x : JSON.stringify(x))),
      );
    case "tooLong":
      return tooLong(path, e.value, e.max);
    case "tooManyItems":
    case "tooManyProperties":
      return tooMany(path, e.actual, e.max);
    case "invalidType":
      // Kubernetes reports FieldValueTypeInvalid, which prints exactly like FieldValueInvalid.
      return invalid(path, e.value, e.message);
    case "invalid":
      return invalid(path, e.value, e.message);
  }
}
