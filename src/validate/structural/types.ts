/**
 * Kubernetes' structural schema (`pkg/apiserver/schema`): the typed skeleton of a CRD schema
 * (type, properties, items, additionalProperties) separated from value validations
 * (allOf/anyOf/oneOf/not and constraints), which may not introduce structure of their own.
 */
import type { JSONSchemaProps, JsonValue, ValidationRule } from "../../schema/types.js";

export interface Generic {
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly nullable: boolean;
  /** undefined: no default. */
  readonly default?: JsonValue;
  readonly additionalProperties?: StructuralOrBool;
}

export interface StructuralOrBool {
  readonly structural?: Structural;
  readonly bool: boolean;
}

export interface Extensions {
  readonly xPreserveUnknownFields: boolean;
  readonly xEmbeddedResource: boolean;
  readonly xIntOrString: boolean;
  readonly xListMapKeys: readonly string[];
  readonly xListType?: string;
  readonly xMapType?: string;
  readonly xValidations: readonly ValidationRule[];
}

export interface ValueValidation {
  readonly format: string;
  readonly maximum?: number;
  readonly exclusiveMaximum: boolean;
  readonly minimum?: number;
  readonly exclusiveMinimum: boolean;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern: string;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly uniqueItems: boolean;
  readonly multipleOf?: number;
  readonly enum: readonly JsonValue[];
  readonly maxProperties?: number;
  readonly minProperties?: number;
  readonly required: readonly string[];
  readonly allOf: readonly NestedValueValidation[];
  readonly oneOf: readonly NestedValueValidation[];
  readonly anyOf: readonly NestedValueValidation[];
  readonly not?: NestedValueValidation;
}

/** A value-validation clause: may constrain values, but everything "structural" in it must stay empty. */
export interface NestedValueValidation {
  readonly valueValidation: ValueValidation;
  readonly xValidations: readonly ValidationRule[];
  readonly items?: NestedValueValidation;
  readonly properties?: Record<string, NestedValueValidation>;
  /** Set when the clause specifies additionalProperties at all (a schema or a boolean). */
  readonly additionalProperties?: NestedValueValidation;
  readonly forbiddenGenerics: Generic;
  readonly forbiddenExtensions: Extensions;
}

export interface Structural {
  readonly items?: Structural;
  /** undefined when the schema has no (or empty) properties. */
  readonly properties?: Record<string, Structural>;
  readonly generic: Generic;
  readonly extensions: Extensions;
  readonly valueValidation?: ValueValidation;
  /** The JSONSchemaProps node this was converted from (CEL works on those). */
  readonly source?: JSONSchemaProps;
}
