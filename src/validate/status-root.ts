/**
 * With the status subresource on, the root schema may only use fields that survive
 * extracting `properties.status` (reference §5 R5–R6). Kubernetes walks the internal Go
 * struct in field order and reports only the first offending non-zero field.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import type { FieldError } from "./field-error.js";
import { child, invalid } from "./errors.js";
import { dumpSchema } from "./internal-dump.js";

/** Internal JSONSchemaProps fields in Go declaration order, with their v1 JSON names. */
const FIELD_ORDER: ReadonlyArray<readonly [string, keyof JSONSchemaProps]> = [
  ["ID", "id"],
  ["Schema", "$schema"],
  ["Ref", "$ref"],
  ["Description", "description"],
  ["Type", "type"],
  ["Nullable", "nullable"],
  ["Format", "format"],
  ["Title", "title"],
  ["Default", "default"],
  ["Maximum", "maximum"],
  ["ExclusiveMaximum", "exclusiveMaximum"],
  ["Minimum", "minimum"],
  ["ExclusiveMinimum", "exclusiveMinimum"],
  ["MaxLength", "maxLength"],
  ["MinLength", "minLength"],
  ["Pattern", "pattern"],
  ["MaxItems", "maxItems"],
  ["MinItems", "minItems"],
  ["UniqueItems", "uniqueItems"],
  ["MultipleOf", "multipleOf"],
  ["Enum", "enum"],
  ["MaxProperties", "maxProperties"],
  ["MinProperties", "minProperties"],
  ["Required", "required"],
  ["Items", "items"],
  ["AllOf", "allOf"],
  ["OneOf", "oneOf"],
  ["AnyOf", "anyOf"],
  ["Not", "not"],
  ["Properties", "properties"],
  ["AdditionalProperties", "additionalProperties"],
  ["PatternProperties", "patternProperties"],
  ["Dependencies", "dependencies"],
  ["AdditionalItems", "additionalItems"],
  ["Definitions", "definitions"],
  ["ExternalDocs", "externalDocs"],
  ["Example", "example"],
  ["XPreserveUnknownFields", "x-kubernetes-preserve-unknown-fields"],
  ["XEmbeddedResource", "x-kubernetes-embedded-resource"],
  ["XIntOrString", "x-kubernetes-int-or-string"],
  ["XListMapKeys", "x-kubernetes-list-map-keys"],
  ["XListType", "x-kubernetes-list-type"],
  ["XMapType", "x-kubernetes-map-type"],
  ["XValidations", "x-kubernetes-validations"],
];

export const ALLOWED_AT_ROOT_WITH_STATUS = [
  "Description",
  "Type",
  "Format",
  "Title",
  "Maximum",
  "ExclusiveMaximum",
  "Minimum",
  "ExclusiveMinimum",
  "MaxLength",
  "MinLength",
  "Pattern",
  "MaxItems",
  "MinItems",
  "UniqueItems",
  "MultipleOf",
  "Required",
  "Items",
  "Properties",
  "ExternalDocs",
  "Example",
  "XPreserveUnknownFields",
  "XValidations",
];

/** Plain (non-pointer) Go fields, whose zero value is "" or false; the rest are pointers, slices or maps. */
const VALUE_FIELDS = new Set([
  "ID",
  "Schema",
  "Description",
  "Type",
  "Format",
  "Title",
  "Pattern",
  "Nullable",
  "ExclusiveMaximum",
  "ExclusiveMinimum",
  "UniqueItems",
  "XEmbeddedResource",
  "XIntOrString",
]);

/** Go zero value: "" or false for plain fields, nil otherwise (an empty but present slice is not zero). */
function isZero(goName: string, v: unknown): boolean {
  return v === undefined || (VALUE_FIELDS.has(goName) && (v === "" || v === false));
}

export function statusRootErrors(schema: JSONSchemaProps, schemaPath: string): FieldError[] {
  for (const [goName, jsonName] of FIELD_ORDER) {
    const value = schema[jsonName];
    if (isZero(goName, value)) continue;
    if (goName === "Type") {
      if (value !== "object") {
        return [
          invalid(
            child(schemaPath, "type"),
            value,
            `only "object" is allowed as the type at the root of the schema if the status subresource is enabled`,
          ),
        ];
      }
      continue;
    }
    if (!ALLOWED_AT_ROOT_WITH_STATUS.includes(goName)) {
      return [
        invalid(
          schemaPath,
          dumpSchema(schema),
          `only [${ALLOWED_AT_ROOT_WITH_STATUS.join(" ")}] fields are allowed at the root of the schema if the status subresource is enabled`,
        ),
      ];
    }
  }
  return [];
}
