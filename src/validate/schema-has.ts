/** `SchemaHas`: whether any node of a schema (including value validations) satisfies a predicate. */
import type { JSONSchemaProps } from "../schema/types.js";

export function schemaHas(
  s: JSONSchemaProps | undefined,
  pred: (s: JSONSchemaProps) => boolean,
  depth = 0,
): boolean {
  if (!s || depth > 1000) return false;
  if (pred(s)) return true;
  // Plain loops: this walks every node of large schemas, several times per CRD.
  const d = depth + 1;
  const items = s.items;
  if (Array.isArray(items)) {
    for (const item of items) if (schemaHas(item, pred, d)) return true;
  } else if (typeof items === "object" && schemaHas(items, pred, d)) return true;
  for (const list of BRANCHES) {
    const branches = s[list];
    if (branches) for (const b of branches) if (schemaHas(b, pred, d)) return true;
  }
  if (schemaHas(s.not, pred, d)) return true;
  if (typeof s.additionalProperties === "object" && schemaHas(s.additionalProperties, pred, d)) return true;
  if (typeof s.additionalItems === "object" && schemaHas(s.additionalItems, pred, d)) return true;
  for (const key of MAPS) {
    const map = s[key];
    if (map) for (const name in map) if (schemaHas(map[name], pred, d)) return true;
  }
  const dependencies = s.dependencies;
  if (dependencies) {
    for (const name in dependencies) {
      const dep = dependencies[name];
      if (!Array.isArray(dep) && schemaHas(dep, pred, d)) return true;
    }
  }
  return false;
}

const BRANCHES = ["allOf", "anyOf", "oneOf"] as const;
const MAPS = ["properties", "patternProperties", "definitions"] as const;

function hasDefault(x: JSONSchemaProps): boolean {
  return x.default !== undefined;
}

function hasKubernetesExtension(x: JSONSchemaProps): boolean {
  return (
    x["x-kubernetes-embedded-resource"] === true ||
    x["x-kubernetes-preserve-unknown-fields"] !== undefined ||
    x["x-kubernetes-int-or-string"] === true ||
    (x["x-kubernetes-list-map-keys"]?.length ?? 0) > 0 ||
    x["x-kubernetes-list-type"] !== undefined ||
    hasRules(x)
  );
}

function hasRules(x: JSONSchemaProps): boolean {
  return (x["x-kubernetes-validations"]?.length ?? 0) > 0;
}

const DEFAULTS = 1;
const EXTENSIONS = 2;
const RULES = 4;

/** The fields `nodeFeatures` reads: a node without any of them has none. */
export const FEATURE_FIELDS: readonly string[] = [
  "default",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-int-or-string",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-list-type",
  "x-kubernetes-validations",
];

/** What one node has, as bits for noteSchemaFeatures. */
export function nodeFeatures(x: JSONSchemaProps): number {
  return (
    (hasDefault(x) ? DEFAULTS : 0) | (hasKubernetesExtension(x) ? EXTENSIONS : 0) | (hasRules(x) ? RULES : 0)
  );
}

/**
 * What the nodes of each decoded schema have, noted by the decoder (which visits every node
 * anyway), so that the questions below need no walk of their own. Decoded schemas are never
 * changed afterwards.
 */
const decodedFeatures = new WeakMap<JSONSchemaProps, number>();

/** Notes `features`, the nodeFeatures of all nodes of the freshly decoded `schema`. */
export function noteSchemaFeatures(schema: JSONSchemaProps, features: number): void {
  decodedFeatures.set(schema, features);
}

/** Whether the decoder noted `feature` for `s`; undefined for a schema it did not make. */
function noted(s: JSONSchemaProps, feature: number): boolean | undefined {
  const features = decodedFeatures.get(s);
  return features === undefined ? undefined : (features & feature) !== 0;
}

const withRules = new WeakMap<JSONSchemaProps, boolean>();

/** Whether any node has `x-kubernetes-validations` rules (cached per schema object). */
export function schemaHasRules(s: JSONSchemaProps): boolean {
  let result = noted(s, RULES) ?? withRules.get(s);
  if (result === undefined) {
    result = schemaHas(s, hasRules);
    withRules.set(s, result);
  }
  return result;
}

export function schemaHasDefaults(s: JSONSchemaProps | undefined): boolean {
  return s !== undefined && (noted(s, DEFAULTS) ?? schemaHas(s, hasDefault));
}

export function schemaHasKubernetesExtensions(s: JSONSchemaProps | undefined): boolean {
  return s !== undefined && (noted(s, EXTENSIONS) ?? schemaHas(s, hasKubernetesExtension));
}
