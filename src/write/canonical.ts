/**
 * Stable key order, so the same input always prints the same bytes: mapping keys sorted
 * (as controller-gen does), except schema `properties`, which keep declaration order —
 * the order users wrote their fields is the order they want to read them.
 */
import { sortedKeys } from "../schema/sorted-keys.js";
import type { CustomResourceDefinition, JSONSchemaProps } from "../schema/types.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Values are returned as they are when already in canonical form (keys sorted, nothing
 * undefined): a generated schema mostly is (finalize sorts keys), so rendering copies nothing.
 */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return sameItems(value, sortKeys);
  if (value === null || typeof value !== "object") return value;
  return canonicalObject(value, (_, v) => sortKeys(v as Json)) as Json;
}

/**
 * `object` with its keys sorted, undefined values dropped and each value mapped by `f`; the
 * object itself when that changes nothing, and then nothing is allocated.
 */
function canonicalObject<T extends object>(object: T, f: (key: string, value: unknown) => unknown): T {
  const values = object as Record<string, unknown>;
  const keys = Object.keys(object);
  if (!isSorted(keys)) {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(object)) {
      const value = values[key];
      if (value !== undefined) out[key] = f(key, value);
    }
    return out as T;
  }
  // Keys in order: copy only from the first value that changes (or is undefined) on.
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = values[key];
    const next = value === undefined ? undefined : f(key, value);
    if (!out) {
      if (next === value && value !== undefined) continue;
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = values[keys[j]!];
    }
    if (next !== undefined) out[key] = next;
  }
  return (out ?? object) as T;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/** Keywords whose value is a list of schemas. */
export const SCHEMA_LISTS: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf"]);
/** Keywords whose value is schemas by name. */
export const SCHEMA_MAPS: ReadonlySet<string> = new Set(["properties", "patternProperties", "definitions"]);
/** Keywords whose value is a schema (or, for some, a boolean or a list of schemas). */
export const SCHEMA_VALUES: ReadonlySet<string> = new Set([
  "items",
  "not",
  "additionalItems",
  "additionalProperties",
]);
/** User data: kept as written. */
const DATA = new Set(["default", "example", "enum"]);

/**
 * Schemas built in canonical form (the transforms' output: see transforms/finalize.ts), which
 * rendering takes as they are. Schemas are never changed after they are built.
 */
const builtCanonical = new WeakSet<object>();

/** Notes that `schema` was built in canonical form; returns it. */
export function builtInCanonicalForm<T extends object>(schema: T): T {
  builtCanonical.add(schema);
  return schema;
}

/** A keyword's value other than a schema (or schemas) in canonical form: user data as written, the rest with keys sorted. */
export function canonicalKeywordValue(key: string, value: unknown): unknown {
  return DATA.has(key) ? value : sortKeys(value as Json);
}

/**
 * `schema` in canonical form. `known`: nodes found canonical before (a watch session's); they
 * are not looked at again, and nodes found canonical now are added.
 */
export function canonicalSchema(schema: JSONSchemaProps, known?: WeakSet<JSONSchemaProps>): JSONSchemaProps {
  if (known?.has(schema)) return schema;
  const out = canonicalObject(schema, (key, value) => canonicalValue(key, value, known));
  if (out === schema) known?.add(schema);
  return out;
}

function canonicalValue(key: string, value: unknown, known: WeakSet<JSONSchemaProps> | undefined): unknown {
  if (SCHEMA_MAPS.has(key)) {
    // Declaration order, the order users wrote their fields in.
    const map = value as Record<string, JSONSchemaProps>;
    let out: Record<string, JSONSchemaProps> | undefined;
    for (const name in map) {
      const child = map[name]!;
      const next = canonicalSchema(child, known);
      if (next !== child && !out) {
        out = {};
        for (const before in map) {
          if (before === name) break;
          out[before] = map[before]!;
        }
      }
      if (out) out[name] = next;
    }
    return out ?? map;
  }
  if (SCHEMA_VALUES.has(key)) {
    if (Array.isArray(value)) return sameItems(value as JSONSchemaProps[], (v) => canonicalSchema(v, known));
    return typeof value === "object" && value !== null
      ? canonicalSchema(value as JSONSchemaProps, known)
      : value;
  }
  if (SCHEMA_LISTS.has(key)) return sameItems(value as JSONSchemaProps[], (v) => canonicalSchema(v, known));
  return canonicalKeywordValue(key, value);
}

function sameItems<T>(items: T[], f: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const next = f(items[i]!);
    if (next !== items[i] && !out) out = items.slice(0, i);
    out?.push(next);
  }
  return out ?? items;
}

export function canonicalCrd(
  crd: CustomResourceDefinition,
  known?: WeakSet<JSONSchemaProps>,
): CustomResourceDefinition {
  const { spec, ...rest } = crd;
  const sorted = sortKeys({
    ...rest,
    spec: { ...spec, versions: [] },
  } as unknown as Json) as unknown as CustomResourceDefinition;
  sorted.spec.versions = spec.versions.map((v) => {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(v)) {
      const value = (v as unknown as Record<string, unknown>)[key];
      if (value === undefined) continue;
      out[key] =
        key === "schema" && v.schema?.openAPIV3Schema
          ? { openAPIV3Schema: canonicalRoot(v.schema.openAPIV3Schema, known) }
          : sortKeys(value as Json);
    }
    return out as unknown as typeof v;
  });
  return sorted;
}

function canonicalRoot(
  schema: JSONSchemaProps,
  known: WeakSet<JSONSchemaProps> | undefined,
): JSONSchemaProps {
  return builtCanonical.has(schema) ? schema : canonicalSchema(schema, known);
}
