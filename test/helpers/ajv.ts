/**
 * Ajv set up to read Kubernetes' OpenAPI v3 dialect for property tests: `nullable` is
 * native to Ajv, x-kubernetes-* extensions are ignored (strict off), formats are not
 * checked (Kubernetes checks a different set than ajv-formats).
 */
import { Ajv } from "ajv";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

export function compileOpenApi(schema: JSONSchemaProps): (value: unknown) => boolean {
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) as boolean;
}
