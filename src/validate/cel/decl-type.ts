import type { JSONSchemaProps } from "../../schema/types.js";
import { escapeCelName } from "./escaping.js";

/**
 * The CEL view of a structural schema node, modelled on Kubernetes' DeclType
 * (apiserver/pkg/cel/common/schemas.go `SchemaDeclType`). Besides the type it carries the
 * size bounds the cost estimator needs: `maxElements` (characters, bytes, items or entries)
 * and `minSerializedSize` (the smallest JSON a value can have, which bounds how many of them
 * fit into one request).
 */
export type DeclKind =
  | "object"
  | "map"
  | "list"
  | "string"
  | "bytes"
  | "duration"
  | "timestamp"
  | "int"
  | "double"
  | "bool"
  | "dyn";

export interface DeclField {
  /** The escaped CEL field name. */
  name: string;
  /** The property name in the schema. */
  property: string;
  type: DeclType;
  required: boolean;
}

export interface DeclType {
  kind: DeclKind;
  /** Object fields by escaped name. */
  fields?: Map<string, DeclField>;
  /** Element type of lists, value type of maps. */
  elem?: DeclType;
  maxElements: number;
  minSerializedSize: number;
  /** The schema node this type was made from (absent for synthesised resource metadata). */
  schema?: JSONSchemaProps;
  /** Set on the root of a custom resource or an embedded resource. */
  resourceRoot?: boolean;
}

/** Kubernetes' `MaxRequestSizeBytes` (3 MiB): every size estimate is bounded by one request. */
export const MAX_REQUEST_SIZE_BYTES = 3 * 1024 * 1024;
const MAX_DURATION_SIZE_JSON = 32;
const MAX_DATETIME_SIZE_JSON = 32;
const MIN_DURATION_SIZE_JSON = 3;
const JSON_DATE_SIZE = 12;
const MIN_DATETIME_SIZE_JSON = 21;
const MIN_STRING_SIZE = 2;
const MIN_BOOL_SIZE = 4;
const MIN_NUMBER_SIZE = 1;

/** Map keys are plain strings without a length bound; Kubernetes gives them a max size of 0. */
export const MAP_KEY_TYPE: DeclType = { kind: "string", maxElements: 0, minSerializedSize: MIN_STRING_SIZE };

function zeroIfNegative(n: number): number {
  return n < 0 ? 0 : n;
}

function maxStringLengthPerRequest(schema: JSONSchemaProps): number {
  if (schema["x-kubernetes-int-or-string"]) return MAX_REQUEST_SIZE_BYTES - 2;
  switch (schema.format) {
    case "duration":
      return MAX_DURATION_SIZE_JSON;
    case "date":
      return JSON_DATE_SIZE;
    case "date-time":
      return MAX_DATETIME_SIZE_JSON;
    default:
      return MAX_REQUEST_SIZE_BYTES - 2;
  }
}

function maxStringEnumLength(schema: JSONSchemaProps): number {
  let max = 0;
  for (const value of schema.enum ?? []) {
    if (typeof value === "string" && Buffer.byteLength(value) > max) max = Buffer.byteLength(value);
  }
  return max;
}

/** A declared property's schema; own keys only, so data keys like `constructor` never hit the prototype. */
export function propertySchema(
  schema: JSONSchemaProps | undefined,
  name: string,
): JSONSchemaProps | undefined {
  const props = schema?.properties;
  return props && Object.hasOwn(props, name) ? props[name] : undefined;
}

/** The schema of additionalProperties when it is a schema (not a boolean). */
export function additionalPropertiesSchema(schema: JSONSchemaProps): JSONSchemaProps | undefined {
  const ap = schema.additionalProperties;
  return typeof ap === "object" && ap !== null ? ap : undefined;
}

/** The single items schema (arrays of schemas are not structural and have no CEL type). */
export function itemsSchema(schema: JSONSchemaProps): JSONSchemaProps | undefined {
  const items = schema.items;
  return items && !Array.isArray(items) ? items : undefined;
}

function stringSchema(): JSONSchemaProps {
  return { type: "string" };
}

/**
 * At the root of a resource `apiVersion`, `kind`, `metadata.name` and `metadata.generateName` are
 * always visible to rules, whatever the schema says (Kubernetes' WithTypeAndObjectMeta).
 */
function withTypeAndObjectMeta(schema: JSONSchemaProps): JSONSchemaProps {
  const props = schema.properties;
  const meta = props?.metadata;
  if (
    props?.kind?.type === "string" &&
    props.apiVersion?.type === "string" &&
    meta?.type === "object" &&
    meta.properties?.name?.type === "string" &&
    meta.properties.generateName?.type === "string"
  ) {
    return schema;
  }
  return {
    ...schema,
    properties: {
      ...props,
      kind: stringSchema(),
      apiVersion: stringSchema(),
      metadata: { type: "object", properties: { name: stringSchema(), generateName: stringSchema() } },
    },
  };
}

/**
 * The CEL type of a property, list item or map value (an embedded resource is typed as a
 * resource root), or undefined when CEL sees no such field: one of no type, or a list or map
 * holding values of no type.
 */
export function nestedDeclType(schema: JSONSchemaProps): DeclType | undefined {
  return schemaDeclType(schema, schema["x-kubernetes-embedded-resource"] === true);
}

/** The CEL type of a schema node, or undefined when the node is not exposed to CEL. */
export function schemaDeclType(schema: JSONSchemaProps, isResourceRoot: boolean): DeclType | undefined {
  if (schema["x-kubernetes-int-or-string"]) {
    const maxElements =
      schema.maxLength !== undefined
        ? zeroIfNegative(schema.maxLength) * 4
        : maxStringLengthPerRequest(schema);
    return { kind: "dyn", maxElements, minSerializedSize: 1, schema };
  }
  const s = isResourceRoot ? withTypeAndObjectMeta(schema) : schema;
  switch (s.type) {
    case "array": {
      const items = itemsSchema(s);
      if (!items) return undefined;
      const elem = nestedDeclType(items);
      if (!elem) return undefined;
      const maxElements =
        s.maxItems !== undefined
          ? zeroIfNegative(s.maxItems)
          : Math.floor((MAX_REQUEST_SIZE_BYTES - 2) / (elem.minSerializedSize + 1));
      return { kind: "list", elem, maxElements, minSerializedSize: 2, schema };
    }
    case "object": {
      const ap = additionalPropertiesSchema(s);
      if (ap) {
        const elem = nestedDeclType(ap);
        if (!elem) return undefined;
        const maxElements =
          s.maxProperties !== undefined
            ? zeroIfNegative(s.maxProperties)
            : Math.floor((MAX_REQUEST_SIZE_BYTES - 2) / (elem.minSerializedSize + 6));
        return { kind: "map", elem, maxElements, minSerializedSize: 2, schema };
      }
      const required = new Set(s.required ?? []);
      const fields = new Map<string, DeclField>();
      let minSerializedSize = 2;
      for (const [property, propSchema] of Object.entries(s.properties ?? {})) {
        const fieldType = nestedDeclType(propSchema);
        if (!fieldType) continue;
        const name = escapeCelName(property);
        if (name !== undefined)
          fields.set(name, { name, property, type: fieldType, required: required.has(property) });
        if (required.has(property) && propSchema.default === undefined) {
          minSerializedSize += Buffer.byteLength(property) + fieldType.minSerializedSize + 4;
        }
      }
      return {
        kind: "object",
        fields,
        maxElements: 0,
        minSerializedSize,
        schema,
        resourceRoot: isResourceRoot,
      };
    }
    case "string":
      switch (s.format) {
        case "byte":
          return {
            kind: "bytes",
            maxElements:
              s.maxLength !== undefined ? zeroIfNegative(s.maxLength) : maxStringLengthPerRequest(s),
            minSerializedSize: MIN_STRING_SIZE,
            schema,
          };
        case "duration":
          return {
            kind: "duration",
            maxElements: maxStringLengthPerRequest(s),
            minSerializedSize: MIN_DURATION_SIZE_JSON,
            schema,
          };
        case "date":
          return {
            kind: "timestamp",
            maxElements: maxStringLengthPerRequest(s),
            minSerializedSize: JSON_DATE_SIZE,
            schema,
          };
        case "date-time":
          return {
            kind: "timestamp",
            maxElements: maxStringLengthPerRequest(s),
            minSerializedSize: MIN_DATETIME_SIZE_JSON,
            schema,
          };
      }
      return {
        kind: "string",
        maxElements:
          s.maxLength !== undefined
            ? zeroIfNegative(s.maxLength) * 4
            : (s.enum?.length ?? 0) > 0
              ? maxStringEnumLength(s)
              : maxStringLengthPerRequest(s),
        minSerializedSize: MIN_STRING_SIZE,
        schema,
      };
    case "boolean":
      return { kind: "bool", maxElements: 0, minSerializedSize: MIN_BOOL_SIZE, schema };
    case "number":
      return { kind: "double", maxElements: 0, minSerializedSize: MIN_NUMBER_SIZE, schema };
    case "integer":
      return { kind: "int", maxElements: 0, minSerializedSize: MIN_NUMBER_SIZE, schema };
  }
  return undefined;
}

/**
 * How often a rule on a node of this type could run in one request when nothing above it bounds
 * it (Kubernetes' `maxCardinality`: one comma between elements).
 */
export function unboundedCardinality(type: DeclType): number {
  return Math.floor(MAX_REQUEST_SIZE_BYTES / (type.minSerializedSize + 1));
}
