/** `SchemaHas`: whether any node of a schema (including value validations) satisfies a predicate. */
import type { JSONSchemaProps } from "../schema/types.js";

export function schemaHas(
  s: JSONSchemaProps | undefined,
  pred: (s: JSONSchemaProps) => boolean,
  depth = 0,
): boolean {
  if (!s || depth > 1000) return false;
  if (pred(s)) return true;
  const next = (x: JSONSchemaProps | boolean | undefined) =>
    typeof x === "object" && schemaHas(x, pred, depth + 1);
  if (Array.isArray(s.items) ? s.items.some(next) : next(s.items)) return true;
  for (const list of [s.allOf, s.anyOf, s.oneOf]) if (list?.some(next)) return true;
  if (next(s.not) || next(s.additionalProperties) || next(s.additionalItems)) return true;
  for (const map of [s.properties, s.patternProperties, s.definitions]) {
    if (map && Object.values(map).some(next)) return true;
  }
  return Object.values(s.dependencies ?? {}).some((d) => !Array.isArray(d) && next(d));
}

const withRules = new WeakMap<JSONSchemaProps, boolean>();

/** Whether any node has `x-kubernetes-validations` rules (cached per schema object). */
export function schemaHasRules(s: JSONSchemaProps): boolean {
  let result = withRules.get(s);
  if (result === undefined) {
    result = schemaHas(s, (x) => (x["x-kubernetes-validations"]?.length ?? 0) > 0);
    withRules.set(s, result);
  }
  return result;
}

export function schemaHasDefaults(s: JSONSchemaProps | undefined): boolean {
  return schemaHas(s, (x) => x.default !== undefined);
}

export function schemaHasKubernetesExtensions(s: JSONSchemaProps | undefined): boolean {
  return schemaHas(
    s,
    (x) =>
      x["x-kubernetes-embedded-resource"] === true ||
      x["x-kubernetes-preserve-unknown-fields"] !== undefined ||
      x["x-kubernetes-int-or-string"] === true ||
      (x["x-kubernetes-list-map-keys"]?.length ?? 0) > 0 ||
      x["x-kubernetes-list-type"] !== undefined ||
      (x["x-kubernetes-validations"]?.length ?? 0) > 0,
  );
}
