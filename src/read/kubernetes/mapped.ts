/**
 * TypeScript's modifiers of a whole type (`Partial<V1LabelSelector>`, `Required<...>`,
 * `Readonly<...>`) applied to a known type: the known type's schema with only its own `required`
 * changed. Read member by member instead, the type would lose what its TypeScript declaration
 * does not say: its type-level extensions (`x-kubernetes-map-type: atomic`), and ObjectMeta, which
 * controller-gen writes as `{type: object}` when embedded, would become client-node's fields.
 * Like TypeScript's, the modifiers are shallow: nested objects keep their `required`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";

export type Modifier = "Partial" | "Required" | "Readonly";

export function isModifier(name: string): name is Modifier {
  return name === "Partial" || name === "Required" || name === "Readonly";
}

/** `schema` (a fresh copy the caller owns) as `modifier` makes it. */
export function modifiedSchema(schema: JSONSchemaProps, modifier: Modifier): JSONSchemaProps {
  if (modifier === "Readonly") return schema;
  const { required: _required, ...rest } = schema;
  if (modifier === "Partial" || !schema.properties) return rest;
  // Sorted, as the emitter writes `required`.
  const names = Object.keys(schema.properties).sort();
  return names.length > 0 ? { ...rest, required: names } : rest;
}
