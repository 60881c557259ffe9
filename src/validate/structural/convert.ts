/**
 * `NewStructural`: JSONSchemaProps → Structural. Fails (with Kubernetes' message) on the
 * constructs a structural schema cannot hold; `externalDocs` and `example` are dropped.
 *
 * Schemas have up to a hundred thousand nodes and most set no value validation and no
 * extension, so those nodes share one frozen empty ValueValidation and Extensions (and absent
 * lists share one frozen empty array) instead of each holding copies: the structural types
 * are read-only, so nothing can change a shared value.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { setOwn } from "../json.js";
import { hasChildSchemas, type ConvertedSubtree, type ValidationMemo } from "../memo.js";
import { ANY_RARE_KEYWORDS, rareKeywords, type RareKeywords } from "../schema-has.js";
import type { Extensions, Generic, NestedValueValidation, Structural, ValueValidation } from "./types.js";

export class StructuralConversionError extends Error {}

export type NewStructuralResult = { ok: true; schema: Structural } | { ok: false; error: string };

/**
 * Converts `s`; never throws. `memo`: a session's subtrees already converted (validate/memo.ts),
 * taken as they are where met again at their depth or nearer the root.
 */
export function newStructural(s: JSONSchemaProps, memo?: ValidationMemo): NewStructuralResult {
  try {
    return { ok: true, schema: toStructural(s, 0, { rare: rareKeywords(s), memo: memo?.converted }) };
  } catch (e) {
    if (e instanceof StructuralConversionError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: "OpenAPIV3Schema is nested too deeply" };
    throw e;
  }
}

/** A structural value while it is being built. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

const MAX_DEPTH = 1000;
const NONE: readonly never[] = Object.freeze([]);

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

/** One conversion. */
interface Conversion {
  /** The kinds of keyword some node of the schema may set; the others are not looked for. */
  readonly rare: RareKeywords;
  readonly memo?: WeakMap<JSONSchemaProps, ConvertedSubtree>;
}

/** Inside value validations every keyword is looked for, and nothing is kept. */
const NESTED: Conversion = { rare: ANY_RARE_KEYWORDS };

function toStructural(s: JSONSchemaProps, depth: number, c: Conversion): Structural {
  const memo = c.memo;
  if (memo === undefined || !hasChildSchemas(s)) return convert(s, depth, c);
  const seen = memo.get(s);
  // `rare` only spares looking for what no node has: a subtree converts alike under any of them.
  if (seen !== undefined && depth <= seen.depth) return seen.structural;
  const structural = convert(s, depth, c);
  memo.set(s, { depth, structural });
  return structural;
}

function convert(s: JSONSchemaProps, depth: number, c: Conversion): Structural {
  const rare = c.rare;
  checkDepth(depth);
  if (rare.unsupported) validateUnsupportedFields(s);
  const ss: Building<Structural> = {
    valueValidation: newValueValidation(s, depth),
    generic: newGenerics(s, depth, c),
    extensions: rare.extensions ? newExtensions(s) : NO_EXTENSIONS,
    source: s,
  };
  const items = itemsSchema(s);
  if (items) ss.items = toStructural(items, depth + 1, c);
  const properties = s.properties;
  if (properties) {
    let converted: Record<string, Structural> | undefined;
    for (const k in properties) {
      // setOwn, not `=`: a property may be named `__proto__`.
      setOwn((converted ??= {}), k, toStructural(properties[k]!, depth + 1, c));
    }
    if (converted) ss.properties = converted;
  }
  return ss;
}

function newGenerics(s: JSONSchemaProps, depth: number, c: Conversion): Generic {
  const g: Building<Generic> = {
    type: s.type ?? "",
    title: s.title ?? "",
    description: s.description ?? "",
    nullable: s.nullable ?? false,
  };
  if (s.default !== undefined) g.default = s.default;
  const ap = s.additionalProperties;
  if (ap !== undefined) {
    g.additionalProperties =
      typeof ap === "boolean" ? { bool: ap } : { bool: true, structural: toStructural(ap, depth + 1, c) };
  }
  return g;
}

const NO_EXTENSIONS: Extensions = Object.freeze({
  xPreserveUnknownFields: false,
  xEmbeddedResource: false,
  xIntOrString: false,
  xListMapKeys: NONE,
  xValidations: NONE,
});

function newExtensions(s: JSONSchemaProps): Extensions {
  const preserveUnknownFields = s["x-kubernetes-preserve-unknown-fields"];
  if (preserveUnknownFields === false) {
    throw new StructuralConversionError(
      "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined",
    );
  }
  const embeddedResource = s["x-kubernetes-embedded-resource"];
  const intOrString = s["x-kubernetes-int-or-string"];
  const listMapKeys = s["x-kubernetes-list-map-keys"];
  const validations = s["x-kubernetes-validations"];
  const listType = s["x-kubernetes-list-type"];
  const mapType = s["x-kubernetes-map-type"];
  if (
    preserveUnknownFields === undefined &&
    embeddedResource === undefined &&
    intOrString === undefined &&
    listMapKeys === undefined &&
    validations === undefined &&
    listType === undefined &&
    mapType === undefined
  )
    return NO_EXTENSIONS;
  const x: Building<Extensions> = {
    xPreserveUnknownFields: preserveUnknownFields === true,
    xEmbeddedResource: embeddedResource ?? false,
    xIntOrString: intOrString ?? false,
    xListMapKeys: listMapKeys ?? NONE,
    xValidations: validations ?? NONE,
  };
  if (listType !== undefined) x.xListType = listType;
  if (mapType !== undefined) x.xMapType = mapType;
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

const NO_VALUE_VALIDATION: ValueValidation = Object.freeze({
  format: "",
  exclusiveMaximum: false,
  exclusiveMinimum: false,
  pattern: "",
  uniqueItems: false,
  enum: NONE,
  required: NONE,
  allOf: NONE,
  anyOf: NONE,
  oneOf: NONE,
});

function newValueValidation(s: JSONSchemaProps, depth: number): ValueValidation {
  if (!hasValueValidation(s)) return NO_VALUE_VALIDATION;
  const v: Building<ValueValidation> = {
    format: s.format ?? "",
    exclusiveMaximum: s.exclusiveMaximum ?? false,
    exclusiveMinimum: s.exclusiveMinimum ?? false,
    pattern: s.pattern ?? "",
    uniqueItems: s.uniqueItems ?? false,
    enum: s.enum ?? NONE,
    required: s.required ?? NONE,
    allOf: newNestedList(s.allOf, depth),
    anyOf: newNestedList(s.anyOf, depth),
    oneOf: newNestedList(s.oneOf, depth),
  };
  for (const k of OPTIONAL_BOUNDS) if (s[k] !== undefined) v[k] = s[k];
  if (s.not) v.not = newNested(s.not, depth + 1);
  return v;
}

/** Whether `s` sets any keyword a ValueValidation is made of. */
function hasValueValidation(s: JSONSchemaProps): boolean {
  // Spelled out: a named lookup is much faster than a loop's keyed one on schemas of many shapes.
  return (
    s.format !== undefined ||
    s.exclusiveMaximum !== undefined ||
    s.exclusiveMinimum !== undefined ||
    s.pattern !== undefined ||
    s.uniqueItems !== undefined ||
    s.enum !== undefined ||
    s.required !== undefined ||
    s.allOf !== undefined ||
    s.anyOf !== undefined ||
    s.oneOf !== undefined ||
    s.not !== undefined ||
    s.maximum !== undefined ||
    s.minimum !== undefined ||
    s.maxLength !== undefined ||
    s.minLength !== undefined ||
    s.maxItems !== undefined ||
    s.minItems !== undefined ||
    s.multipleOf !== undefined ||
    s.maxProperties !== undefined ||
    s.minProperties !== undefined
  );
}

function newNestedList(
  list: readonly JSONSchemaProps[] | undefined,
  depth: number,
): readonly NestedValueValidation[] {
  return list ? list.map((x) => newNested(x, depth + 1)) : NONE;
}

function newNested(s: JSONSchemaProps, depth: number): NestedValueValidation {
  checkDepth(depth);
  validateUnsupportedFields(s);
  const v: Building<NestedValueValidation> = {
    valueValidation: newValueValidation(s, depth),
    xValidations: s["x-kubernetes-validations"] ?? NONE,
    forbiddenGenerics: newGenerics(s, depth, NESTED),
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
    v.additionalProperties = typeof ap === "boolean" ? EMPTY_NESTED : newNested(ap, depth + 1);
  return v;
}

/** What a boolean additionalProperties in a value-validation clause converts to. */
const EMPTY_NESTED: NestedValueValidation = Object.freeze({
  valueValidation: NO_VALUE_VALIDATION,
  xValidations: NONE,
  forbiddenGenerics: Object.freeze({ type: "", title: "", description: "", nullable: false }),
  forbiddenExtensions: NO_EXTENSIONS,
});
