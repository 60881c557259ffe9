import type { JSONSchemaProps } from "../../schema/types.js";
import type { FieldError } from "../field-error.js";
import { newStructural } from "../structural/convert.js";
import type { Structural } from "../structural/types.js";
import { validateValue } from "../value/openapi.js";

/**
 * The OpenAPI schema validation the API server runs on custom resources (kube-openapi's
 * SchemaValidator: types, formats, enum, patterns with RE2, bounds, required, nullable,
 * int-or-string, anyOf/allOf/oneOf/not), shared with the CRD validator's default checks.
 */

const structurals = new WeakMap<JSONSchemaProps, Structural | string>();

/**
 * The structural form of a CRD's schema, converted once per schema object however many
 * instances are checked against it (a schema is not expected to change once in use).
 */
export function toStructural(schema: JSONSchemaProps): Structural | string {
  let result = structurals.get(schema);
  if (result === undefined) {
    const converted = newStructural(schema);
    result = converted.ok ? converted.schema : converted.error;
    structurals.set(schema, result);
  }
  return result;
}

export function schemaErrors(obj: unknown, structural: Structural): FieldError[] {
  return validateValue("", obj, structural);
}

/**
 * Errors after which the API server does not run CEL rules (`hasBlockingErr`): required,
 * unsupported (enum), too long, too many, and wrong type (kube-openapi's TypeInvalid, which
 * prints as "Invalid value ... must be of type ...").
 */
export function isBlocking(e: FieldError): boolean {
  switch (e.type) {
    case "FieldValueRequired":
    case "FieldValueNotSupported":
    case "FieldValueTooLong":
    case "FieldValueTooMany":
      return true;
    case "FieldValueInvalid":
      return / in body must be of type /.test(e.detail);
    default:
      return false;
  }
}
