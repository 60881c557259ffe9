/**
 * `listtype.ValidateListSetsAndMaps`: items of `x-kubernetes-list-type: set` lists must be
 * unique, and items of `map` lists unique by their keys. Applied to default values.
 */
import type { FieldError } from "../field-error.js";
import { child, duplicate, index, invalid, key } from "../errors.js";
import { isPlainObject, jsonEqual, own, setOwn } from "../json.js";
import type { Structural } from "../structural/types.js";

export function validateListSetsAndMaps(
  path: string,
  s: Structural | undefined,
  obj: unknown,
  depth = 0,
): FieldError[] {
  if (!s || depth > 200) return [];
  if (Array.isArray(obj)) return validateArray(path, s, obj, depth);
  if (!isPlainObject(obj)) return [];
  const errs: FieldError[] = [];
  const ap = s.generic.additionalProperties?.structural;
  for (const [k, v] of Object.entries(obj)) {
    const prop = own(s.properties, k);
    if (prop) errs.push(...validateListSetsAndMaps(child(path, k), prop, v, depth + 1));
    else if (ap) errs.push(...validateListSetsAndMaps(key(path, k), ap, v, depth + 1));
  }
  return errs;
}

function validateArray(path: string, s: Structural, arr: unknown[], depth: number): FieldError[] {
  const errs: FieldError[] = [];
  const listType = s.extensions.xListType;
  if (listType === "set") {
    arr.forEach((v, i) => {
      if (arr.findIndex((w) => jsonEqual(v, w)) !== i) errs.push(duplicate(index(path, i), v));
    });
  } else if (listType === "map") {
    errs.push(...validateListMap(path, s, arr));
  }
  if (s.items)
    arr.forEach((v, i) => errs.push(...validateListSetsAndMaps(index(path, i), s.items, v, depth + 1)));
  return errs;
}

function validateListMap(path: string, s: Structural, arr: unknown[]): FieldError[] {
  const errs: FieldError[] = [];
  const keys = s.extensions.xListMapKeys;
  const seen: Record<string, unknown>[] = [];
  arr.forEach((item, i) => {
    if (!isPlainObject(item)) {
      errs.push(invalid(index(path, i), item, "must be an object for an array of list-type map"));
      return;
    }
    if (Object.keys(item).length === 0) {
      errs.push(invalid(index(path, i), item, "must contain at least one key"));
      return;
    }
    const keyValues: Record<string, unknown> = {};
    for (const k of keys) {
      if (Object.hasOwn(item, k)) setOwn(keyValues, k, item[k]);
      else {
        const dflt = own(s.items?.properties, k)?.generic.default;
        if (dflt !== undefined) setOwn(keyValues, k, dflt);
      }
    }
    if (seen.some((other) => jsonEqual(other, keyValues))) errs.push(duplicate(index(path, i), keyValues));
    else seen.push(keyValues);
  });
  return errs;
}
