/**
 * Stable key order, so the same input always prints the same bytes: mapping keys sorted
 * (as controller-gen does), except schema `properties`, which keep declaration order —
 * the order users wrote their fields is the order they want to read them.
 */
import type { CustomResourceDefinition, JSONSchemaProps } from "../schema/types.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: { [k: string]: Json } = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]!);
  return out;
}

const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"] as const;

export function canonicalSchema(schema: JSONSchemaProps): JSONSchemaProps {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema).sort()) {
    const value = (schema as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (key === "properties" || key === "patternProperties" || key === "definitions") {
      const props: Record<string, JSONSchemaProps> = {};
      for (const [name, child] of Object.entries(value as Record<string, JSONSchemaProps>)) {
        props[name] = canonicalSchema(child);
      }
      out[key] = props;
    } else if (key === "items" || key === "not" || key === "additionalItems") {
      out[key] = Array.isArray(value)
        ? value.map((v: JSONSchemaProps) => canonicalSchema(v))
        : typeof value === "object" && value !== null
          ? canonicalSchema(value as JSONSchemaProps)
          : value;
    } else if (key === "additionalProperties") {
      out[key] =
        typeof value === "object" && value !== null ? canonicalSchema(value as JSONSchemaProps) : value;
    } else if ((SCHEMA_LISTS as readonly string[]).includes(key)) {
      out[key] = (value as JSONSchemaProps[]).map(canonicalSchema);
    } else if (key === "default" || key === "example" || key === "enum") {
      out[key] = value; // user data: keep as written
    } else {
      out[key] = sortKeys(value as Json);
    }
  }
  return out as JSONSchemaProps;
}

export function canonicalCrd(crd: CustomResourceDefinition): CustomResourceDefinition {
  const { spec, ...rest } = crd;
  const sorted = sortKeys({
    ...rest,
    spec: { ...spec, versions: [] },
  } as unknown as Json) as unknown as CustomResourceDefinition;
  sorted.spec.versions = spec.versions.map((v) => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const value = (v as unknown as Record<string, unknown>)[key];
      if (value === undefined) continue;
      out[key] =
        key === "schema" && v.schema?.openAPIV3Schema
          ? { openAPIV3Schema: canonicalSchema(v.schema.openAPIV3Schema) }
          : sortKeys(value as Json);
    }
    return out as unknown as typeof v;
  });
  return sorted;
}
