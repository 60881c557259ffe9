/**
 * `SchemaHas`: whether any node of a schema (including value validations) satisfies a
 * predicate; for the questions asked of every CRD, and for which rarely used kinds of keyword
 * a schema sets at all, the answers the decoder noted while decoding the schema.
 */
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

/** Whether a node sets a keyword CRD schemas do not support (walks and NewStructural report them). */
function hasUnsupportedKeyword(x: JSONSchemaProps): boolean {
  return (
    x.id !== undefined ||
    x.$schema !== undefined ||
    x.$ref !== undefined ||
    x.patternProperties !== undefined ||
    x.dependencies !== undefined ||
    x.additionalItems !== undefined ||
    x.definitions !== undefined
  );
}

function hasComposition(x: JSONSchemaProps): boolean {
  return x.allOf !== undefined || x.oneOf !== undefined || x.anyOf !== undefined || x.not !== undefined;
}

/** Whether a node sets any `x-kubernetes-*` field, whatever its value. */
function setsExtensionField(x: JSONSchemaProps): boolean {
  return (
    x["x-kubernetes-preserve-unknown-fields"] !== undefined ||
    x["x-kubernetes-embedded-resource"] !== undefined ||
    x["x-kubernetes-int-or-string"] !== undefined ||
    x["x-kubernetes-list-map-keys"] !== undefined ||
    x["x-kubernetes-list-type"] !== undefined ||
    x["x-kubernetes-map-type"] !== undefined ||
    x["x-kubernetes-validations"] !== undefined
  );
}

const DEFAULTS = 1;
const EXTENSIONS = 2;
const RULES = 4;
const UNSUPPORTED_KEYWORDS = 8;
const COMPOSITION = 16;
const EXTENSION_FIELDS = 32;

/** The fields `nodeFeatures` reads: a node without any of them has none. */
export const FEATURE_FIELDS: readonly string[] = [
  "default",
  "id",
  "$schema",
  "$ref",
  "patternProperties",
  "dependencies",
  "additionalItems",
  "definitions",
  "allOf",
  "oneOf",
  "anyOf",
  "not",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-int-or-string",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-list-type",
  "x-kubernetes-map-type",
  "x-kubernetes-validations",
];

/** What one node has, as bits for noteSchemaFeatures. */
export function nodeFeatures(x: JSONSchemaProps): number {
  return (
    (hasDefault(x) ? DEFAULTS : 0) |
    (hasKubernetesExtension(x) ? EXTENSIONS : 0) |
    (hasRules(x) ? RULES : 0) |
    (hasUnsupportedKeyword(x) ? UNSUPPORTED_KEYWORDS : 0) |
    (hasComposition(x) ? COMPOSITION : 0) |
    (setsExtensionField(x) ? EXTENSION_FIELDS : 0)
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

/**
 * Which rarely used kinds of keyword some node of a schema may set. The walks over every node
 * skip their checks of a kind no node sets; for a schema the decoder did not note, every kind
 * may be set.
 */
export interface RareKeywords {
  /** id, $schema, $ref, patternProperties, dependencies, additionalItems, definitions. */
  readonly unsupported: boolean;
  /** allOf, oneOf, anyOf, not. */
  readonly composition: boolean;
  /** Any `x-kubernetes-*` field. */
  readonly extensions: boolean;
}

/** Every kind may be set: nothing is skipped. */
export const ANY_RARE_KEYWORDS: RareKeywords = Object.freeze({
  unsupported: true,
  composition: true,
  extensions: true,
});

export function rareKeywords(s: JSONSchemaProps): RareKeywords {
  const features = decodedFeatures.get(s);
  if (features === undefined) return ANY_RARE_KEYWORDS;
  return {
    unsupported: (features & UNSUPPORTED_KEYWORDS) !== 0,
    composition: (features & COMPOSITION) !== 0,
    extensions: (features & EXTENSION_FIELDS) !== 0,
  };
}
