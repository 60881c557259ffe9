/**
 * A small structural-schema check (apiextensions.k8s.io/v1 rules that matter for embedded
 * Kubernetes types), returning one message per violation with its path.
 */
import type { JSONSchemaProps } from "../../src/schema/types.js";

const INT_OR_STRING_BRANCHES = JSON.stringify([{ type: "integer" }, { type: "string" }]);

export function structuralViolations(schema: JSONSchemaProps, path = "<root>"): string[] {
  const problems: string[] = [];
  const at = (message: string) => problems.push(`${path}: ${message}`);

  if ("$ref" in schema) at("has $ref");
  if ("definitions" in schema) at("has definitions");
  const exempt =
    schema["x-kubernetes-int-or-string"] === true || schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (schema.type === undefined && !exempt) at("has no type");
  if (schema.anyOf !== undefined) {
    if (!(
      schema["x-kubernetes-int-or-string"] === true && JSON.stringify(schema.anyOf) === INT_OR_STRING_BRANCHES
    )) {
      at(`anyOf other than int-or-string: ${JSON.stringify(schema.anyOf)}`);
    }
  }
  for (const junctor of ["allOf", "oneOf", "not"] as const) if (junctor in schema) at(`has ${junctor}`);
  if (schema.properties && schema.additionalProperties !== undefined)
    at("has both properties and additionalProperties");
  if ((schema.properties || schema.additionalProperties !== undefined) && schema.type !== "object") {
    at(`properties on type ${schema.type}`);
  }
  if (schema.items !== undefined && schema.type !== "array") at(`items on type ${schema.type}`);
  if (schema.type === "array" && (schema.items === undefined || Array.isArray(schema.items)))
    at("array without one items schema");
  for (const name of schema.required ?? []) {
    if (!schema.properties?.[name]) at(`required ${name} is not a property`);
  }

  const listType = schema["x-kubernetes-list-type"];
  if (listType !== undefined && schema.type !== "array") at("list-type on a non-array");
  const item = Array.isArray(schema.items) ? undefined : schema.items;
  if (listType === "map") {
    const keys = schema["x-kubernetes-list-map-keys"] ?? [];
    if (keys.length === 0) at("list-type map without list-map-keys");
    if (item?.type !== "object") at("list-type map over non-objects");
    for (const key of keys) {
      const keySchema = item?.properties?.[key];
      if (!keySchema) at(`list-map key ${key} is not an item property`);
      else if (!item?.required?.includes(key) && keySchema.default === undefined) {
        at(`list-map key ${key} is neither required nor defaulted`);
      }
    }
  } else if (schema["x-kubernetes-list-map-keys"] !== undefined) {
    at("list-map-keys without list-type map");
  }
  if (listType === "set" && (item?.type === "object" || item?.type === "array"))
    at("list-type set over non-scalars");
  const mapType = schema["x-kubernetes-map-type"];
  if (mapType !== undefined && schema.type !== "object") at("map-type on a non-object");

  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    problems.push(...structuralViolations(child, `${path}.${key}`));
  }
  if (item) problems.push(...structuralViolations(item, `${path}[]`));
  if (typeof schema.additionalProperties === "object") {
    problems.push(...structuralViolations(schema.additionalProperties, `${path}{}`));
  }
  return problems;
}
