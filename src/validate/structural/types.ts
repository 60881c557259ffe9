/**
 * Kubernetes' structural schema (`pkg/apiserver/schema`): the typed skeleton of a CRD schema
 * (type, properties, items, additionalProperties) separated from value validations
 * (allOf/anyOf/oneOf/not and constraints), which may not introduce structure of their own.
 */
import type { JSONSchemaProps, JsonValue, ValidationRule } from "../../schema/types.js";

export interface Generic {
  type: string;
  title: string;
  description: string;
  nullable: boolean;
  /** undefined: no default. */
  default?: JsonValue;
  additionalProperties?: StructuralOrBool;
}

export interface StructuralOrBool {
  structural?: Structural;
  bool: boolean;
}

export interface Extensions {
  xPreserveUnknownFields: boolean;
  xEmbeddedResource: boolean;
  xIntOrString: boolean;
  xListMapKeys: string[];
  xListType?: string;
  xMapType?: string;
  xValidations: ValidationRule[];
}

export interface ValueValidation {
  format: string;
  maximum?: number;
  exclusiveMaximum: boolean;
  minimum?: number;
  exclusiveMinimum: boolean;
  maxLength?: number;
  minLength?: number;
  pattern: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems: boolean;
  multipleOf?: number;
  enum: JsonValue[];
  maxProperties?: number;
  minProperties?: number;
  required: string[];
  allOf: NestedValueValidation[];
  oneOf: NestedValueValidation[];
  anyOf: NestedValueValidation[];
  not?: NestedValueValidation;
}

/** A value-validation clause: may constrain values, but everything "structural" in it must stay empty. */
export interface NestedValueValidation {
  valueValidation: ValueValidation;
  xValidations: ValidationRule[];
  items?: NestedValueValidation;
  properties?: Record<string, NestedValueValidation>;
  /** Set when the clause specifies additionalProperties at all (a schema or a boolean). */
  additionalProperties?: NestedValueValidation;
  forbiddenGenerics: Generic;
  forbiddenExtensions: Extensions;
}

export interface Structural {
  items?: Structural;
  /** undefined when the schema has no (or empty) properties. */
  properties?: Record<string, Structural>;
  generic: Generic;
  extensions: Extensions;
  valueValidation?: ValueValidation;
  /** The JSONSchemaProps node this was converted from (CEL works on those). */
  source?: JSONSchemaProps;
}
