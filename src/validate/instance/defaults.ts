import type { JSONSchemaProps } from "../../schema/types.js";
import { additionalPropertiesSchema, itemsSchema, propertySchema } from "../cel/decl-type.js";
import { setOwn } from "../json.js";

/**
 * Decode-time defaulting of a custom resource (Kubernetes' structural defaulting): first
 * `null`s of non-nullable fields without a default are dropped, then absent fields (and
 * non-nullable `null`s) receive their schema `default`, recursively into the defaulted values.
 */

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function fieldSchema(s: JSONSchemaProps | undefined, k: string): JSONSchemaProps | undefined {
  if (!s) return undefined;
  return propertySchema(s, k) ?? additionalPropertiesSchema(s);
}

/** `PruneNonNullableNullsWithoutDefaults`. */
export function dropNonNullableNulls(x: unknown, s: JSONSchemaProps | undefined, depth = 0): void {
  if (depth > 200) return;
  if (isObject(x)) {
    for (const k of Object.keys(x)) {
      const fs = fieldSchema(s, k);
      if (x[k] === null && fs && !fs.nullable && fs.default === undefined) delete x[k];
      else dropNonNullableNulls(x[k], fs, depth + 1);
    }
  } else if (Array.isArray(x)) {
    const items = s ? itemsSchema(s) : undefined;
    for (const v of x) dropNonNullableNulls(v, items, depth + 1);
  }
}

function isNonNullableNull(x: unknown, s: JSONSchemaProps | undefined): boolean {
  return x === null && s !== undefined && !s.nullable;
}

/** `structuraldefaulting.Default`. */
export function applyDefaults(x: unknown, s: JSONSchemaProps | undefined, depth = 0): void {
  if (!s || depth > 200) return;
  if (isObject(x)) {
    for (const [k, prop] of Object.entries(s.properties ?? {})) {
      if (prop.default === undefined) continue;
      if (!Object.hasOwn(x, k) || isNonNullableNull(x[k], prop)) setOwn(x, k, clone(prop.default));
    }
    const ap = additionalPropertiesSchema(s);
    for (const k of Object.keys(x)) {
      const prop = propertySchema(s, k);
      if (prop) applyDefaults(x[k], prop, depth + 1);
      else if (ap) {
        if (isNonNullableNull(x[k], ap) && ap.default !== undefined) setOwn(x, k, clone(ap.default));
        applyDefaults(x[k], ap, depth + 1);
      }
    }
  } else if (Array.isArray(x)) {
    const items = itemsSchema(s);
    x.forEach((v, i) => {
      if (isNonNullableNull(v, items) && items?.default !== undefined) x[i] = clone(items.default);
      applyDefaults(x[i], items, depth + 1);
    });
  }
}
