/**
 * `NewStructural`: JSONSchemaProps → Structural. Fails (with Kubernetes' message) on the
 * constructs a structural schema cannot hold; `externalDocs` and `example` are dropped.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { setOwn } from "../json.js";
import type { Extensions, Generic, NestedValueValidation, Structural, ValueValidation } from "./types.js";

export class StructuralConversionError extends Error {}

export type NewStructuralResult = { ok: true; schema: Structural } | { ok: false; error: string };

/** Converts `s`; never throws. */
export function newStructural(s: JSONSchemaProps): NewStructuralResult {
  try {
    return { ok: true, schema: toStructural(s, 0) };
  } catch (e) {
    if (e instanceof StructuralConversionError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: "OpenAPIV3Schema is nested too deeply" };
    throw e;
  }
}

const MAX_DEPTH = 1000;

function checkDepth(depth: number): void {
  if (depth > MAX_DEPTH) throw new StructuralConversionError("OpenAPIV3Schema is nested too deeply");
}

function validateUnsupportedFields(s: JSONSchemaProps): void {
  const fail = (what: string) => {
    throw new StructuralConversionError(`OpenAPIV3Schema '${what}' is not supported`);
  };
  if (s.id) fail("id");
  if (s.$schema) fail("schema");
  if (s.$ref) fail("$ref");
  if (s.patternProperties && Object.keys(s.patternProperties).length > 0) fail("patternProperties");
  if (s.dependencies && Object.keys(s.dependencies).length > 0) fail("dependencies");
  if (s.additionalItems !== undefined) fail("additionalItems");
  if (s.definitions && Object.keys(s.definitions).length > 0) fail("definitions");
}

function itemsSchema(s: JSONSchemaProps): JSONSchemaProps | undefined {
  if (s.items === undefined) return undefined;
  if (Array.isArray(s.items)) {
    if (s.items.length > 0)
      throw new StructuralConversionError("OpenAPIV3Schema 'items' must be a schema, but is an array");
    return undefined;
  }
  return s.items;
}

function toStructural(s: JSONSchemaProps, depth: number): Structural {
  checkDepth(depth);
  validateUnsupportedFields(s);
  const ss: Structural = {
    valueValidation: newValueValidation(s, depth),
    generic: newGenerics(s, depth),
    extensions: newExtensions(s),
    source: s,
  };
  const items = itemsSchema(s);
  if (items) ss.items = toStructural(items, depth + 1);
  const properties = s.properties;
  if (properties) {
    let converted: Record<string, Structural> | undefined;
    for (const k in properties) {
      // setOwn, not `=`: a property may be named `__proto__`.
      setOwn((converted ??= {}), k, toStructural(properties[k]!, depth + 1));
    }
    if (converted) ss.properties = converted;
  }
  return ss;
}

function newGenerics(s: JSONSchemaProps, depth: number): Generic {
  const g: Generic = {
    type: s.type ?? "",
    title: s.title ?? "",
    description: s.description ?? "",
    nullable: s.nullable ?? false,
  };
  if (s.default !== undefined) g.default = s.default;
  const ap = s.additionalProperties;
  if (ap !== undefined) {
    g.additionalProperties =
      typeof ap === "boolean" ? { bool: ap } : { bool: true, structural: toStructural(ap, depth + 1) };
  }
  return g;
}

function newExtensions(s: JSONSchemaProps): Extensions {
  if (s["x-kubernetes-preserve-unknown-fields"] === false) {
    throw new StructuralConversionError(
      "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined",
    );
  }
  const x: Extensions = {
    xPreserveUnknownFields: s["x-kubernetes-preserve-unknown-fields"] === true,
    xEmbeddedResource: s["x-kubernetes-embedded-resource"] ?? false,
    xIntOrString: s["x-kubernetes-int-or-string"] ?? false,
    xListMapKeys: s["x-kubernetes-list-map-keys"] ?? [],
    xValidations: s["x-kubernetes-validations"] ?? [],
  };
  if (s["x-kubernetes-list-type"] !== undefined) x.xListType = s["x-kubernetes-list-type"];
  if (s["x-kubernetes-map-type"] !== undefined) x.xMapType = s["x-kubernetes-map-type"];
  return x;
}

const OPTIONAL_BOUNDS = [
  "maximum",
  "minimum",
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "multipleOf",
  "maxProperties",
  "minProperties",
] as const;

function newValueValidation(s: JSONSchemaProps, depth: number): ValueValidation {
  const v: ValueValidation = {
    format: s.format ?? "",
    exclusiveMaximum: s.exclusiveMaximum ?? false,
    exclusiveMinimum: s.exclusiveMinimum ?? false,
    pattern: s.pattern ?? "",
    uniqueItems: s.uniqueItems ?? false,
    enum: s.enum ?? [],
    required: s.required ?? [],
    allOf: (s.allOf ?? []).map((x) => newNested(x, depth + 1)),
    anyOf: (s.anyOf ?? []).map((x) => newNested(x, depth + 1)),
    oneOf: (s.oneOf ?? []).map((x) => newNested(x, depth + 1)),
  };
  for (const k of OPTIONAL_BOUNDS) if (s[k] !== undefined) v[k] = s[k];
  if (s.not) v.not = newNested(s.not, depth + 1);
  return v;
}

function newNested(s: JSONSchemaProps, depth: number): NestedValueValidation {
  checkDepth(depth);
  validateUnsupportedFields(s);
  const v: NestedValueValidation = {
    valueValidation: newValueValidation(s, depth),
    xValidations: s["x-kubernetes-validations"] ?? [],
    forbiddenGenerics: newGenerics(s, depth),
    forbiddenExtensions: newExtensions(s),
  };
  const items = itemsSchema(s);
  if (items) v.items = newNested(items, depth + 1);
  if (s.properties) {
    v.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, x]) => [k, newNested(x, depth + 1)]),
    );
  }
  const ap = s.additionalProperties;
  if (ap !== undefined)
    v.additionalProperties = typeof ap === "boolean" ? emptyNested() : newNested(ap, depth + 1);
  return v;
}

function emptyNested(): NestedValueValidation {
  return {
    valueValidation: newValueValidation({}, 0),
    xValidations: [],
    forbiddenGenerics: newGenerics({}, 0),
    forbiddenExtensions: newExtensions({}),
  };
}
